package no.ks.led.scheduling.service;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.scheduling.SpeakerBooked;
import no.ks.led.events.scheduling.SpeakerConfirmed;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.Speaker;
import no.ks.led.scheduling.SpeakerBooking;
import no.ks.led.scheduling.repository.BookingRepository;

/**
 * The speaker directory shared across tenants, and bookings of its speakers: a speaker is never booked at
 * overlapping times, whichever tenants book them; tentative bookings count as busy.
 */
@ApplicationScoped
public class SpeakerDirectory {

    @Inject
    BookingRepository bookings;

    @Inject
    Outbox outbox;

    @Inject
    SpeakerInvitations invitations;

    /** A speaker to add, and whether this call added them (false: the e-mail address was in the directory). */
    public record Added(Speaker speaker, boolean isNew) {
    }

    /** What a booking asks for: amounts in øre (0 for an unpaid speaker). */
    public record BookingRequest(UUID speakerId, long feeOre, long travelOre, boolean tentative) {
    }

    /** Adds a speaker, or finds the one with the same e-mail address (the same person). */
    @Transactional
    public Added add(String name, String organisation, String email) {
        String address = email.strip();
        // one at a time per address, so two tenants adding the same person make one speaker
        bookings.lock("speaker-email\n" + address.toLowerCase(Locale.ROOT));
        var existing = Speaker.findByEmail(address);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        Speaker speaker = new Speaker();
        speaker.id = UUID.randomUUID();
        speaker.name = name.strip();
        speaker.organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        speaker.email = address;
        speaker.createdAt = ActivityPlanning.now();
        speaker.persist();
        return new Added(speaker, true);
    }

    /** Books a speaker for the tenant's scheduled activity; 409 speaker-busy if they are booked anywhere at an overlapping time. */
    @Transactional
    public Activity book(String tenantId, UUID activityId, BookingRequest request) {
        Activity activity = ActivityPlanning.forUpdate(tenantId, activityId);
        if (!Activity.SCHEDULED.equals(activity.status)) {
            throw new ProblemException(ProblemType.ACTIVITY_NOT_SCHEDULED, "Only a scheduled activity can book speakers");
        }
        Speaker speaker = Speaker.<Speaker>findByIdOptional(request.speakerId())
                .orElseThrow(() -> ProblemException.invalidField("speakerId", "is not a speaker in the directory"));
        if (SpeakerBooking.find(tenantId, activityId, speaker.id).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "The speaker is booked for this activity already");
        }
        bookings.requireSpeakerFree(speaker.id, activity.id, activity.startsAt, activity.endsAt);
        Instant now = ActivityPlanning.now();
        bookings.insertBooking(UUID.randomUUID(), tenantId, activity.id, speaker.id, request.feeOre(), request.travelOre(),
                request.tentative(), activity.startsAt, activity.endsAt, now);
        outbox.record(tenantId, new SpeakerBooked(activity.id, tenantId, speaker.id, speaker.name, request.feeOre(),
                request.travelOre(), request.tentative(), now));
        invitations.notifySpeaker(activity, speaker);
        return activity;
    }

    /** A tentative booking becomes firm (once). */
    @Transactional
    public Activity confirm(String tenantId, UUID activityId, UUID speakerId) {
        Activity activity = ActivityPlanning.forUpdate(tenantId, activityId);
        SpeakerBooking booking = SpeakerBooking.find(tenantId, activityId, speakerId)
                .orElseThrow(() -> ProblemException.notFound("Booking of speaker " + speakerId));
        if (booking.confirmedAt == null) {
            booking.confirmedAt = ActivityPlanning.now();
            booking.tentative = false;
            outbox.record(tenantId, new SpeakerConfirmed(activityId, tenantId, speakerId, booking.confirmedAt));
        }
        return activity;
    }
}
