package no.ks.led.surveys.rest;

import java.util.List;

import no.ks.led.surveys.Instrument;

/** A version as a respondent would read it in one language and mode (individual: first person; team: "Vi ..."). */
public record InstrumentPreview(int version, String name, boolean published, String language, String mode,
        List<Label> scale, List<Section> sections) {

    /** A point of the scale and its label. */
    public record Label(String value, String label) {
    }

    /** A section's title and its items. */
    public record Section(String code, String title, List<Item> items) {
    }

    /** An item as asked. */
    public record Item(String code, String kind, String text, String continues) {
    }

    static InstrumentPreview of(Instrument instrument, String language, String mode) {
        return new InstrumentPreview(instrument.version(), instrument.name(), instrument.publishedAt() != null, language, mode,
                instrument.scale().stream().map(l -> new Label(l.value(), l.label().in(language))).toList(),
                instrument.sections().stream().map(s -> new Section(s.code(), s.title().in(language), s.items().stream()
                        .map(i -> i.inMode(mode))
                        .map(i -> new Item(i.code(), i.kind(), i.text() == null ? null : i.text().in(language), i.continues()))
                        .toList())).toList());
    }
}
