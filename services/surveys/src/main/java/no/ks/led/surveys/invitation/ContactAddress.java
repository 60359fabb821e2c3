package no.ks.led.surveys.invitation;

import java.util.UUID;

/** A respondent's e-mail address as a tenant's coordinator gives it when opening a round. */
public record ContactAddress(UUID personId, String email) {
}
