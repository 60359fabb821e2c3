package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Engagement;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;

/** A tenant's engagements of consultancies: starting and ending them, each with its event. */
@ApplicationScoped
public class Engagements {

    @Inject
    Outbox outbox;

    /** What starting an engagement needs; {@code schoolIds} empty for the whole tenant. */
    public record NewEngagement(String consultancyId, UUID consultantPersonId, List<UUID> schoolIds,
            LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * Starts an engagement. A named consultant must be a current consultant of the consultancy, the
     * schools the tenant's own, and the period must not end before it starts.
     *
     */
    @Transactional
    public Engagement start(String tenantId, NewEngagement request, UUID createdBy) {
        return start(tenantId, request, createdBy, null);
    }

    /** As {@link #start(String, NewEngagement, UUID)}, with the id fixed unless null: for the demo data only. */
    @Transactional
    Engagement start(String tenantId, NewEngagement request, UUID createdBy, UUID fixedId) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !tenant.active) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        if (Consultancy.findById(request.consultancyId()) == null) {
            throw ProblemException.invalidField("consultancyId", "no such consultancy");
        }
        if (request.consultantPersonId() != null && !Consultancies.isConsultantOf(request.consultantPersonId(),
                request.consultancyId(), PlatformClock.today(tenantId))) {
            throw ProblemException.invalidField("consultantPersonId", "not a consultant of " + request.consultancyId());
        }
        Set<UUID> schools = new LinkedHashSet<>(request.schoolIds() == null ? List.of() : request.schoolIds());
        for (UUID schoolId : schools) {
            School school = School.findById(schoolId);
            if (school == null || !school.tenantId.equals(tenantId)) {
                throw ProblemException.invalidField("schoolIds", "no such school in this tenant: " + schoolId);
            }
        }
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must be on or after startsOn");
        }
        Engagement engagement = new Engagement();
        engagement.id = fixedId == null ? UUID.randomUUID() : fixedId;
        engagement.tenantId = tenantId;
        engagement.consultancyId = request.consultancyId();
        engagement.consultantPersonId = request.consultantPersonId();
        engagement.schoolIds = schools.toArray(UUID[]::new);
        engagement.startsOn = request.startsOn();
        engagement.endsOn = request.endsOn();
        engagement.createdBy = createdBy;
        engagement.persist();
        outbox.record(tenantId, new EngagementStarted(engagement.id, tenantId, engagement.consultancyId,
                engagement.consultantPersonId, engagement.schools(), engagement.startsOn, engagement.endsOn));
        return engagement;
    }

    /**
     * Ends (revokes) an engagement now; its consultants lose access at once. Ending an ended one
     * changes nothing.
     *
     * @return whether this call ended it
     */
    @Transactional
    public boolean end(String tenantId, UUID engagementId) {
        Engagement engagement = inTenant(tenantId, engagementId);
        if (engagement.endedAt != null) {
            return false;
        }
        engagement.endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        outbox.record(tenantId, new EngagementEnded(engagement.id, tenantId, engagement.endedAt));
        return true;
    }

    /** The tenant's engagement; another tenant's answers exactly like a missing one. */
    public Engagement inTenant(String tenantId, UUID engagementId) {
        return Engagement.<Engagement>find("id = ?1 and tenantId = ?2", engagementId, tenantId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Engagement " + engagementId));
    }
}
