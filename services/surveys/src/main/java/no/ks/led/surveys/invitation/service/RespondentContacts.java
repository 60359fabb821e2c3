package no.ks.led.surveys.invitation.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.invitation.repository.InvitationRepository;
import no.ks.led.surveys.invitation.repository.RespondentContactRepository;

/**
 * The e-mail addresses this service knows. It has no address book: an address comes from a tenant's
 * coordinator with a round (kept for that tenant only), or from the {@code email} claim of a respondent's
 * own token when they call this service (theirs, for every tenant). A tenant writes to the newer of its own
 * and the person's, never to one another tenant gave. Learning an address releases the invitations waiting
 * for one that may use it.
 */
@ApplicationScoped
public class RespondentContacts {

    @Inject
    RespondentContactRepository contacts;

    @Inject
    InvitationRepository invitations;

    /** Stores (or replaces) the address the tenant gave for the person; the last one the tenant gave wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberForTenant(String tenantId, UUID personId, String email) {
        if (contacts.recordForTenant(tenantId, personId, normalised(email))) {
            invitations.releaseWaitingForAddress(personId, tenantId);
        }
    }

    /**
     * Stores the address from a caller's token, but only for people who could be respondents (a current
     * principal or school leader in the replica): nobody else's address is kept.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rememberFromToken(UUID personId, String email) {
        if (contacts.recordOwn(personId, normalised(email))) {
            invitations.releaseWaitingForAddress(personId, null);
        }
    }

    private static String normalised(String email) {
        return email.strip();
    }
}
