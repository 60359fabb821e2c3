package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.Speaker;
import no.ks.led.scheduling.SpeakerBooking;
import no.ks.led.scheduling.calendar.Warning;

/** An activity as the API shows it: local times in its zone, its speakers and its warnings. */
public record ActivityView(UUID id, String tenantId, UUID programmeId, UUID plannedActivityId, String kind, String title,
        LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, String place, String room, List<UUID> schoolIds,
        String status, String cancelReason, int sequence, String fundingStatus, Integer capacity,
        LocalDate signUpDeadline, List<BookedSpeaker> speakers, List<Warning> warnings) {

    /** A speaker booked for the activity. */
    public record BookedSpeaker(UUID speakerId, String name, String organisation, long feeOre, long travelOre,
            boolean tentative, boolean confirmed) {
    }

    static ActivityView of(Activity a, List<Warning> warnings) {
        List<BookedSpeaker> speakers = SpeakerBooking.ofActivity(a.tenantId, a.id).stream().map(b -> {
            Speaker s = Speaker.findById(b.speakerId);
            return new BookedSpeaker(b.speakerId, s.name, s.organisation, b.feeOre, b.travelOre, b.tentative,
                    b.confirmedAt != null);
        }).toList();
        return new ActivityView(a.id, a.tenantId, a.programmeId, a.plannedActivityId, a.kind, a.title, a.localStart(),
                a.localEnd(), a.timeZone, a.place, a.room, List.of(a.schoolIds), a.status, a.cancelReason, a.sequence,
                a.fundingStatus, a.capacity, a.signUpDeadline, speakers, warnings);
    }
}
