package no.ks.led.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A published version of the national instrument: its sections, their items and the scale, with
 * texts in bokmål, nynorsk, English and Danish. Loaded from the database, never changed.
 */
public record Instrument(int version, String name, Instant publishedAt, List<ScaleLabel> scale, List<Section> sections) {

    public static final String SCALE = "scale";
    public static final String TEXT = "text";

    /** One text in the four languages of the platform. */
    public record Texts(String nb, String nn, String en, String da) {
    }

    /** A point of the agreement scale: {@code 1} to {@code 5}, or {@code dont-know}. */
    public record ScaleLabel(String value, Texts label) {
    }

    /** A section of the instrument (or, in a round, the tenant's local items). */
    public record Section(String code, Texts title, List<Item> items) {
    }

    /**
     * A statement answered on the scale ({@code scale}) or a free-text question ({@code text}); {@code continues}
     * names the item of the previous version it carries on (null: new, or version 1), so trends compare them.
     */
    public record Item(String code, String kind, Texts text, String continues) {

        public Item(String code, String kind, Texts text) {
            this(code, kind, text, null);
        }

        public boolean isScale() {
            return SCALE.equals(kind);
        }
    }

    public Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    public Optional<Item> item(String code) {
        return items().filter(i -> i.code().equals(code)).findFirst();
    }
}
