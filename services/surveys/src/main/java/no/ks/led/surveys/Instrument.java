package no.ks.led.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A version of the national instrument: its sections, their items and the scale, with texts in bokmål,
 * nynorsk, English and Danish. A published one ({@code publishedAt} set) never changes; a draft is KS's to edit.
 */
public record Instrument(int version, String name, Instant publishedAt, List<ScaleLabel> scale, List<Section> sections) {

    /** The languages every text of an instrument is written in. */
    public static final List<String> LANGUAGES = List.of("nb", "nn", "en", "da");

    public static final String SCALE = "scale";
    public static final String TEXT = "text";

    /** One text in the four languages of the platform. */
    public record Texts(String nb, String nn, String en, String da) {

        /** The text in one of {@link #LANGUAGES}. */
        public String in(String language) {
            return switch (language) {
                case "nb" -> nb;
                case "nn" -> nn;
                case "en" -> en;
                case "da" -> da;
                default -> throw new IllegalArgumentException("no language " + language);
            };
        }
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
     * {@code text} is in the first person (individual rounds), {@code team} in the team's voice, "Vi ..." (team
     * rounds); version 1 has no team voice (null) and asks {@code text} in both modes.
     */
    public record Item(String code, String kind, Texts text, String continues, Texts team) {

        public Item(String code, String kind, Texts text) {
            this(code, kind, text, null, null);
        }

        public Item(String code, String kind, Texts text, String continues) {
            this(code, kind, text, continues, null);
        }

        /** The item as a round of this mode asks it: in the team's voice for a team round where there is one. */
        public Item inMode(String mode) {
            return "team".equals(mode) && team != null ? new Item(code, kind, team, continues, team) : this;
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
