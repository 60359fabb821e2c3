package no.ks.led.surveys.rest;

import java.time.Instant;
import java.util.UUID;

/** One entry of a round's completion list: who has finished, at which school, when. Never what they answered. */
public record Completion(UUID schoolId, UUID personId, Instant submittedAt) {
}
