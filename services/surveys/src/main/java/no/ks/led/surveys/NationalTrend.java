package no.ks.led.surveys;

import java.util.List;

/**
 * The nation's results over time: per year with rounds, oldest first, the national section means as
 * {@link NationalResults} shows them (a suppressed mean is {@code null}, never a number). A year is counted on
 * the asked instrument version or, where no round of the year used it, on the newest older version that
 * was used; sections compare by code across versions, as in the tenants' trends.
 */
public record NationalTrend(int instrumentVersion, int fromYear, int toYear, List<Year> years) {

    /** One year: which version it was counted on, its k, and the nation's respondents and section means. */
    public record Year(int year, int instrumentVersion, int minGroupSize, boolean suppressed, Long respondents,
            List<Trend.SectionMean> sections) {
    }
}
