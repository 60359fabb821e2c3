package no.ks.led.programmes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The local plan's three phases: the framework's three questions. */
public enum Phase {
    HVOR_ER_VI("hvor-er-vi", Map.of("nb", "Hvor er vi?", "nn", "Kvar er vi?", "da", "Hvor er vi?", "en", "Where are we?")),
    HVOR_VIL_VI("hvor-vil-vi", Map.of("nb", "Hvor vil vi?", "nn", "Kvar vil vi?", "da", "Hvor vil vi hen?",
            "en", "Where do we want to be?")),
    HVORDAN_KOMMER_VI_DIT("hvordan-kommer-vi-dit", Map.of("nb", "Hvordan kommer vi dit?", "nn", "Korleis kjem vi dit?",
            "da", "Hvordan kommer vi derhen?", "en", "How do we get there?"));

    private final String code;
    private final Map<String, String> questions;

    Phase(String code, Map<String, String> questions) {
        this.code = code;
        this.questions = questions;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The phase's question in a language ({@code nb}, {@code nn}, {@code da}, {@code en}); bokmål otherwise. */
    public String question(String language) {
        return questions.getOrDefault(language, questions.get("nb"));
    }

    /** The phase with this code, if there is one. */
    public static Optional<Phase> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Phase ofCode(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("No phase " + code));
    }
}
