package no.ks.led.web.api;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A round's results in the owner's view: the tenant's aggregate and each school, shared or not, as the API
 * lets this person see them (a suppressed figure carries no number).
 */
@TemplateData
public record OwnerResults(UUID roundId, int minGroupSize, String basis, Results.Group total, List<School> schools,
        UUID previousRoundId) {

    public OwnerResults {
        schools = schools == null ? List.of() : schools;
    }

    /** A school in the owner's view: {@code shared} or {@code not-shared}; figures only when shared and shown. */
    @TemplateData
    public record School(UUID schoolId, String status, Results.Group results) {

        public boolean isShared() {
            return "shared".equals(status);
        }
    }
}
