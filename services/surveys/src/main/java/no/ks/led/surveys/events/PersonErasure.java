package no.ks.led.surveys.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;

/**
 * Pseudonymises what this service holds about an erased person: their place in respondent lists,
 * completion lists and sharing decisions gets a random id instead, so counts stay right and nothing
 * leads back to them, and rounds they opened no longer name them. Their answers never named them; the keyed tag that let them find their own
 * answers was derived from the old id and now matches nobody. Their e-mail address is deleted and their
 * invitations are pseudonymised too (unsent ones are never sent). Runs in the transaction that applies
 * the event to the access replica.
 */
@ApplicationScoped
@ConsumedBy(AccessEvents.CHANNEL)
public class PersonErasure implements EventHandler<PersonErased> {

    @Inject
    EntityManager entityManager;

    @Override
    public void handle(PersonErased erased, EventEnvelope envelope) {
        for (String update : new String[] {
                "UPDATE survey_respondent SET person_id = gen_random_uuid() WHERE person_id = ?1",
                "UPDATE survey_completion SET person_id = gen_random_uuid() WHERE person_id = ?1",
                "UPDATE survey_sharing SET shared_by = gen_random_uuid() WHERE shared_by = ?1",
                "UPDATE survey_round SET opened_by = NULL WHERE opened_by = ?1",
                "DELETE FROM respondent_contact WHERE person_id = ?1",
                "UPDATE invitation SET person_id = gen_random_uuid(), last_error = NULL,"
                        + " status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'pending-address' END WHERE person_id = ?1"}) {
            entityManager.createNativeQuery(update).setParameter(1, erased.personId()).executeUpdate();
        }
    }
}
