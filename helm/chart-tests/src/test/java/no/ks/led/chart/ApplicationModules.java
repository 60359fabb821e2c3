package no.ks.led.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the applications themselves say, read from their Maven modules in this repository, so the
 * chart is checked against the code rather than against a second hand-kept list: which of them talk
 * to Kafka, and what their {@code application.properties} set.
 */
final class ApplicationModules {

    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    private static final Pattern EXCLUSIONS = Pattern.compile("<exclusions>.*?</exclusions>", Pattern.DOTALL);
    private static final Pattern KAFKA_EXTENSION = Pattern.compile(
            "<artifactId>quarkus-(messaging-kafka|kafka-client|kafka-streams)</artifactId>");

    private ApplicationModules() {
    }

    static Path repository() {
        return HelmChart.directory().resolve("../..").normalize();
    }

    /** Every Quarkus application module (it has src/main/resources/application.properties), by artifactId. */
    static Map<String, Path> all() {
        Map<String, Path> modules = new TreeMap<>();
        try (Stream<Path> poms = Files.walk(repository(), 3)) {
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> Files.exists(p.resolveSibling("src/main/resources/application.properties")))
                    .filter(p -> !p.toString().contains("/bench/") && !p.toString().contains("/target/"))
                    .forEach(pom -> {
                        Matcher id = ARTIFACT_ID.matcher(read(pom));
                        if (id.find()) {
                            modules.put(id.group(1), pom.getParent());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    /** The module a chart application runs, by its image repository (led-programmes, led-api-gateway). */
    static Optional<Path> forImage(String image) {
        String repository = image.substring(image.lastIndexOf('/') + 1).replaceAll("[:@].*$", "");
        return Optional.ofNullable(all().get(repository));
    }

    /**
     * Whether the module puts a Kafka client on its classpath: a Kafka extension declared in its pom or
     * its parent's, not excluded (the gateway excludes the foundation's messaging and adds the plain client).
     */
    static boolean usesKafka(Path module) {
        for (Path pom = module.resolve("pom.xml"); Files.exists(pom); pom = pom.getParent().getParent().resolve("pom.xml")) {
            if (KAFKA_EXTENSION.matcher(EXCLUSIONS.matcher(read(pom)).replaceAll("")).find()) {
                return true;
            }
            if (pom.getParent().equals(repository())) {
                break;
            }
        }
        return false;
    }

    /** A property of the module's own application.properties (no profiles, no expansion). */
    static Optional<String> property(Path module, String name) {
        return read(module.resolve("src/main/resources/application.properties")).lines()
                .filter(line -> line.startsWith(name + "=")).map(line -> line.substring(name.length() + 1).strip())
                .findFirst();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
