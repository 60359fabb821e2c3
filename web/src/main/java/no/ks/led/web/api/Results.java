package no.ks.led.web.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A round's results as the API lets this person see them: suppressed figures carry no numbers. */
@TemplateData
public record Results(UUID roundId, String scope, UUID schoolId, int minGroupSize, String basis, Boolean shared,
        Group total) {

    @TemplateData
    public record Group(boolean suppressed, Long respondents, List<Section> sections, List<FreeText> freeText) {

        public Group {
            sections = sections == null ? List.of() : sections;
            freeText = freeText == null ? List.of() : freeText;
        }
    }

    @TemplateData
    public record Section(String code, boolean suppressed, BigDecimal mean, List<Item> items) {

        public Section {
            items = items == null ? List.of() : items;
        }
    }

    @TemplateData
    public record Item(String code, boolean suppressed, Long responseCount, BigDecimal mean,
            Map<String, Long> distribution) {
    }

    @TemplateData
    public record FreeText(String item, List<String> texts) {
    }

    /** The message key that says what the figures rest on ({@code aggregate}, {@code own-answers}, {@code team}). */
    public String basisKey() {
        return "results.basis." + basis;
    }

    public boolean isShared() {
        return Boolean.TRUE.equals(shared);
    }
}
