package no.ks.led.web.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** The tenant's results over time: every round that has opened, oldest first, with the section means shown. */
@TemplateData
public record Trend(String scope, UUID schoolId, List<Round> rounds) {

    public Trend {
        rounds = rounds == null ? List.of() : rounds;
    }

    @TemplateData
    public record Round(UUID roundId, String title, LocalDate opensOn, LocalDate closesOn, int instrumentVersion,
            String basis, boolean suppressed, List<SectionMean> sections) {

        public Round {
            sections = sections == null ? List.of() : sections;
        }

        /** The mean of a section in this round, or null where there is none or it is hidden. */
        public SectionMean section(String code) {
            return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }
    }

    @TemplateData
    public record SectionMean(String code, boolean suppressed, BigDecimal mean) {
    }

    /** Every section code of any round, in the order they first appear. */
    public List<String> sectionCodes() {
        return rounds.stream().flatMap(r -> r.sections().stream()).map(SectionMean::code).distinct().toList();
    }
}
