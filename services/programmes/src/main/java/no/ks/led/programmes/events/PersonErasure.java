package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.plan.Evaluation;
import no.ks.led.programmes.plan.Measure;
import no.ks.led.programmes.plan.Participant;
import no.ks.led.programmes.plan.PhaseDone;
import no.ks.led.programmes.plan.PlanEntry;
import no.ks.led.programmes.plan.PlannedActivity;
import no.ks.led.programmes.plan.Proposal;
import no.ks.led.programmes.plan.StarterItemDone;
import no.ks.led.programmes.plan.StarterPlan;
import no.ks.led.programmes.plan.StepDone;

/**
 * Pseudonymises what this service holds about an erased person: who created a programme or
 * wrote, did, evaluated, proposed or decided anything in a plan; their own starter plans are deleted. Runs in the
 * transaction that applies the event to the access replica, so both happen or neither.
 */
@ApplicationScoped
@ConsumedBy(AccessEvents.CHANNEL)
public class PersonErasure implements EventHandler<PersonErased> {

    @Override
    public void handle(PersonErased erased, EventEnvelope envelope) {
        String person = erased.personId().toString();
        Programme.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, person);
        PlanEntry.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, person);
        Measure.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, person);
        Participant.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, person);
        PlannedActivity.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, person);
        StepDone.update("doneBy = ?1 where doneBy = ?2", Programme.ERASED, person);
        PhaseDone.update("completedBy = ?1 where completedBy = ?2", Programme.ERASED, person);
        Evaluation.update("evaluatedBy = ?1 where evaluatedBy = ?2", Programme.ERASED, person);
        Proposal.update("proposedBy = ?1 where proposedBy = ?2", Programme.ERASED, person);
        Proposal.update("decidedBy = ?1 where decidedBy = ?2", Programme.ERASED, person);
        StarterItemDone.update("doneBy = ?1 where doneBy = ?2", Programme.ERASED, person);
        // a starter plan is the erased person's own follow-up: nothing of it is kept
        StarterPlan.delete("personId", erased.personId());
    }
}
