package no.ks.led.scheduling.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The tenant's current members as the access replica knows them, for choosing an activity's participants. */
@ApplicationScoped
public class ParticipantRepository {

    @Inject
    EntityManager entityManager;

    /** A current membership: the person, the role, the school where the role applies (null for the whole tenant). */
    public record Member(UUID personId, String role, UUID schoolId) {
    }

    /** The tenant's memberships in force today (started, not ended). */
    @SuppressWarnings("unchecked")
    public List<Member> currentMembers(String tenantId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT person_id, role, school_id FROM access_membership
                WHERE organisation_id = ?1 AND ended_at IS NULL AND starts_on <= current_date
                AND (ends_on IS NULL OR ends_on >= current_date) ORDER BY person_id, role""", Tuple.class)
                .setParameter(1, tenantId).getResultList();
        return rows.stream().map(t -> new Member(t.get("person_id", UUID.class), t.get("role", String.class),
                t.get("school_id", UUID.class))).toList();
    }
}
