package no.ks.led.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text exists in every language: each template's keys, each API problem type, each status the pages show. */
class TextsTest {

    private static final List<String> LANGUAGES = List.of("nb", "nn", "en", "da");
    private static final Pattern PROBLEM_SLUG = Pattern.compile("\\(\\d{3}, \"([a-z-]+)\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("msg\\('([a-z0-9.-]+)'");

    @Test
    void everyLanguageHasExactlyTheKeysOfBokmal() throws IOException {
        Set<String> bokmal = keys("nb");
        for (String language : LANGUAGES) {
            assertEquals(bokmal, keys(language), "keys of messages_" + language + ".properties vs. bokmål");
        }
    }

    @Test
    void everyKeyATemplateUsesHasAText() throws IOException {
        Set<String> known = keys("nb");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = KEY_IN_TEMPLATE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 30, "found too few keys in the templates: " + used);
        used.removeAll(known);
        assertEquals(Set.of(), used, "keys used in templates without a text");
    }

    @Test
    void everyProblemTypeOfTheApiHasItsOwnMessage() throws IOException {
        Set<String> known = keys("nb");
        // the API's one vocabulary of problem types (libs/service-foundation), read as source: the web app
        // runs none of the foundation's code
        String types = Files.readString(Path.of("../libs/service-foundation/src/main/java/no/ks/led/foundation/problem/ProblemType.java"));
        Matcher slug = PROBLEM_SLUG.matcher(types);
        int found = 0;
        while (slug.find()) {
            found++;
            assertTrue(known.contains("problem." + slug.group(1)), "no message for problem type " + slug.group(1));
        }
        assertTrue(found > 20, "found too few problem types: " + found);
    }

    @Test
    void theStatusesAndBasesThePagesShowHaveTexts() throws IOException {
        Set<String> known = keys("nb");
        for (String key : List.of("task.status.not-started", "task.status.draft", "task.status.submitted",
                "results.basis.aggregate", "results.basis.own-answers", "results.basis.team", "results.shared",
                "results.withdrawn", "answer.saved")) {
            assertTrue(known.contains(key), key);
        }
    }

    @Test
    void theKeysTheOwnersPagesBuildHaveTexts() throws IOException {
        Set<String> known = keys("nb");
        for (String key : List.of("role.principal", "role.school-leader", "role.coordinator", "role.owner-executive",
                "schools.kind.grunnskole", "schools.kind.videregaende", "people.added", "people.granted", "people.ended",
                "engagements.started", "engagements.ended-notice", "round.opened", "round.closed", "schools.added",
                "school.changed", "problem.roster-unreadable", "problem.roster-too-large", "problem.roster-invalid")) {
            assertTrue(known.contains(key), key);
        }
    }

    private static Set<String> keys(String language) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/texts/messages_" + language + ".properties"))) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
