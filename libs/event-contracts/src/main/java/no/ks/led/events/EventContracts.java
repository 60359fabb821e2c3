package no.ks.led.events;

import java.util.List;

import no.ks.led.events.funding.ClaimSubmitted;
import no.ks.led.events.funding.FundingApplied;
import no.ks.led.events.funding.FundingApproved;
import no.ks.led.events.funding.FundingRefused;
import no.ks.led.events.funding.RefundReceived;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.MembershipGrantedV2;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.SchoolAdded;
import no.ks.led.events.organisations.SchoolAddedV2;
import no.ks.led.events.organisations.SchoolChanged;
import no.ks.led.events.organisations.SchoolChangedV2;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.events.programmes.ActivityPlanned;
import no.ks.led.events.programmes.MeasureAdded;
import no.ks.led.events.programmes.PlanEvaluated;
import no.ks.led.events.programmes.PlanPhaseCompleted;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.events.programmes.ProgrammeTailored;
import no.ks.led.events.scheduling.ActivityCancelled;
import no.ks.led.events.scheduling.ActivityRescheduled;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.events.scheduling.AttendanceRecorded;
import no.ks.led.events.scheduling.SignUpOpened;
import no.ks.led.events.scheduling.SpeakerBooked;
import no.ks.led.events.scheduling.SpeakerConfirmed;
import no.ks.led.events.surveys.ResultsShared;
import no.ks.led.events.surveys.ResultsWithdrawn;
import no.ks.led.events.surveys.SurveyRoundClosed;
import no.ks.led.events.surveys.SurveyRoundOpened;

/** The catalogue of every event contract, and the names derived from a contract. */
public final class EventContracts {

    /** Every event type the platform publishes, each version once. */
    public static final List<Class<? extends Record>> ALL = List.of(
            TenantOnboarded.class,
            TenantDeactivated.class,
            SchoolAdded.class,
            SchoolChanged.class,
            MembershipGranted.class,
            MembershipGrantedV2.class,
            MembershipEnded.class,
            EngagementStarted.class,
            EngagementEnded.class,
            PersonErased.class,
            ProgrammeCreated.class,
            ProgrammeTailored.class,
            PlanPhaseCompleted.class,
            MeasureAdded.class,
            ActivityPlanned.class,
            PlanEvaluated.class,
            SurveyRoundOpened.class,
            ResultsShared.class,
            ResultsWithdrawn.class,
            SurveyRoundClosed.class,
            ActivityScheduled.class,
            ActivityRescheduled.class,
            ActivityCancelled.class,
            SpeakerBooked.class,
            SpeakerConfirmed.class,
            SignUpOpened.class,
            AttendanceRecorded.class,
            FundingApplied.class,
            FundingApproved.class,
            FundingRefused.class,
            ClaimSubmitted.class,
            RefundReceived.class,
            TenantOnboardedV2.class,
            SchoolAddedV2.class,
            SchoolChangedV2.class);

    private EventContracts() {
    }

    /** The CloudEvents {@code type} attribute of a contract. */
    public static String type(Class<?> contract) {
        EventContract c = annotation(contract);
        return "no.ks.led." + c.service() + "." + c.name() + ".v" + c.version();
    }

    /** The Kafka topic the contract's producer publishes to. */
    public static String topic(Class<?> contract) {
        return "led." + annotation(contract).service() + ".events";
    }

    /** The classpath location of the contract's JSON Schema. */
    public static String schemaResource(Class<?> contract) {
        EventContract c = annotation(contract);
        return "/schemas/" + c.service() + "/" + c.name() + ".v" + c.version() + ".json";
    }

    private static EventContract annotation(Class<?> contract) {
        EventContract c = contract.getAnnotation(EventContract.class);
        if (c == null) {
            throw new IllegalArgumentException(contract.getName() + " is not annotated with @EventContract");
        }
        return c;
    }
}
