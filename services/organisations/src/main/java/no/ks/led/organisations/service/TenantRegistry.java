package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.SchoolAddedV2;
import no.ks.led.events.organisations.SchoolChangedV2;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.NationalIdentifiers;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;
import no.ks.led.organisations.TenantKind;

/** Onboarding and deactivating tenants and adding their schools; each change records its event. */
@ApplicationScoped
public class TenantRegistry {

    @Inject
    Outbox outbox;

    /** What onboarding needs, already validated for form. */
    public record Onboarding(String slug, String name, String kind, String orgNumber, String municipalityNumber,
            String timeZone, String language) {
    }

    /**
     * What adding a school needs, already validated for form: the organisation number of a Norwegian school or the
     * institution number of a Danish one, the other null.
     */
    public record NewSchool(String name, String orgNumber, String institutionNumber, String kind, boolean hasLeadershipTeam) {
    }

    /** A change to a school: each field null when it stays as it is. */
    public record SchoolChange(String name, String kind, Boolean hasLeadershipTeam) {
    }

    @Transactional
    public Tenant onboard(Onboarding request) {
        if (Tenant.findById(request.slug()) != null || Consultancy.findById(request.slug()) != null) {
            throw new ProblemException(ProblemType.ORGANISATION_SLUG_TAKEN,
                    "A tenant or consultancy with the slug " + request.slug() + " exists");
        }
        if (Tenant.count("orgNumber", request.orgNumber()) > 0) {
            throw ProblemException.invalidField("organisationNumber", "another tenant has this organisation number");
        }
        Tenant tenant = new Tenant();
        tenant.slug = request.slug();
        tenant.name = request.name().strip();
        tenant.kind = request.kind();
        tenant.country = TenantKind.fromCode(request.kind()).orElseThrow().country().name();
        tenant.orgNumber = request.orgNumber();
        tenant.municipalityNumber = request.municipalityNumber();
        tenant.timeZone = request.timeZone();
        tenant.language = request.language();
        tenant.active = true;
        tenant.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tenant.persist();
        TenantOnboardedV2 onboarded = new TenantOnboardedV2(tenant.slug, tenant.name, tenant.kind, tenant.country,
                tenant.orgNumber, tenant.timeZone, tenant.language, tenant.createdAt);
        outbox.record(tenant.slug, onboarded.v1());
        outbox.record(tenant.slug, onboarded);
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
        return addSchool(tenantId, request, null);
    }

    /** Adds a school with a fixed id (the demo data only), or a random one when {@code fixedId} is null. */
    @Transactional
    School addSchool(String tenantId, NewSchool request, UUID fixedId) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !tenant.active) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        Country country = Country.valueOf(tenant.country);
        List<Problem.Violation> violations = NationalIdentifiers.ofSchool(country, request.orgNumber(),
                request.institutionNumber(), request.kind());
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
        if (request.orgNumber() != null && School.count("orgNumber", request.orgNumber()) > 0) {
            throw ProblemException.invalidField("organisationNumber", "a school with this organisation number exists");
        }
        if (request.institutionNumber() != null && School.count("institutionNumber", request.institutionNumber()) > 0) {
            throw ProblemException.invalidField("institutionNumber", "a school with this institution number exists");
        }
        School school = new School();
        school.id = fixedId == null ? UUID.randomUUID() : fixedId;
        school.tenantId = tenantId;
        school.name = request.name().strip();
        school.orgNumber = request.orgNumber();
        school.institutionNumber = request.institutionNumber();
        school.kind = request.kind();
        school.hasLeadershipTeam = request.hasLeadershipTeam();
        school.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        school.persist();
        SchoolAddedV2 added = new SchoolAddedV2(school.id, tenantId, school.name, tenant.country, school.orgNumber,
                school.institutionNumber, school.kind, school.hasLeadershipTeam);
        if (added.hasV1()) {
            outbox.record(tenantId, added.v1());
        }
        outbox.record(tenantId, added);
        return school;
    }

    private static Country countryOf(String tenantId) {
        return Country.valueOf(Tenant.<Tenant>findByIdOptional(tenantId).orElseThrow().country);
    }

    /** The tenant's school; another tenant's answers exactly like a missing one. */
    public static School school(String tenantId, UUID schoolId) {
        return School.<School>find("id = ?1 and tenantId = ?2", schoolId, tenantId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("School " + schoolId));
    }

    /** Changes a school's name, kind or leadership team; records the school as it is now, if anything changed. */
    @Transactional
    public School changeSchool(String tenantId, UUID schoolId, SchoolChange change) {
        School school = school(tenantId, schoolId);
        boolean changed = false;
        if (change.name() != null && !change.name().strip().equals(school.name)) {
            school.name = change.name().strip();
            changed = true;
        }
        List<Problem.Violation> violations = NationalIdentifiers.ofSchoolKind(countryOf(tenantId), change.kind());
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
        if (change.kind() != null && !change.kind().equals(school.kind)) {
            school.kind = change.kind();
            changed = true;
        }
        if (change.hasLeadershipTeam() != null && change.hasLeadershipTeam() != school.hasLeadershipTeam) {
            school.hasLeadershipTeam = change.hasLeadershipTeam();
            changed = true;
        }
        if (changed) {
            SchoolChangedV2 now = new SchoolChangedV2(school.id, tenantId, school.name, countryOf(tenantId).name(),
                    school.orgNumber, school.institutionNumber, school.kind, school.hasLeadershipTeam);
            if (now.hasV1()) {
                outbox.record(tenantId, now.v1());
            }
            outbox.record(tenantId, now);
        }
        return school;
    }
}
