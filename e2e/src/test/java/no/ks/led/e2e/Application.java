package no.ks.led.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One application of {@code deploy/applications.txt}, the platform's one list of its applications,
 * which the local scripts read too.
 */
record Application(String name, String module, String portVariable, int defaultPort, String database) {

    /** The list's file, from the repository root. */
    static final String LIST = "deploy/applications.txt";

    /** Every application in the list's order (start order: the gateway last). */
    static List<Application> all(Path repositoryRoot) {
        try {
            return Files.readAllLines(repositoryRoot.resolve(LIST)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(f -> new Application(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if the application has its own PostgreSQL database (the gateway has none). */
    boolean hasDatabase() {
        return !database.equals("-");
    }

    /** The variable that carries the application's base URL to the gateway, e.g. {@code LED_SURVEYS_URL}. */
    String urlVariable() {
        return portVariable.replaceFirst("_PORT$", "_URL");
    }
}
