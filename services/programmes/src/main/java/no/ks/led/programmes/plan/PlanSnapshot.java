package no.ks.led.programmes.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A local plan's content at the end of an evaluation cycle, as lines a person reads ("goal: ...",
 * "measure: ... (responsible, due date)"), so two cycles can be compared line by line.
 */
public record PlanSnapshot(List<String> lines) {

    public PlanSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The lines {@code later} has and this one has not. */
    public List<String> addedIn(PlanSnapshot later) {
        List<String> added = new ArrayList<>(later.lines);
        added.removeAll(lines);
        return added;
    }

    /** The lines this one has and {@code later} has not. */
    public List<String> removedIn(PlanSnapshot later) {
        List<String> removed = new ArrayList<>(lines);
        removed.removeAll(later.lines);
        return removed;
    }
}
