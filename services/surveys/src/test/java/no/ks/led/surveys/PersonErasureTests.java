package no.ks.led.surveys;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.testing.DemoAccess;
import org.junit.jupiter.api.Test;

/** A PersonErased event from the real broker leaves no trace of the person in the surveys database. */
@QuarkusTest
class PersonErasureTests {

    @Inject
    EntityManager entityManager;

    @Test
    void anErasedRespondentIsNoLongerNamedAnywhere() {
        UUID person = UUID.randomUUID();
        UUID round = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version)
                    VALUES (?1, 'fjordvik', 'Slettetest', 'individual', ?2, ?3, 1)""")
                    .setParameter(1, round).setParameter(2, LocalDate.now()).setParameter(3, LocalDate.now().plusDays(7))
                    .executeUpdate();
            entityManager.createNativeQuery("INSERT INTO survey_round_school (round_id, school_id) VALUES (?1, ?2)")
                    .setParameter(1, round).setParameter(2, school).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO survey_respondent (round_id, school_id, person_id, role) VALUES (?1, ?2, ?3, 'principal')""")
                    .setParameter(1, round).setParameter(2, school).setParameter(3, person).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO survey_completion (round_id, school_id, person_id, submitted_at, idempotency_key)
                    VALUES (?1, ?2, ?3, now(), 'k')""")
                    .setParameter(1, round).setParameter(2, school).setParameter(3, person).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO survey_sharing (round_id, school_id, shared_by, shared_at) VALUES (?1, ?2, ?3, now())""")
                    .setParameter(1, round).setParameter(2, school).setParameter(3, person).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO respondent_contact (person_id, email, source) VALUES (?1, 'slettes@example.org', 'token')""")
                    .setParameter(1, person).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO invitation (id, tenant_id, round_id, person_id, kind, status, queued_on)
                    VALUES (gen_random_uuid(), 'fjordvik', ?1, ?2, 'invitation', 'pending', current_date)""")
                    .setParameter(1, round).setParameter(2, person).executeUpdate();
        });

        DemoAccess.publish("fjordvik", new PersonErased(person, "fjordvik", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mentions(person) == 0);
        // the round keeps its counts
        assertEquals(1L, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        assertEquals(1L, count("SELECT count(*) FROM survey_respondent WHERE round_id = ?1", round));
        // the invitation is kept (and counted) but never sent: no address is known for the pseudonym
        assertEquals(1L, count("SELECT count(*) FROM invitation WHERE round_id = ?1 AND status = 'pending-address'", round));
    }

    private long mentions(UUID person) {
        return count("SELECT (SELECT count(*) FROM survey_respondent WHERE person_id = ?1)"
                + " + (SELECT count(*) FROM survey_completion WHERE person_id = ?1)"
                + " + (SELECT count(*) FROM survey_sharing WHERE shared_by = ?1)"
                + " + (SELECT count(*) FROM respondent_contact WHERE person_id = ?1)"
                + " + (SELECT count(*) FROM invitation WHERE person_id = ?1)", person);
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
