package no.ks.led.surveys.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * What a round asks: its instrument version's sections (in the team's voice for a team round), then the tenant's
 * local items as a section of their own. None of that changes once the round is opened (a published version is
 * never edited, and the local items are written with the round), so each round's questions are kept in memory once
 * read: every draft and submission validates against them.
 */
@ApplicationScoped
public class RoundQuestions {

    /** The code of the section that holds a round's local items. */
    public static final String LOCAL_SECTION = "local";

    private static final Instrument.Texts LOCAL_TITLE = new Instrument.Texts("Lokale spørsmål", "Lokale spørsmål",
            "Local items", "Lokale spørgsmål");

    /** The most rounds whose questions are kept at once; past it the memory starts again from nothing. */
    static final int ROUNDS_KEPT = 128;

    @Inject
    SurveyRoundRepository rounds;

    private final Map<UUID, Instrument> byRound = new ConcurrentHashMap<>();

    @Inject
    InstrumentCatalogue catalogue;

    /** The round's questions (in a transaction, the caller's if it has one: the local items are read through JDBC). */
    @Transactional
    public Instrument of(SurveyRound round) {
        Instrument known = byRound.get(round.id);
        if (known != null) {
            return known;
        }
        Instrument read = read(round);
        if (byRound.size() >= ROUNDS_KEPT) {
            byRound.clear();
        }
        byRound.put(round.id, read);
        return read;
    }

    private Instrument read(SurveyRound round) {
        Instrument instrument = inMode(catalogue.published(round.instrumentVersion).orElseThrow(), round.mode);
        SurveyRoundRepository.LocalItems items = rounds.localItems(round.id);
        if (items.items().isEmpty()) {
            return instrument;
        }
        Country country = items.country();
        List<Instrument.Item> local = items.items().stream()
                .map(i -> new Instrument.Item(i.code(), i.kind(), texts(i, country))).toList();
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

    /**
     * A local item's texts in every language: a language the owner left out gets the text in the tenant's own
     * language (bokmål in Norway, Danish in Denmark), or, for an item stored before that was required, the first
     * text it has. Never null, so no page or export shows "null".
     */
    static Instrument.Texts texts(SurveyRoundRepository.LocalItem item, Country country) {
        Stream<String> order = country == Country.DK ? Stream.of(item.da(), item.nb(), item.nn(), item.en())
                : Stream.of(item.nb(), item.nn(), item.da(), item.en());
        String own = order.filter(Objects::nonNull).findFirst().orElse("");
        return new Instrument.Texts(orElse(item.nb(), own), orElse(item.nn(), own), orElse(item.en(), own),
                orElse(item.da(), own));
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
