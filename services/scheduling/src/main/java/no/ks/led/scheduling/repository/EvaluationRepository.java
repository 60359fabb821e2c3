package no.ks.led.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The evaluations of activities: who answered (once each) and, apart from that, what was answered, with no
 * person and no time on an answer.
 */
@ApplicationScoped
public class EvaluationRepository {

    @Inject
    EntityManager entityManager;

    /** One answer as stored: the two ratings and the free text, if any. */
    public record Answer(int usefulness, int relevance, String comment) {
    }

    /** Records that the person answered; false when they had already (the row is the once-per-person guarantee). */
    public boolean recordRespondent(String tenantId, UUID activityId, UUID personId, Instant at) {
        return entityManager.createNativeQuery("""
                INSERT INTO evaluation_respondent (activity_id, person_id, tenant_id, answered_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, activityId).setParameter(2, personId).setParameter(3, tenantId).setParameter(4, at)
                .executeUpdate() == 1;
    }

    public void addAnswer(String tenantId, UUID activityId, Answer answer) {
        entityManager.createNativeQuery("""
                INSERT INTO evaluation_answer (id, activity_id, tenant_id, usefulness, relevance, comment)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, activityId).setParameter(3, tenantId)
                .setParameter(4, (short) answer.usefulness()).setParameter(5, (short) answer.relevance())
                .setParameter(6, answer.comment()).executeUpdate();
    }

    public boolean hasAnswered(UUID activityId, UUID personId) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM evaluation_respondent WHERE activity_id = ?1 AND person_id = ?2")
                .setParameter(1, activityId).setParameter(2, personId).getResultList().isEmpty();
    }

    /** The activity's answers in the order of their random ids, which says nothing about who answered when. */
    @SuppressWarnings("unchecked")
    public List<Answer> answers(String tenantId, UUID activityId) {
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT usefulness, relevance, comment FROM evaluation_answer WHERE tenant_id = ?1 AND activity_id = ?2
                ORDER BY id""", Tuple.class)
                .setParameter(1, tenantId).setParameter(2, activityId).getResultList();
        return rows.stream().map(t -> new Answer(((Number) t.get("usefulness")).intValue(),
                ((Number) t.get("relevance")).intValue(), t.get("comment", String.class))).toList();
    }
}
