package no.ks.led.surveys.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;

/** What a round asks: its instrument version's sections, then the tenant's local items as a section of their own. */
@ApplicationScoped
public class RoundQuestions {

    /** The code of the section that holds a round's local items. */
    public static final String LOCAL_SECTION = "local";

    private static final Instrument.Texts LOCAL_TITLE = new Instrument.Texts("Lokale spørsmål", "Lokale spørsmål",
            "Local items", "Lokale spørgsmål");

    @Inject
    EntityManager entityManager;

    @Inject
    InstrumentCatalogue catalogue;

    public Instrument of(SurveyRound round) {
        Instrument instrument = catalogue.published(round.instrumentVersion).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT code, kind, text_nb, text_nn, text_en, text_da FROM survey_local_item WHERE round_id = ?1
                ORDER BY position""").setParameter(1, round.id).getResultList();
        if (rows.isEmpty()) {
            return instrument;
        }
        List<Instrument.Item> local = rows.stream().map(r -> {
            String nb = (String) r[2];
            return new Instrument.Item((String) r[0], (String) r[1],
                    new Instrument.Texts(nb, orElse(r[3], nb), orElse(r[4], nb), orElse(r[5], nb)));
        }).toList();
        List<Instrument.Section> sections = new ArrayList<>(instrument.sections());
        sections.add(new Instrument.Section(LOCAL_SECTION, LOCAL_TITLE, local));
        return new Instrument(instrument.version(), instrument.name(), instrument.publishedAt(), instrument.scale(),
                List.copyOf(sections));
    }

    private static String orElse(Object value, String fallback) {
        return value == null ? fallback : (String) value;
    }
}
