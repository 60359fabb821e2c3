package no.ks.led.web.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A scheduled activity with its booked speakers and funding status, as an application is prepared from it. */
@TemplateData
public record BookedActivity(UUID id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
        String status, String fundingStatus, List<Speaker> speakers) {

    public BookedActivity {
        speakers = speakers == null ? List.of() : speakers;
    }

    /** A booked speaker and the agreed fee and travel, in øre. */
    @TemplateData
    public record Speaker(String name, String organisation, long feeOre, long travelOre, boolean tentative) {
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
