package no.ks.led.foundation.access;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.ks.led.events.EventContracts;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.events.EventEnvelope;

/**
 * The organisations events that change who may act where, as a store of access data applies them:
 * each service's {@link AccessReplica} (in its database) and the gateway's replica (in memory).
 * Each method must be idempotent and tolerate a redelivered event.
 */
public interface AccessChanges {

    void tenantOnboarded(TenantOnboarded event);

    void tenantDeactivated(TenantDeactivated event);

    void membershipGranted(MembershipGranted event);

    void membershipEnded(MembershipEnded event);

    void engagementStarted(EngagementStarted event);

    void engagementEnded(EngagementEnded event);

    void personErased(PersonErased event);

    /**
     * Applies one event of the organisations topic to a store; events that do not concern access are
     * ignored. Returns the event's payload, read as its contract record, or null if it was ignored.
     */
    static Record apply(EventEnvelope event, ObjectMapper json, AccessChanges store) throws JsonProcessingException {
        Change<?> change = Change.BY_TYPE.get(event.type());
        return change == null ? null : change.apply(event.data(), json, store);
    }

    /** How one event type changes a store. */
    record Change<E extends Record>(Class<E> contract, BiConsumer<AccessChanges, E> method) {

        static final Map<String, Change<?>> BY_TYPE = Stream.of(
                new Change<>(TenantOnboarded.class, AccessChanges::tenantOnboarded),
                new Change<>(TenantDeactivated.class, AccessChanges::tenantDeactivated),
                new Change<>(MembershipGranted.class, AccessChanges::membershipGranted),
                new Change<>(MembershipEnded.class, AccessChanges::membershipEnded),
                new Change<>(EngagementStarted.class, AccessChanges::engagementStarted),
                new Change<>(EngagementEnded.class, AccessChanges::engagementEnded),
                new Change<>(PersonErased.class, AccessChanges::personErased))
                .collect(Collectors.toUnmodifiableMap(c -> EventContracts.type(c.contract()), c -> c));

        E apply(String data, ObjectMapper json, AccessChanges store) throws JsonProcessingException {
            E event = json.readValue(data, contract);
            method.accept(store, event);
            return event;
        }
    }
}
