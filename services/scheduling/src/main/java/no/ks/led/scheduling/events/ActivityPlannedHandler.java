package no.ks.led.scheduling.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.programmes.ActivityPlanned;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.scheduling.ActivityKind;
import no.ks.led.scheduling.service.ActivityPlanning;

/** An activity planned in a programme arrives as a proposal the coordinator confirms (once per planned activity). */
@ApplicationScoped
@ConsumedBy(ProgrammeEvents.CHANNEL)
public class ActivityPlannedHandler implements EventHandler<ActivityPlanned> {

    @Inject
    ActivityPlanning planning;

    @Override
    public void handle(ActivityPlanned planned, EventEnvelope envelope) {
        String kind = ActivityKind.ALL.contains(planned.kind()) ? planned.kind() : "leader-gathering";
        planning.propose(planned.activityId(), planned.programmeId(), planned.tenantId(), kind, planned.title(),
                planned.startsOn(), planned.endsOn(), planned.place());
    }
}
