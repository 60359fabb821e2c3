package no.ks.led.organisations.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.School;
import no.ks.led.organisations.Tenant;
import no.ks.led.organisations.service.PeopleDirectory;
import no.ks.led.organisations.service.PlatformClock;
import no.ks.led.organisations.service.TenantRegistry;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Checks a roster against what the tenant has and imports it: new schools through
 * {@link TenantRegistry}, people and their memberships through {@link PeopleDirectory}, so each
 * change records its event. An import is all or nothing in one transaction; imports of one tenant
 * wait for each other, the tenant's other writes do not wait for an import.
 */
@ApplicationScoped
public class RosterImport {

    /** How many rows are written between flushes, so the persistence context stays small. */
    private static final int FLUSH_EVERY = 200;
    /** 10,000 rows took 20 s on a quiet machine and three minutes on a busy one; the default is one minute. */
    static final int IMPORT_TIMEOUT_SECONDS = 300;

    @Inject
    EntityManager entityManager;

    @Inject
    TenantRegistry registry;

    @Inject
    PeopleDirectory people;

    /** Reports what importing the roster would do; changes nothing. */
    @Transactional
    public RosterReport dryRun(String tenantId, Roster roster) {
        return plan(activeTenant(tenantId), roster).report(true);
    }

    /**
     * Imports the roster: creates the schools, people and memberships it names that do not exist, in
     * one transaction (the caller's, if it has one).
     *
     * @throws RosterRejected when any row has an error; then nothing is changed
     */
    public RosterReport importRoster(String tenantId, Roster roster) {
        return QuarkusTransaction.joiningExisting().timeout(IMPORT_TIMEOUT_SECONDS).call(() -> write(tenantId, roster));
    }

