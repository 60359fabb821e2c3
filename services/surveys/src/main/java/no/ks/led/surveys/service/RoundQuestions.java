package no.ks.led.surveys.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * What a round asks: its instrument version's sections (in the team's voice for a team round), then the tenant's
 * local items as a section of their own.
 */
@ApplicationScoped
public class RoundQuestions {

    /** The code of the section that holds a round's local items. */
    public static final String LOCAL_SECTION = "local";

    private static final Instrument.Texts LOCAL_TITLE = new Instrument.Texts("Lokale spørsmål", "Lokale spørsmål",
            "Local items", "Lokale spørgsmål");

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    InstrumentCatalogue catalogue;

    public Instrument of(SurveyRound round) {
        Instrument instrument = inMode(catalogue.published(round.instrumentVersion).orElseThrow(), round.mode);
        List<SurveyRoundRepository.LocalItem> items = rounds.localItems(round.id);
        if (items.isEmpty()) {
            return instrument;
        }
        List<Instrument.Item> local = items.stream().map(i -> new Instrument.Item(i.code(), i.kind(),
                new Instrument.Texts(i.nb(), orElse(i.nn(), i.nb()), orElse(i.en(), i.nb()), orElse(i.da(), i.nb()))))
                .toList();
        List<Instrument.Section> sections = new ArrayList<>(instrument.sections());
        sections.add(new Instrument.Section(LOCAL_SECTION, LOCAL_TITLE, local));
        return new Instrument(instrument.version(), instrument.name(), instrument.publishedAt(), instrument.scale(),
                List.copyOf(sections));
    }

    private static Instrument inMode(Instrument instrument, String mode) {
        List<Instrument.Section> sections = instrument.sections().stream().map(s -> new Instrument.Section(s.code(), s.title(),
                s.items().stream().map(i -> i.inMode(mode)).toList())).toList();
        return new Instrument(instrument.version(), instrument.name(), instrument.publishedAt(), instrument.scale(), sections);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
