package no.ks.led.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrong values stop the rendering with a message that names the value at fault. */
class WrongValuesTests {

    @TempDir
    Path work;

    @Test
    void replicaCountGivenAsTextIsRejected() {
        String message = failure("""
                applications:
                  programmes:
                    replicaCount: "3"
                """);

        assertNames(message, "/applications/programmes/replicaCount");
    }

    @Test
    void missingDatabaseHostWithTheOperatorOffIsRejected() {
        String message = failure("""
                postgresql:
                  operator:
                    enabled: false
                """);

        assertNames(message, "/postgresql/external/host");
    }

    @Test
    void unknownKeyInAnApplicationBlockIsRejected() {
        String message = failure("""
                applications:
                  programmes:
                    replicas: 3
                """);

        assertNames(message, "/applications/programmes");
        assertNames(message, "replicas");
    }

    @Test
    void unknownApplicationIsRejected() {
        String message = failure("""
                applications:
                  billing:
                    enabled: true
                """);

        assertNames(message, "/applications");
        assertNames(message, "billing");
    }

    @Test
    void latestImageTagIsRejected() {
        String message = failure("""
                applications:
                  surveys:
                    image:
                      tag: latest
                """);

        assertNames(message, "/applications/surveys/image/tag");
    }

    @Test
    void missingKafkaWithTheOperatorOffIsRejected() {
        String message = failure("""
                kafka:
                  operator:
                    enabled: false
                """);

        assertNames(message, "/kafka/external/bootstrapServers");
    }

    @Test
    void secretsNeitherCreatedNorNamedAreRejected() {
        String message = failure("""
                secrets:
                  create: false
                """);

        assertNames(message, "secrets.");
        assertNames(message, "existingSecret");
    }

    private String failure(String values) {
        Path file = work.resolve("wrong-values.yaml");
        try {
            Files.writeString(file, values);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Exception failure = assertThrows(Exception.class, () -> HelmChart.template(ValueSet.DEFAULT, file));
        return String.valueOf(failure.getMessage());
    }

    private static void assertNames(String message, String value) {
        assertTrue(message.contains(value), () -> "expected the message to name " + value + ", was: " + message);
    }
}
