package no.ks.led.web.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The nation's respondents and section means year by year, oldest first (a suppressed mean is null). */
@TemplateData
public record NationalTrend(int instrumentVersion, int fromYear, int toYear, List<Year> years) {

    public NationalTrend {
        years = years == null ? List.of() : years;
    }

    @TemplateData
    public record Year(int year, int instrumentVersion, int minGroupSize, boolean suppressed, Long respondents,
            List<Trend.SectionMean> sections) {

        public Year {
            sections = sections == null ? List.of() : sections;
        }

        /** The mean of a section this year, or null where the year has none. */
        public Trend.SectionMean section(String code) {
            return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }
    }
}
