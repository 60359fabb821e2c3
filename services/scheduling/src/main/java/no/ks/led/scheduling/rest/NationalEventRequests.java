package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.scheduling.service.NationalEvents;
import no.ks.led.scheduling.service.NationalEvents.EventDraft;

/** The bodies of the national and regional event routes. */
public final class NationalEventRequests {

    private NationalEventRequests() {
    }

    /**
     * An event across tenants; times are local in the publishing country's zone. {@code invitedTenants} are the
     * tenants a regional event invites besides its host (none: the host's own people only); a national event invites
     * every tenant of its country and takes none.
     */
    public record NewEvent(
            @NotNull(message = "is required") @Pattern(regexp = ActivityRequests.KIND,
                    message = "must be one of " + ActivityRequests.KIND) String kind,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotNull(message = "is required") LocalDateTime startsAt,
            @NotNull(message = "is required") LocalDateTime endsAt,
            @Size(max = 300, message = "must be at most 300 characters") String place,
            @Min(value = 1, message = "must be 1 or more") @Max(value = 100000, message = "must be at most 100000") Integer capacity,
            LocalDate signUpDeadline,
            @Size(max = NationalEvents.MAX_INVITED, message = "must name at most " + NationalEvents.MAX_INVITED + " tenants")
            List<@NotNull(message = "must not be null") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}",
                    message = "must be a tenant's slug") String> invitedTenants) {

        EventDraft draft() {
            return new EventDraft(kind, title, startsAt, endsAt, place, capacity, signUpDeadline);
        }
    }
}
