package no.ks.led.surveys;

import java.util.List;

/**
 * The national view of the status analysis for KS: one instrument version's results over every tenant's
 * rounds closing in one year, as the nation and one entry per tenant, never naming a school. Suppressed
 * figures are {@code suppressed: true} with no numbers, as in {@link Results}; free text is never shown here.
 *
 * @param minGroupSize k: the national minimum, or the largest k of the rounds counted where a tenant raised it
 * @param basis always {@code aggregate}; a team round's agreed answer counts as one respondent
 */
public record NationalResults(int instrumentVersion, int year, int minGroupSize, String basis, Results.Group total,
        List<Tenant> tenants) {

    /** One tenant's aggregate over its schools' latest rounds of the year. */
    public record Tenant(String tenantId, Results.Group results) {
    }
}
