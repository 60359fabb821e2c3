package no.ks.led.surveys.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.surveys.invitation.repository.InvitationRepository;
import no.ks.led.surveys.invitation.repository.RespondentContactRepository;
import no.ks.led.surveys.invitation.service.RespondentContacts;
import no.ks.led.surveys.repository.SurveyRoundRepository;

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
    SurveyRoundRepository rounds;

    @Inject
    RespondentContactRepository contacts;

    @Inject
    InvitationRepository invitations;

    @Inject
    RespondentContacts ownAddresses;

    @Override
    public void handle(PersonErased erased, EventEnvelope envelope) {
        rounds.pseudonymise(erased.personId());
        contacts.deleteAll(erased.personId());
        ownAddresses.forget(erased.personId());
        invitations.pseudonymise(erased.personId());
    }
}
