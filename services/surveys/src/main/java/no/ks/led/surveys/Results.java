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
 * @param previousRoundId the round the figures are compared with ({@code previousMean}, {@code change}), if any
 */
public record Results(UUID roundId, String scope, UUID schoolId, int minGroupSize, String basis, Boolean shared,
        Group total, List<School> schools, UUID previousRoundId) {

    public Results(UUID roundId, String scope, UUID schoolId, int minGroupSize, String basis, Boolean shared, Group total,
            List<School> schools) {
        this(roundId, scope, schoolId, minGroupSize, basis, shared, total, schools, null);
    }

    /** The figures of one group of respondents (a school, a tenant). */
    public record Group(boolean suppressed, Long respondents, List<Section> sections, List<FreeText> freeText) {

        public static final Group SUPPRESSED = new Group(true, null, List.of(), List.of());
    }

    /**
     * A section's pooled mean over its scale items, shown only when every one of its items is; the previous
     * round's mean of the section with the same code as shown to the same viewer, and the change (now minus
     * then) only when both are shown.
     */
    public record Section(String code, boolean suppressed, BigDecimal mean, List<Item> items, BigDecimal previousMean,
            BigDecimal change) {

        public Section(String code, boolean suppressed, BigDecimal mean, List<Item> items) {
            this(code, suppressed, mean, items, null, null);
        }
    }

    /**
     * One scale item: the mean of the 1-5 answers, the distribution (keys 1 to 5 and dont-know), and the
     * number of answers (including "don't know"); the previous round's mean of the same (or the continued)
     * item as shown to the same viewer, and the change only when both are shown.
     */
    public record Item(String code, boolean suppressed, Long responseCount, BigDecimal mean, Map<String, Long> distribution,
            BigDecimal previousMean, BigDecimal change) {

        public Item(String code, boolean suppressed, Long responseCount, BigDecimal mean, Map<String, Long> distribution) {
            this(code, suppressed, responseCount, mean, distribution, null, null);
        }
    }

    /** The answers to one free-text item, sorted, never attributed. */
    public record FreeText(String item, List<String> texts) {
    }

    /** A school in the owner's view: {@code shared} or {@code not-shared}; figures only when shared and the rules allow. */
    public record School(UUID schoolId, String status, Group results) {
    }
}
