package no.ks.led.surveys.invitation.service;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import no.ks.led.surveys.invitation.repository.InvitationRepository;
import no.ks.led.surveys.invitation.repository.RespondentContactRepository;
import no.ks.led.surveys.invitation.repository.RespondentContactRepository.OwnAddress;

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

    /** How long this process trusts that a person's own address is held without asking the database again. */
    static final Duration HELD_FOR = Duration.ofMinutes(10);

    /** The most people remembered at once; past it the memory starts again from nothing. */
    static final int HELD_MAX = 10_000;

    /** An own address this process saw held, until when (on {@link System#nanoTime}'s clock). */
    private record HeldAddress(String email, long until) {
    }

    private final Map<UUID, HeldAddress> held = new ConcurrentHashMap<>();

    /** Stores (or replaces) the address the tenant gave for the person; the last one the tenant gave wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rememberForTenant(String tenantId, UUID personId, String email) {
        if (contacts.recordForTenant(tenantId, personId, normalised(email))) {
            invitations.releaseWaitingForAddress(personId, tenantId);
        }
    }

    /**
     * Stores the address from a caller's token, in a transaction of its own, but only for people who could be
     * respondents (a current principal or school leader in the replica): nobody else's address is kept. Every
     * tenant request of a respondent comes here, so this process remembers for a while ({@link #HELD_FOR}) whose
     * address is held, and asks the database again only when that time is up or the token brings another address.
     */
    public void rememberFromToken(UUID personId, String email) {
        String address = normalised(email);
        long now = System.nanoTime();
        HeldAddress known = held.get(personId);
        if (known != null && known.email().equals(address) && now - known.until() < 0) {
            return;
        }
        OwnAddress found = QuarkusTransaction.requiringNew().call(() -> {
            OwnAddress outcome = contacts.recordOwn(personId, address);
            if (outcome == OwnAddress.STORED) {
                invitations.releaseWaitingForAddress(personId, null);
            }
            return outcome;
        });
        if (found == OwnAddress.NOT_STORED) {
            held.remove(personId);
            return;
        }
        if (held.size() >= HELD_MAX) {
            held.clear();
        }
        held.put(personId, new HeldAddress(address, now + HELD_FOR.toNanos()));
    }

    /** Forgets what this process knew of the person's own address: their addresses were deleted. */
    public void forget(UUID personId) {
        held.remove(personId);
    }

    private static String normalised(String email) {
        return email.strip();
    }
}
