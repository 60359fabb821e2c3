package no.ks.led.programmes;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a written entry of the local plan is, and the phase it belongs to. */
public enum EntryKind {
    /** Notes from the dialogue with a school, or on the knowledge base. */
    NOTE("note", Phase.HVOR_ER_VI),
    /** A focus area the owner picked from the status analysis's results. */
    FOCUS_AREA("focus-area", Phase.HVOR_ER_VI),
    FUTURE_PICTURE("future-picture", Phase.HVOR_VIL_VI),
    GOAL("goal", Phase.HVORDAN_KOMMER_VI_DIT),
    THEME("theme", Phase.HVORDAN_KOMMER_VI_DIT),
    MODULE("module", Phase.HVORDAN_KOMMER_VI_DIT);

    private final String code;
    private final Phase phase;

    EntryKind(String code, Phase phase) {
        this.code = code;
        this.phase = phase;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Phase phase() {
        return phase;
    }

    public static Optional<EntryKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static EntryKind ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("No entry kind " + code));
    }
}
