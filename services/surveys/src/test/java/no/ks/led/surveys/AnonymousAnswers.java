package no.ks.led.surveys;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Test data: submitted answer sets written straight to the anonymous tables, as other respondents would leave them
 * (the round's result tallies are rebuilt after each).
 */
public final class AnonymousAnswers {

    private AnonymousAnswers() {
    }

    /** One submitted set at the school: {@code learning-1} = the value, {@code learning-2} = 4, and a comment. */
    public static void insert(EntityManager entityManager, String round, String school, int learning1, String comment) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID set = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO answer_set (id, tenant_id, round_id, school_id, owner_tag, submitted)
                    VALUES (?1, 'fjordvik', ?2, ?3, ?4, true)""")
                    .setParameter(1, set).setParameter(2, UUID.fromString(round))
                    .setParameter(3, UUID.fromString(school)).setParameter(4, "test-" + set).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO answer (answer_set_id, stage, item_code, value, dont_know, text) VALUES
                    (?1, 'submitted', 'learning-1', ?2, false, NULL), (?1, 'submitted', 'learning-2', 4, false, NULL),
                    (?1, 'submitted', 'comments-1', NULL, false, ?3)""")
                    .setParameter(1, set).setParameter(2, (short) learning1).setParameter(3, comment).executeUpdate();
            // written past Responding, as a bulk load would be: the tallies are recomputed as after one
            entityManager.createNativeQuery("SELECT 1 FROM (SELECT rebuild_result_tally(?1)) rebuilt")
                    .setParameter(1, UUID.fromString(round)).getSingleResult();
        });
    }
}
