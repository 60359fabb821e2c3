package no.ks.led.scheduling;

import java.util.Set;

/** The kinds of activity the programmes use, as named in the API and in events. */
public final class ActivityKind {

    /** Every kind, by its API name. */
    public static final Set<String> ALL = Set.of("introductory-course", "dialogue-conference", "leader-gathering",
            "seminar", "workshop", "network-meeting", "supervision", "shadowing");

    /** The joint gatherings the horizon check counts (supervision at a school and shadowing are not gatherings). */
    public static final Set<String> GATHERINGS = Set.of("introductory-course", "dialogue-conference",
            "leader-gathering", "seminar", "workshop", "network-meeting");

    private ActivityKind() {
    }
}
