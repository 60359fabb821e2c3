package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** One round with its schools and what it asks. */
@TemplateData
public record SurveyRoundDetail(UUID id, String title, String mode, LocalDate opensOn, LocalDate closesOn,
        int minGroupSize, int retentionYears, List<UUID> schoolIds, Questions questions) {

    /** The round's questions: the instrument's sections and the local items, with the scale. */
    @TemplateData
    public record Questions(int version, String name, List<ScaleLabel> scale, List<Section> sections) {
    }

    /** A text in the platform's four languages. */
    @TemplateData
    public record Translations(String nb, String nn, String en, String da) {

        /** The text in a language, bokmål where a language has none. */
        public String in(String language) {
            String text = switch (language) {
                case "nn" -> nn;
                case "en" -> en;
                case "da" -> da;
                default -> nb;
            };
            return text == null || text.isBlank() ? nb : text;
        }
    }

    /** A point of the scale: {@code 1} to {@code 5} or {@code dont-know}. */
    @TemplateData
    public record ScaleLabel(String value, Translations label) {
    }

    @TemplateData
    public record Section(String code, Translations title, List<Item> items) {
    }

    /** A statement on the scale ({@code scale}) or a free-text question ({@code text}). */
    @TemplateData
    public record Item(String code, String kind, Translations text) {

        public boolean isScale() {
            return "scale".equals(kind);
        }
    }

    /** A section's title in a language, by its code (the code itself for one the round does not have). */
    public String sectionTitle(String code, String language) {
        return questions.sections().stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> s.title().in(language)).orElse(code);
    }

    /** An item's text in a language, by its code. */
    public String itemText(String code, String language) {
        return questions.sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.code().equals(code))
                .findFirst().map(i -> i.text().in(language)).orElse(code);
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
