package no.ks.led.foundation.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import no.ks.led.events.EventContracts;
import org.jboss.logging.Logger;

/**
 * Every {@link EventHandler} of the application, by consumer and event type: reads an event's payload
 * as its contract and names the handlers to run. An event type a consumer has no handler for is
 * skipped and counted ({@code led_events_skipped_total{consumer,type}}).
 */
@ApplicationScoped
public class EventHandlers {

    private static final Logger LOG = Logger.getLogger(EventHandlers.class);

    @Inject
    @Any
    Instance<EventHandler<?>> beans;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private volatile Map<String, Map<String, Route>> routes;

    /** The event, read as its contract, with the consumer's handlers for it. */
    public record Delivery(EventEnvelope envelope, Record event, List<EventHandler<Record>> handlers) {

        /** Runs every handler, in the caller's transaction. */
        public void run() {
            for (EventHandler<Record> handler : handlers) {
                handler.handle(event, envelope);
            }
        }
    }

    /**
     * The delivery of an event to a consumer, or empty (and counted as skipped) if the consumer has no
     * handler for its type; fails with {@link UnreadableEvent} if the payload does not parse as the contract.
     */
    public Optional<Delivery> route(String consumer, EventEnvelope envelope) {
        Route route = routes().getOrDefault(consumer, Map.of()).get(envelope.type());
        if (route == null) {
            meters.counter("led.events.skipped", "consumer", consumer, "type", envelope.type()).increment();
            LOG.debugf("%s has no handler for %s; skipped event %s", consumer, envelope.type(), envelope.id());
            return Optional.empty();
        }
        Record event;
        try {
            event = json.readValue(envelope.data(), route.contract());
        } catch (Exception e) {
            throw new UnreadableEvent("Payload of " + envelope.type() + " event " + envelope.id()
                    + " does not parse as " + route.contract().getSimpleName() + ": " + e.getMessage(), e);
        }
        return Optional.of(new Delivery(envelope, event, route.handlers()));
    }

    /** Routes the event and runs its handlers at once, with no inbox (for a replica that needs none). */
    public void handle(String consumer, EventEnvelope envelope) {
        route(consumer, envelope).ifPresent(Delivery::run);
    }

    private record Route(Class<? extends Record> contract, List<EventHandler<Record>> handlers) {
    }

    private Map<String, Map<String, Route>> routes() {
        Map<String, Map<String, Route>> found = routes;
        if (found == null) {
            found = collect();
            routes = found;
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Route>> collect() {
        Map<String, Map<String, Route>> byConsumer = new HashMap<>();
        for (Instance.Handle<EventHandler<?>> handle : beans.handles()) {
            Class<?> beanClass = handle.getBean().getBeanClass();
            ConsumedBy consumedBy = beanClass.getAnnotation(ConsumedBy.class);
            if (consumedBy == null) {
                throw new IllegalStateException(beanClass.getName() + " is an EventHandler without @ConsumedBy");
            }
            Class<? extends Record> contract = contract(handle.getBean().getTypes(), beanClass);
            byConsumer.computeIfAbsent(consumedBy.value(), c -> new HashMap<>())
                    .computeIfAbsent(EventContracts.type(contract), t -> new Route(contract, new ArrayList<>()))
                    .handlers().add((EventHandler<Record>) handle.get());
        }
        return byConsumer;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> contract(Iterable<Type> beanTypes, Class<?> beanClass) {
        for (Type type : beanTypes) {
            if (type instanceof ParameterizedType p && p.getRawType() == EventHandler.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return (Class<? extends Record>) c;
            }
        }
        throw new IllegalStateException(beanClass.getName() + " must implement EventHandler<SomeContract>");
    }
}
