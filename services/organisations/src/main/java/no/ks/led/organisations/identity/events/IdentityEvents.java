package no.ks.led.organisations.identity.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.EventContracts;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.inbox.Inbox;
import no.ks.led.organisations.identity.IdentitySyncTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns the service's own events that Keycloak must follow into identity sync tasks, each event once,
 * in the same transaction as its inbox entry. Keycloak itself is changed later by the worker, so a
 * Keycloak that is down never holds up the stream.
 */
@ApplicationScoped
public class IdentityEvents {

    private static final Logger LOG = Logger.getLogger(IdentityEvents.class);

    /** Event type → task kind, for the events Keycloak follows. */
    static final Map<String, String> KINDS = Stream.of(TenantOnboarded.class, TenantDeactivated.class,
            MembershipGranted.class, MembershipEnded.class, EngagementStarted.class, EngagementEnded.class,
            PersonErased.class)
            .collect(Collectors.toUnmodifiableMap(EventContracts::type, Class::getSimpleName));

    @Inject
    Inbox inbox;

    @Incoming("identity-sync")
    @Blocking
    @Transactional
    public void record(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event = EventEnvelope.fromConsumerRecord(record);
        String kind = KINDS.get(event.type());
        if (kind == null) {
            return;
        }
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already recorded for identity sync", event.id());
            return;
        }
        IdentitySyncTask task = new IdentitySyncTask();
        task.eventId = event.id();
        task.tenantId = event.tenant();
        task.kind = kind;
        task.payload = event.data();
        task.status = IdentitySyncTask.PENDING;
        task.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        task.nextAttemptAt = task.createdAt;
        task.persist();
    }
}
