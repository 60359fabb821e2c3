package no.ks.led.surveys;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A round's results as one viewer may see them. A suppressed figure is {@code suppressed: true} with no
 * numbers at all: it concerns fewer than k respondents, or could be worked out from figures shown.
 *
 * @param scope {@code school} or {@code tenant}
 * @param shared in the school view, whether the principal has shared the school's results with the owner
 * @param basis {@code aggregate} (the k rule applies), {@code own-answers} (a one-leader school's leader
 *              sees their own answers) or {@code team} (the school's one agreed answer set)
 */
public record Results(UUID roundId, String scope, UUID schoolId, int minGroupSize, String basis, Boolean shared,
        Group total, List<School> schools) {

    /** The figures of one group of respondents (a school, a tenant). */
    public record Group(boolean suppressed, Long respondents, List<Section> sections, List<FreeText> freeText) {

        public static final Group SUPPRESSED = new Group(true, null, List.of(), List.of());
    }

    /** A section's pooled mean over its scale items, shown only when every one of its items is. */
    public record Section(String code, boolean suppressed, BigDecimal mean, List<Item> items) {
    }

    /**
     * One scale item: the mean of the 1-5 answers, the distribution (keys 1 to 5 and dont-know), and the
     * number of answers (including "don't know").
     */
    public record Item(String code, boolean suppressed, Long responseCount, BigDecimal mean, Map<String, Long> distribution) {
    }

    /** The answers to one free-text item, sorted, never attributed. */
    public record FreeText(String item, List<String> texts) {
    }

    /** A school in the owner's view: {@code shared} or {@code not-shared}; figures only when shared and the rules allow. */
    public record School(UUID schoolId, String status, Group results) {
    }
}
