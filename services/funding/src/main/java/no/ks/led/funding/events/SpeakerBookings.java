package no.ks.led.funding.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.scheduling.SpeakerBooked;
import no.ks.led.events.scheduling.SpeakerConfirmed;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.funding.BookedSpeaker;

/** Keeps the speakers booked for each activity with their expected fee and travel; a later booking wins. */
final class SpeakerBookings {

    private SpeakerBookings() {
    }

    /** Records a booking, or a newer one's costs. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Booked implements EventHandler<SpeakerBooked> {

        @Override
        public void handle(SpeakerBooked event, EventEnvelope envelope) {
            BookedSpeaker.Key key = new BookedSpeaker.Key(event.activityId(), event.speakerId());
            BookedSpeaker speaker = BookedSpeaker.<BookedSpeaker>findByIdOptional(key).orElse(null);
            if (speaker != null && speaker.bookedAt.isAfter(event.bookedAt())) {
                return;
            }
            if (speaker == null) {
                speaker = new BookedSpeaker();
                speaker.key = key;
                speaker.tentative = event.tentative();
            } else {
                // a confirmation already applied stays
                speaker.tentative = speaker.tentative && event.tentative();
            }
            speaker.tenantId = event.tenantId();
            speaker.name = event.speakerName();
            speaker.feeOre = Math.max(0, event.feeOre());
            speaker.travelOre = Math.max(0, event.travelOre());
            speaker.bookedAt = event.bookedAt();
            speaker.persist();
        }
    }

    /** A tentative booking became firm. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Confirmed implements EventHandler<SpeakerConfirmed> {

        @Override
        public void handle(SpeakerConfirmed event, EventEnvelope envelope) {
            BookedSpeaker.<BookedSpeaker>findByIdOptional(new BookedSpeaker.Key(event.activityId(), event.speakerId()))
                    .ifPresent(speaker -> speaker.tentative = false);
        }
    }
}
