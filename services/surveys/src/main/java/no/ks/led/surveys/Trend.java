package no.ks.led.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A school's or a tenant's results over time: per round, oldest first, the section means as the viewer may
 * see them in that round's results (a suppressed mean is {@code null}, never a number).
 *
 * @param scope {@code school} or {@code tenant}
 */
public record Trend(String scope, UUID schoolId, List<Round> rounds) {

    /** One round: what it was, and the section means shown to the viewer ({@code suppressed}: none of them). */
    public record Round(UUID roundId, String title, LocalDate opensOn, LocalDate closesOn, int instrumentVersion,
            String basis, boolean suppressed, List<SectionMean> sections) {
    }

    /** A section's mean in one round: {@code null} when suppressed for this viewer (or answered only "don't know"). */
    public record SectionMean(String code, boolean suppressed, BigDecimal mean) {
    }
}
