package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static no.ks.led.chart.RenderedManifestsTests.id;
import static no.ks.led.chart.RenderedManifestsTests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What values-prod.yaml promises: replicated, autoscaled, disruption-safe, and no secret in the chart. */
class ProdValuesTests {

    private final Manifests prod = HelmChart.render(ValueSet.PROD);

    @Test
    void noSecretIsRenderedAndNoneIsInlined() {
        assertTrue(prod.ofType(Secret.class).isEmpty(), "prod values create no Secret: they only reference existing ones");
        for (HasMetadata resource : prod.all()) {
            String yaml = HelmChart.SERIALIZATION.asYaml(resource);
            assertFalse(yaml.contains("stringData") || yaml.contains("kind: \"Secret\""), id(resource));
        }
    }

    @Test
    void everyApplicationRunsThreeReplicasUnderAnAutoscalerAndABudget() {
        List<Deployment> deployments = prod.ofType(Deployment.class);
        assertEquals(7, deployments.size(), "the gateway, the five services and the web app");
        Map<String, HorizontalPodAutoscaler> autoscalers = prod.ofType(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        Set<String> budgeted = prod.ofType(PodDisruptionBudget.class).stream()
                .map(p -> p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet());
        for (Deployment deployment : deployments) {
            HorizontalPodAutoscaler hpa = autoscalers.get(deployment.getMetadata().getName());
            assertTrue(hpa != null, id(deployment) + " has an autoscaler");
            assertTrue(hpa.getSpec().getMinReplicas() >= 3, id(deployment) + " runs at least three replicas");
            assertTrue(budgeted.contains(deployment.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")),
                    id(deployment) + " has a PodDisruptionBudget");
            assertFalse(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty(),
                    id(deployment) + " spreads its replicas");
        }
    }

    @Test
    void dependenciesAreReplicatedAndBackedUp() {
        Map<String, Object> cluster = spec(prod.single("Cluster"));
        assertEquals(3, ((Number) cluster.get("instances")).intValue(), "PostgreSQL instances");
        assertEquals("plugin", spec(prod.single("ScheduledBackup")).get("method"));
        assertEquals(1, prod.custom("ObjectStore").size(), "backups go to an object store");

        Map<?, ?> kafkaConfig = (Map<?, ?>) ((Map<?, ?>) spec(prod.single("Kafka")).get("kafka")).get("config");
        assertEquals(3, ((Number) kafkaConfig.get("default.replication.factor")).intValue());
        assertEquals(2, ((Number) kafkaConfig.get("min.insync.replicas")).intValue());
        assertEquals(Boolean.FALSE, kafkaConfig.get("auto.create.topics.enable"));
        int brokers = prod.custom("KafkaNodePool").stream()
                .filter(pool -> ((List<?>) spec(pool).get("roles")).contains("broker"))
                .mapToInt(pool -> ((Number) spec(pool).get("replicas")).intValue()).sum();
        assertTrue(brokers >= 3, "three brokers for replication factor 3");
        for (GenericKubernetesResource topic : prod.custom("KafkaTopic")) {
            assertEquals(3, ((Number) spec(topic).get("replicas")).intValue(), id(topic) + " replicas");
        }
        assertTrue(((Number) spec(prod.single("Keycloak")).get("instances")).intValue() >= 2, "Keycloak instances");
    }

    @Test
    void aRestoreBootstrapsTheClusterFromTheBackupsUnderANewServerName(@TempDir Path work) throws IOException {
        Path restore = work.resolve("restore.yaml");
        Files.writeString(restore, RESTORE.formatted("led-pg-2"));

        GenericKubernetesResource cluster = new Manifests(HelmChart.parse(HelmChart.template(ValueSet.PROD, restore))).single("Cluster");

        Map<?, ?> recovery = (Map<?, ?>) ((Map<?, ?>) spec(cluster).get("bootstrap")).get("recovery");
        assertEquals("origin", recovery.get("source"));
        assertEquals("2026-03-01 12:00:00+01", ((Map<?, ?>) recovery.get("recoveryTarget")).get("targetTime"));
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) spec(cluster).get("externalClusters")).get(0);
        assertEquals("led-pg", ((Map<?, ?>) ((Map<?, ?>) origin.get("plugin")).get("parameters")).get("serverName"), "restores from led-pg");
        Map<?, ?> archiver = (Map<?, ?>) ((List<?>) spec(cluster).get("plugins")).get(0);
        assertEquals("led-pg-2", ((Map<?, ?>) archiver.get("parameters")).get("serverName"), "archives under the new server name");
    }

    @Test
    void aRestoreMustNotArchiveOverItsOwnSource(@TempDir Path work) throws IOException {
        Path restore = work.resolve("restore.yaml");
        Files.writeString(restore, RESTORE.formatted("led-pg"));

        Exception failure = assertThrows(Exception.class, () -> HelmChart.template(ValueSet.PROD, restore));

        assertTrue(failure.getMessage().contains("postgresql.operator.backup.serverName"), failure.getMessage());
    }

    private static final String RESTORE = """
            postgresql:
              operator:
                backup:
                  serverName: %s
                recovery:
                  enabled: true
                  sourceServerName: led-pg
                  targetTime: "2026-03-01 12:00:00+01"
            """;
}
