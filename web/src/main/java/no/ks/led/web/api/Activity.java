package no.ks.led.web.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** An activity of the tenant's calendar as the API shows it: local times in its zone, and its warnings. */
@TemplateData
public record Activity(UUID id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
        String place, String status, int sequence, List<Warning> warnings) {

    /** A calendar warning of the activity (a holiday, a school-free day, a thin horizon...). */
    @TemplateData
    public record Warning(String code, java.time.LocalDate date, String name, boolean confirmed) {

        public String key() {
            return "warning." + code;
        }
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
