package no.ks.led.organisations.service;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Consultancy;
import no.ks.led.organisations.Engagement;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;
import org.jboss.logging.Logger;

/**
 * Loads the demo directory ({@link DemoDirectory}, from the file {@code led.demo-data.file}) at start
 * when {@code led.demo-data.enabled=true} (local runs and tests; never in production): creates whatever of it is missing, with the
 * directory's fixed ids, through the normal domain services so every change records its event.
 * Running it again changes nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    DemoDataConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    PeopleDirectory people;

    @Inject
    PersonRegister register;

    @Inject
    Consultancies consultancies;

    @Inject
    Engagements engagements;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load(DemoDirectory.load(config.file().orElseThrow(() -> new IllegalStateException(
                    "LED_DEMO_DATA_ENABLED=true needs LED_DEMO_DATA_FILE, the demo directory's file"))));
        }
    }

    /**
     * Creates what is missing of the directory. Something that cannot be created (say, a tenant's
     * organisation number already taken by another tenant) is logged and skipped, so a local start
     * never fails on demo data.
     */
    @ActivateRequestContext
    public void load(DemoDirectory directory) {
        int created = 0;
        int skipped = 0;
        for (DemoDirectory.Tenant t : directory.tenants()) {
            if (Tenant.findById(t.slug()) == null) {
                boolean danish = "dansk-kommune".equals(t.kind());
                if (attempt("tenant " + t.slug(), () -> tenants.onboard(new TenantRegistry.Onboarding(t.slug(), t.name(),
                        t.kind(), t.organisationNumber(), t.municipalityNumber(),
                        danish ? "Europe/Copenhagen" : TenantZones.PLATFORM_DEFAULT_ID, danish ? "da" : "nb")))) {
                    created++;
                } else {
                    skipped++;
                }
            }
        }
        for (DemoDirectory.Consultancy c : directory.consultancies()) {
            if (Consultancy.findById(c.slug()) == null) {
                if (attempt("consultancy " + c.slug(),
                        () -> consultancies.register(c.slug(), c.name(), c.organisationNumber()))) {
                    created++;
                } else {
                    skipped++;
                }
            }
        }
        for (DemoDirectory.School s : directory.schools()) {
            if (School.findById(s.id()) == null) {
                if (attempt("school " + s.id(), () -> tenants.addSchool(s.tenantId(), new TenantRegistry.NewSchool(
                        s.name(), s.organisationNumber(), s.institutionNumber(), s.kind(), s.hasLeadershipTeam()), s.id()))) {
                    created++;
                } else {
                    skipped++;
                }
            }
        }
        for (DemoDirectory.Person p : directory.people()) {
            attempt("person " + p.id(), () -> register.ensurePerson(p.id(), p.name(), p.email()));
        }
        for (DemoDirectory.Membership m : directory.memberships()) {
            if (Membership.findById(m.id()) != null) {
                continue;
            }
            DemoDirectory.Person p = directory.people().stream().filter(x -> x.id().equals(m.personId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Demo membership " + m.id() + " names no demo person"));
            boolean done = TenantRole.CONSULTANT.roleName().equals(m.role())
                    ? attempt("membership " + m.id(), () -> consultancies.addConsultant(m.tenantId(), p.name(), p.email(),
                            m.startsOn(), p.id(), m.id()))
                    : attempt("membership " + m.id(), () -> people.addToTenant(m.tenantId(), p.name(), p.email(),
                            new PeopleDirectory.NewRole(m.role(), m.schoolId(), m.startsOn(), m.endsOn(), m.title()), p.id(), m.id()));
            if (done) {
                created++;
            } else {
                skipped++;
            }
        }
        for (DemoDirectory.Engagement e : directory.engagements()) {
            if (Engagement.findById(e.id()) == null) {
                if (attempt("engagement " + e.id(), () -> engagements.start(e.tenantId(), new Engagements.NewEngagement(
                        e.consultancyId(), e.consultantPersonId(), e.schoolIds() == null ? List.of() : e.schoolIds(),
                        e.startsOn(), e.endsOn()), null, e.id()))) {
                    created++;
                } else {
                    skipped++;
                }
            }
        }
        LOG.infof("Demo data loaded: %d objects created, %d skipped", created, skipped);
    }

    private static boolean attempt(String what, Runnable creation) {
        try {
            creation.run();
            return true;
        } catch (ProblemException e) {
            LOG.warnf("Demo data: %s not created: %s", what, e.getMessage());
            return false;
        }
    }
}
