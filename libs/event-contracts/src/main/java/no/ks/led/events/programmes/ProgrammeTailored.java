package no.ks.led.events.programmes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * A school owner tailored its programme's framework (steps, themes, modules, tracks, activity pattern), by
 * hand or by taking parts of a newer template version.
 *
 * @param templateId      the template the programme came from, or null for a programme made without one
 * @param templateVersion the template version the programme now follows, or null without a template
 * @param changedParts    the parts of the framework that changed, e.g. {@code modules}
 */
@EventContract(service = "programmes", name = "ProgrammeTailored", version = 1)
public record ProgrammeTailored(UUID programmeId, String tenantId, String templateId, Integer templateVersion,
        List<String> changedParts, Instant tailoredAt) {
}