    private RosterReport write(String tenantId, Roster roster) {
        // One import per tenant at a time: a second waits here and then sees what the first created.
        // The lock is the import's own (a transaction-scoped advisory lock), not the tenant row's: a
        // lock on the tenant row would hold every other write that refers to the tenant (a new
        // school's foreign key check, for one) for as long as the import runs.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "roster-import:" + tenantId).getSingleResult();
        Tenant tenant = activeTenant(tenantId);
        Plan plan = plan(tenant, roster);
        RosterReport report = plan.report(false);
        if (!report.errors().isEmpty()) {
            throw new RosterRejected(report);
        }
        // the tenant's first import grants every existing leader at once; consumers tell it from later joiners
        boolean initialImport = tenant.firstRosterImportAt == null;
        if (initialImport) {
            tenant.firstRosterImportAt = PlatformClock.now();
        }
        Map<String, UUID> schoolIds = new HashMap<>(plan.existingSchools);
        for (Roster.RosterSchool school : plan.schoolsToCreate.values()) {
            boolean danish = roster.country() == Country.DK;
            schoolIds.put(school.number(), registry.addSchool(tenantId, new TenantRegistry.NewSchool(school.name(),
                    danish ? null : school.number(), danish ? school.number() : null, school.kind(),
                    school.hasLeadershipTeam())).id);
        }
        // Rows are written through PeopleDirectory one by one. Flushing before each of its queries would
        // dominate 10,000 rows, so the session flushes in batches instead, and before a row whose person
        // an earlier row created, so that PeopleDirectory finds that person rather than adding them twice.
        Session session = entityManager.unwrap(Session.class);
        FlushMode flushMode = session.getHibernateFlushMode();
        Integer batchSize = session.getJdbcBatchSize();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        session.setJdbcBatchSize(FLUSH_EVERY);
        try {
            Set<String> seen = new HashSet<>();
            int written = 0;
            for (Roster.Entry entry : plan.membershipsToGrant) {
                if (!seen.add(entry.email())) {
                    entityManager.flush();
                }
                people.addToTenant(tenantId, entry.personName(), entry.email(), new PeopleDirectory.NewRole(
                        entry.role().roleName(), schoolIds.get(entry.school().number()), null, null, entry.title()), null, null,
                        initialImport);
                if (++written % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            entityManager.flush();
        } finally {
            session.setHibernateFlushMode(flushMode);
            session.setJdbcBatchSize(batchSize);
        }
        return report;
    }

    private Tenant activeTenant(String tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || !tenant.active) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        return tenant;
    }

    /**
     * Checks the roster's valid rows against the database, with one query for all its school numbers
     * (organisation numbers, or a Danish owner's institution numbers), one for all its e-mail addresses and one
     * for those people's memberships here.
     */
    private Plan plan(Tenant tenant, Roster roster) {
        Plan plan = new Plan(roster);
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (Roster.Entry entry : roster.entries()) {
            numbers.add(entry.school().number());
            emails.add(entry.email());
        }
        boolean danish = roster.country() == Country.DK;
        Map<String, School> schools = new HashMap<>();
        if (!numbers.isEmpty()) {
            for (School school : School.<School>list(danish ? "institutionNumber in ?1" : "orgNumber in ?1", numbers)) {
                schools.put((danish ? school.institutionNumber : school.orgNumber).strip(), school);
            }
        }
        Map<String, Person> persons = new HashMap<>();
        if (!emails.isEmpty()) {
            for (Person person : Person.<Person>list("email in ?1", emails)) {
                persons.put(person.email, person);
            }
        }
        Set<String> held = new HashSet<>();
        if (!persons.isEmpty()) {
            LocalDate today = PlatformClock.today(tenant.slug);
            List<UUID> ids = persons.values().stream().map(p -> p.id).toList();
            for (Membership m : Membership.<Membership>list("organisationId = ?1 and personId in ?2", tenant.slug, ids)) {
                if (m.openOn(today)) {
                    held.add(key(m.personId, m.role, m.schoolId));
                }
            }
        }

        Map<UUID, String> knownNames = people.namesIn(tenant.slug, persons.values().stream().map(p -> p.id).toList());
        String numberColumn = roster.header(RosterColumn.SCHOOL_NUMBER);
        Set<String> warnedSchools = new HashSet<>();
        Set<String> warnedPeople = new HashSet<>();
        List<Roster.Entry> accepted = new ArrayList<>();
        for (Roster.Entry entry : roster.entries()) {
            Roster.RosterSchool wanted = entry.school();
            School existing = schools.get(wanted.number());
            if (existing != null && !existing.tenantId.equals(tenant.slug)) {
                plan.errors.add(new RosterError(entry.row(), numberColumn, "the %s %s belongs to a school of another owner"
                        .formatted(Roster.numberName(roster.country()), wanted.number())));
                continue;
            }
            accepted.add(entry);
            if (existing != null && warnedSchools.add(wanted.number()) && !sameSchool(existing, wanted)) {
                plan.warnings.add(new RosterError(wanted.row(), roster.header(RosterColumn.SCHOOL),
                        "the school %s exists as \"%s\" (%s, %s); it is reused as it is".formatted(wanted.number(),
                                existing.name, existing.kind, existing.hasLeadershipTeam ? "with a leadership team" : "no leadership team")));
            }
            Person person = persons.get(entry.email());
            // compared with the name this tenant gave, never with what another owner registered
            String knownAs = person == null ? null : knownNames.get(person.id);
            if (knownAs != null && warnedPeople.add(entry.email()) && !knownAs.strip().equalsIgnoreCase(entry.personName())) {
                plan.warnings.add(new RosterError(entry.row(), roster.header(RosterColumn.NAME),
                        "%s is registered with another name; that person is given the role and keeps the registered name"
                                .formatted(entry.email())));
            }
        }
        Set<Integer> rejectedRows = new HashSet<>();
        plan.errors.forEach(e -> rejectedRows.add(e.row()));
        Set<String> newPeople = new HashSet<>();
        for (Roster.Entry entry : accepted) {
            if (rejectedRows.contains(entry.row())) {
                continue;
            }
            Roster.RosterSchool wanted = entry.school();
            School existing = schools.get(wanted.number());
            if (existing == null) {
                plan.schoolsToCreate.putIfAbsent(wanted.number(), wanted);
            } else {
                plan.existingSchools.put(wanted.number(), existing.id);
            }
            Person person = persons.get(entry.email());
            // new to this tenant: whether another organisation knows the address is not this tenant's to learn
            if (person == null || !knownNames.containsKey(person.id)) {
                newPeople.add(entry.email());
            }
            if (person == null || existing == null || !held.contains(key(person.id, entry.role().roleName(), existing.id))) {
                plan.membershipsToGrant.add(entry);
            }
        }
        plan.peopleToCreate = newPeople.size();
        return plan;
    }

    private static boolean sameSchool(School existing, Roster.RosterSchool wanted) {
        return existing.name.strip().equalsIgnoreCase(wanted.name()) && existing.kind.equals(wanted.kind())
                && existing.hasLeadershipTeam == wanted.hasLeadershipTeam();
    }

    private static String key(UUID personId, String role, UUID schoolId) {
        return personId + "|" + role + "|" + Objects.toString(schoolId, "");
    }

    /** What the roster would change, worked out before anything is written. */
    private static final class Plan {
        final Roster roster;
        final List<RosterError> errors;
        final List<RosterError> warnings;
        final Map<String, Roster.RosterSchool> schoolsToCreate = new LinkedHashMap<>();
        final Map<String, UUID> existingSchools = new HashMap<>();
        final List<Roster.Entry> membershipsToGrant = new ArrayList<>();
        int peopleToCreate;

        Plan(Roster roster) {
            this.roster = roster;
            this.errors = new ArrayList<>(roster.errors());
            this.warnings = new ArrayList<>(roster.warnings());
        }

        RosterReport report(boolean dryRun) {
            Comparator<RosterError> byRow = Comparator.comparingInt(RosterError::row);
            errors.sort(byRow);
            warnings.sort(byRow);
            Set<Integer> invalidRows = new HashSet<>();
            errors.forEach(e -> invalidRows.add(e.row()));
            return new RosterReport(dryRun, roster.rows(), roster.rows() - invalidRows.size(), List.copyOf(errors),
                    List.copyOf(warnings), schoolsToCreate.size(), peopleToCreate, membershipsToGrant.size());
        }
    }
}
