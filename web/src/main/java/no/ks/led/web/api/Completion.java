package no.ks.led.web.api;

import java.time.Instant;
import java.util.UUID;

/** Who has finished a round, at which school and when (never what they answered). */
public record Completion(UUID schoolId, UUID personId, Instant submittedAt) {
}
