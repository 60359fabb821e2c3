package no.ks.led.programmes;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of activity a programme plans (the domain's list), as named in APIs and events. */
public enum ActivityKind {
    INTRODUCTORY_COURSE("introductory-course"),
    DIALOGUE_CONFERENCE("dialogue-conference"),
    LEADER_GATHERING("leader-gathering"),
    SEMINAR("seminar"),
    WORKSHOP("workshop"),
    NETWORK_MEETING("network-meeting"),
    SUPERVISION("supervision"),
    SHADOWING("shadowing");

    private final String code;

    ActivityKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ActivityKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static ActivityKind ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("No activity kind " + code));
    }
}
