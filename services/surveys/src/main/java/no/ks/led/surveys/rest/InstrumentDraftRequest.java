package no.ks.led.surveys.rest;

import java.util.List;

import no.ks.led.surveys.Instrument;

/**
 * A draft version of the instrument as KS writes it: its name, the scale's labels, and the sections with their
 * items, each item in the first person ({@code text}) and in the team's voice ({@code team}), both in nb, nn, en
 * and da, and optionally the key of the previous version's item it continues. The service checks every field.
 */
public record InstrumentDraftRequest(String name, List<Instrument.ScaleLabel> scale, List<Section> sections) {

    /** A section and its items, in order. */
    public record Section(String code, Instrument.Texts title, List<Item> items) {
    }

    /** An item: {@code scale} (agreement, 1 to 5 or don't know) or {@code text} (free text). */
    public record Item(String code, String kind, Instrument.Texts text, Instrument.Texts team, String continues) {
    }

    /** The draft's content as the service takes it (the version is the draft's). */
    Instrument toContent(int version) {
        return new Instrument(version, name, null, scale,
                sections == null ? null : sections.stream().map(s -> s == null ? null
                        : new Instrument.Section(s.code(), s.title(), s.items() == null ? null : s.items().stream()
                                .map(i -> i == null ? null : new Instrument.Item(i.code(), i.kind(), i.text(), i.continues(), i.team()))
                                .toList()))
                        .toList());
    }
}
