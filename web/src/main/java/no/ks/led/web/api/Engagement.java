package no.ks.led.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A consultancy's engagement by the tenant: its scope (no schools: the whole tenant) and period. */
@TemplateData
public record Engagement(UUID id, String tenantId, String consultancyId, UUID consultantPersonId, List<UUID> schoolIds,
        LocalDate startsOn, LocalDate endsOn, Instant endedAt, boolean active) {

    public Engagement {
        schoolIds = schoolIds == null ? List.of() : schoolIds;
    }
}
