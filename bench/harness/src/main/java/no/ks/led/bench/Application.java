package no.ks.led.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One application of {@code deploy/applications.txt}, the one list of the platform's applications. */
record Application(String name, String module, String portVariable) {

    /** The platform's applications in start order (the gateway last), read from the repository. */
    static List<Application> platform(Path repositoryRoot) {
        try (var lines = Files.lines(repositoryRoot.resolve("deploy/applications.txt"))) {
            return lines.map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(field -> new Application(field[0], field[1], field[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variable of the management interface's port (health, metrics), e.g. {@code LED_SURVEYS_MANAGEMENT_PORT}. */
    String managementPortVariable() {
        return portVariable.replaceFirst("_PORT$", "_MANAGEMENT_PORT");
    }

    /** Whether the application serves health and metrics on a management interface of its own. */
    boolean hasManagementInterface(Path repositoryRoot) {
        Path properties = repositoryRoot.resolve(module).resolve("src/main/resources/application.properties");
        try {
            return Files.exists(properties) && Files.readAllLines(properties).stream()
                    .anyMatch(line -> line.strip().equals("quarkus.management.enabled=true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variable that carries the application's base URL to the gateway, e.g. {@code LED_SURVEYS_URL}. */
    String urlVariable() {
        return portVariable.replaceFirst("_PORT$", "_URL");
    }
}
