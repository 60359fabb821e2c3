package no.ks.led.scheduling.rest;

import java.time.Instant;
import java.util.UUID;

import no.ks.led.scheduling.NationalSignUp;

/** A sign-up for a national event as the API shows it, with the tenant it was made through. */
public record NationalSignUpView(UUID id, UUID eventId, String tenantId, UUID personId, String status,
        String dietaryNeeds, Instant signedUpAt) {

    static NationalSignUpView of(NationalSignUp s) {
        return new NationalSignUpView(s.id, s.eventId, s.tenantId, s.personId, s.status, s.dietaryNeeds, s.signedUpAt);
    }
}
