package no.ks.led.organisations.identity.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.foundation.inbox.Inbox;
import no.ks.led.organisations.identity.IdentitySyncTask;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the service's own events that Keycloak must follow into identity sync tasks, each event once,
 * in the same transaction as its inbox entry. Keycloak itself is changed later by the worker, so a
 * Keycloak that is down never holds up the stream.
 */
@ApplicationScoped
public class IdentityEvents {

    public static final String CHANNEL = "identity-sync";

    @Inject
    Inbox inbox;

    @Incoming(CHANNEL)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.deliverAll(CHANNEL, records);
    }

    /** Records an event Keycloak follows as a pending task of the kind named after its contract. */
    abstract static class Task<E extends Record> implements EventHandler<E> {

        @Override
        public void handle(E event, EventEnvelope envelope) {
            IdentitySyncTask task = new IdentitySyncTask();
            task.eventId = envelope.id();
            task.tenantId = envelope.tenant();
            task.kind = event.getClass().getSimpleName();
            task.payload = envelope.data();
            task.status = IdentitySyncTask.PENDING;
            task.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            task.nextAttemptAt = task.createdAt;
            task.persist();
        }
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnTenantOnboarded extends Task<TenantOnboarded> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnTenantDeactivated extends Task<TenantDeactivated> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnMembershipGranted extends Task<MembershipGranted> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnMembershipEnded extends Task<MembershipEnded> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnEngagementStarted extends Task<EngagementStarted> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnEngagementEnded extends Task<EngagementEnded> {
    }

    @ApplicationScoped
    @ConsumedBy(CHANNEL)
    static class OnPersonErased extends Task<PersonErased> {
    }
}
