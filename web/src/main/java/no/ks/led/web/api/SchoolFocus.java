package no.ks.led.web.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A school's focus from results: its latest round's lowest sections and the largest falls since the round before. */
@TemplateData
public record SchoolFocus(UUID schoolId, UUID roundId, Instant closedAt, List<Score> lowest, List<Fall> largestFalls) {

    public SchoolFocus {
        lowest = lowest == null ? List.of() : lowest;
        largestFalls = largestFalls == null ? List.of() : largestFalls;
    }

    @TemplateData
    public record Score(String section, BigDecimal mean) {
    }

    @TemplateData
    public record Fall(String section, BigDecimal before, BigDecimal after, BigDecimal change) {
    }
}
