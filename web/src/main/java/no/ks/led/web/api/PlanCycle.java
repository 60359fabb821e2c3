package no.ks.led.web.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** One cycle of a plan's history: its evaluation (none for the cycle in progress) and what it added and removed. */
@TemplateData
public record PlanCycle(int cycle, String summary, Instant evaluatedAt, List<String> added, List<String> removed) {

    public PlanCycle {
        added = added == null ? List.of() : added;
        removed = removed == null ? List.of() : removed;
    }
}
