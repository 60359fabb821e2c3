package no.ks.led.events.surveys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A round of the status analysis closed. Lists every school of the round; section means only for the schools
 * whose results may leave them (shared by the principal and shown to the owner after suppression). Names no
 * respondent and carries no individual's answer.
 */
@EventContract(service = "surveys", name = "SurveyRoundClosed", version = 1)
public record SurveyRoundClosed(UUID roundId, String tenantId, int instrumentVersion, Instant closedAt, List<School> schools) {

    /**
     * A school of the round.
     *
     * @param released whether its results may leave it; when false, {@code sectionMeans} is empty
     * @param sectionMeans the sections whose mean the owner is shown (a section with a hidden item has none)
     */
    public record School(UUID schoolId, boolean released, List<SectionMean> sectionMeans) {
    }

    /** The pooled mean (1-5, two decimals) of a section's scale items at one school. */
    public record SectionMean(String section, BigDecimal mean) {
    }
}
