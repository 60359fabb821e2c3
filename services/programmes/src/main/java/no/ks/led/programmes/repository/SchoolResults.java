package no.ks.led.programmes.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import no.ks.led.events.surveys.SurveyRoundClosed;

/** The SQL of the schools' released section means ({@code school_result}) and their withdrawals. */
@ApplicationScoped
public class SchoolResults {

    @Inject
    EntityManager entityManager;

    /** A school's mean in one section of one round. */
    public record SectionResult(UUID roundId, UUID schoolId, Instant closedAt, String section, BigDecimal mean) {
    }

    /** Keeps a school's released means of a round, unless the school withdrew them; a repeat adds nothing. */
    public void keep(UUID roundId, String tenantId, UUID schoolId, Instant closedAt, List<SurveyRoundClosed.SectionMean> means) {
        for (SurveyRoundClosed.SectionMean mean : means) {
            entityManager.createNativeQuery("""
                    INSERT INTO school_result (round_id, tenant_id, school_id, closed_at, section, mean)
                    SELECT ?1, ?2, ?3, ?4, ?5, ?6
                    WHERE NOT EXISTS (SELECT 1 FROM school_result_withdrawn WHERE round_id = ?1 AND school_id = ?3)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, roundId).setParameter(2, tenantId).setParameter(3, schoolId)
                    .setParameter(4, closedAt).setParameter(5, mean.section()).setParameter(6, mean.mean())
                    .executeUpdate();
        }
    }

    /** Forgets a school's results of a round, and keeps them forgotten. */
    public void withdraw(UUID roundId, UUID schoolId, Instant withdrawnAt) {
        entityManager.createNativeQuery("""
                INSERT INTO school_result_withdrawn (round_id, school_id, withdrawn_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, roundId).setParameter(2, schoolId).setParameter(3, withdrawnAt).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM school_result WHERE round_id = ?1 AND school_id = ?2")
                .setParameter(1, roundId).setParameter(2, schoolId).executeUpdate();
    }

    /** The tenant's schools' means, oldest round first. */
    public List<SectionResult> ofTenant(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT round_id, school_id, closed_at, section, mean FROM school_result WHERE tenant_id = ?1
                ORDER BY school_id, closed_at, round_id, section""", Tuple.class)
                .setParameter(1, tenantId).getResultList();
        return rows.stream().map(t -> new SectionResult(t.get("round_id", UUID.class), t.get("school_id", UUID.class),
                instant(t.get("closed_at")), t.get("section", String.class), t.get("mean", BigDecimal.class))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : value instanceof java.sql.Timestamp ts
                ? ts.toInstant() : (Instant) value;
    }
}
