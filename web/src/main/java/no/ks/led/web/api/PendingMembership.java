package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A membership waiting for the signed-in person to accept it ({@code GET /api/me/pending-memberships}). */
@TemplateData
public record PendingMembership(UUID id, String organisationId, String organisationName, String role, UUID schoolId,
        String schoolName, LocalDate startsOn, LocalDate endsOn) {

    /** The message key of the role's name. */
    public String roleKey() {
        return "pending.role." + role;
    }
}
