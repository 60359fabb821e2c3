package no.ks.led.scheduling.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.EventContracts;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.inbox.Inbox;
import no.ks.led.scheduling.ProgrammeRef;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the programme read model in step with the programmes service, each event applied once. */
@ApplicationScoped
public class ProgrammeEvents {

    private static final Logger LOG = Logger.getLogger(ProgrammeEvents.class);
    private static final String PROGRAMME_CREATED = EventContracts.type(ProgrammeCreated.class);

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @Incoming("programmes-events")
    @Blocking
    @Transactional
    public void apply(ConsumerRecord<String, byte[]> record) throws JsonProcessingException {
        EventEnvelope event = EventEnvelope.fromConsumerRecord(record);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already applied", event.id());
            return;
        }
        if (PROGRAMME_CREATED.equals(event.type())) {
            programmeCreated(json.readValue(event.data(), ProgrammeCreated.class));
        }
    }

    private void programmeCreated(ProgrammeCreated created) {
        ProgrammeRef programme = new ProgrammeRef();
        programme.id = created.programmeId();
        programme.tenantId = created.tenantId();
        programme.name = created.name();
        programme.createdAt = created.createdAt();
        programme.persist();
    }
}
