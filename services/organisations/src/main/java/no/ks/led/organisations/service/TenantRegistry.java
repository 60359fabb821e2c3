package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.SchoolAdded;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;

/** Onboarding and deactivating tenants and adding their schools; each change records its event. */
@ApplicationScoped
public class TenantRegistry {

    @Inject
    Outbox outbox;

    /** What onboarding needs, already validated for form. */
    public record Onboarding(String slug, String name, String kind, String orgNumber, String municipalityNumber,
            String timeZone, String language) {
    }

    /** What adding a school needs, already validated for form. */
    public record NewSchool(String name, String orgNumber, String kind, boolean hasLeadershipTeam) {
    }

    @Transactional
    public Tenant onboard(Onboarding request) {
        if (Tenant.findById(request.slug()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "A tenant with the slug " + request.slug() + " exists");
        }
        if (Tenant.count("orgNumber", request.orgNumber()) > 0) {
            throw ProblemException.invalidField("organisationNumber", "another tenant has this organisation number");
        }
        Tenant tenant = new Tenant();
        tenant.slug = request.slug();
        tenant.name = request.name().strip();
        tenant.kind = request.kind();
        tenant.orgNumber = request.orgNumber();
        tenant.municipalityNumber = request.municipalityNumber();
        tenant.timeZone = request.timeZone();
        tenant.language = request.language();
        tenant.active = true;
        tenant.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tenant.persist();
        outbox.record(tenant.slug, new TenantOnboarded(tenant.slug, tenant.name, tenant.kind, tenant.orgNumber,
                tenant.timeZone, tenant.language, tenant.createdAt));
        return tenant;
    }

    /** Deactivates a tenant; its data stays. Deactivating an inactive tenant changes nothing. */
    @Transactional
    public Tenant deactivate(String slug) {
        Tenant tenant = Tenant.<Tenant>findByIdOptional(slug).orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
        if (tenant.active) {
            tenant.active = false;
            tenant.deactivatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            outbox.record(slug, new TenantDeactivated(slug, tenant.deactivatedAt));
        }
        return tenant;
    }

    @Transactional
    public School addSchool(String tenantId, NewSchool request) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !tenant.active) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        if (School.count("orgNumber", request.orgNumber()) > 0) {
            throw ProblemException.invalidField("organisationNumber", "a school with this organisation number exists");
        }
        School school = new School();
        school.id = UUID.randomUUID();
        school.tenantId = tenantId;
        school.name = request.name().strip();
        school.orgNumber = request.orgNumber();
        school.kind = request.kind();
        school.hasLeadershipTeam = request.hasLeadershipTeam();
        school.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        school.persist();
        outbox.record(tenantId, new SchoolAdded(school.id, tenantId, school.name, school.orgNumber, school.kind,
                school.hasLeadershipTeam));
        return school;
    }
}
