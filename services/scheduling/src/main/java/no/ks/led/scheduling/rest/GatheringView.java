package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.scheduling.Gathering;

/** A gathering as the API shows it. */
public record GatheringView(UUID id, UUID programmeId, String title, String kind, LocalDate startsOn,
        LocalDate endsOn, String place) {

    static GatheringView of(Gathering g) {
        return new GatheringView(g.id, g.programmeId, g.title, g.kind, g.startsOn, g.endsOn, g.place);
    }
}
