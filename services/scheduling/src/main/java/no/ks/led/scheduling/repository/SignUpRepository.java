package no.ks.led.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Bulk changes of sign-ups. */
@ApplicationScoped
public class SignUpRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Deletes the dietary needs and the reminder addresses of every sign-up for an activity or national event that ended before
     * {@code endedBefore}; answers how many sign-ups had either.
     */
    public int forgetDietaryNeeds(Instant endedBefore) {
        return entityManager.createNativeQuery("""
                UPDATE sign_up SET dietary_needs = NULL, email = NULL WHERE (dietary_needs IS NOT NULL OR email IS NOT NULL)
                AND activity_id IN (SELECT id FROM activity WHERE ends_at < ?1)""")
                .setParameter(1, endedBefore).executeUpdate()
                + entityManager.createNativeQuery("""
                UPDATE national_sign_up SET dietary_needs = NULL WHERE dietary_needs IS NOT NULL
                AND event_id IN (SELECT id FROM national_event WHERE ends_at < ?1)""")
                .setParameter(1, endedBefore).executeUpdate();
    }
}
