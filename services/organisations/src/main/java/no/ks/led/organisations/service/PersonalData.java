package no.ks.led.organisations.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Engagement;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;

/** Everything this service stores about one person, for the person's right of access (GDPR art. 15). */
@ApplicationScoped
public class PersonalData {

    @Inject
    EntityManager entityManager;

    /** The export: the person, their memberships, the engagements naming them and the identity sync's state. */
    public record Export(Instant exportedAt, PersonRecord person, List<MembershipRecord> memberships,
            List<EngagementRecord> engagements, IdentitySync identitySync) {
    }

    public record PersonRecord(UUID id, String name, String email, String feideId, Instant createdAt,
            Instant erasedAt) {
    }

    public record MembershipRecord(UUID id, String organisationId, String role, UUID schoolId, LocalDate startsOn,
            LocalDate endsOn, Instant endedAt) {
    }

    public record EngagementRecord(UUID id, String tenantId, String consultancyId, List<UUID> schoolIds,
            LocalDate startsOn, LocalDate endsOn, Instant endedAt) {
    }

    /** The person's link to Keycloak and the sync tasks that concern them. */
    public record IdentitySync(String keycloakUserId, List<SyncTask> tasks) {
    }

    public record SyncTask(String organisationId, String kind, String status, int attempts, Instant createdAt,
            Instant doneAt) {
    }

    @Transactional
    public Export export(UUID personId) {
        Person person = Person.<Person>findByIdOptional(personId)
                .orElseThrow(() -> ProblemException.notFound("Person " + personId));
        List<MembershipRecord> memberships = Membership.ofPerson(personId).stream()
                .map(m -> new MembershipRecord(m.id, m.organisationId, m.role, m.schoolId, m.startsOn, m.endsOn,
                        m.endedAt))
                .toList();
        List<EngagementRecord> engagements = Engagement.<Engagement>list(
                "consultantPersonId = ?1 order by startsOn, id", personId).stream()
                .map(e -> new EngagementRecord(e.id, e.tenantId, e.consultancyId, e.schools(), e.startsOn, e.endsOn,
                        e.endedAt))
                .toList();
        return new Export(Instant.now(),
                new PersonRecord(person.id, person.name, person.email, person.feideId, person.createdAt, person.erasedAt),
                memberships, engagements, new IdentitySync(person.keycloakUserId, syncTasks(personId)));
    }

    /** The identity sync's tasks whose event names the person; none if the sync's table is not there. */
    @SuppressWarnings("unchecked")
    private List<SyncTask> syncTasks(UUID personId) {
        Object table = entityManager.createNativeQuery("SELECT CAST(to_regclass('identity_sync_task') AS text)")
                .getSingleResult();
        if (table == null) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT tenant_id, kind, status, attempts, created_at, done_at FROM identity_sync_task
                WHERE payload LIKE ?1 ORDER BY id""")
                .setParameter(1, "%" + personId + "%")
                .getResultList();
        return rows.stream().map(r -> new SyncTask((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), instant(r[4]), instant(r[5]))).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
