package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static no.ks.led.chart.RenderedManifestsTests.id;
import static no.ks.led.chart.RenderedManifestsTests.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workload whose code talks to Kafka (derived from its Maven module, not listed here) gets what it
 * needs to become ready in a cluster: the bootstrap setting, the Kafka credentials, a NetworkPolicy path
 * to the brokers, and admission to the Strimzi listener (its NetworkPolicy peers, and a KafkaUser when
 * the listener authenticates). The gateway's access replica reads Kafka and its readiness waits for it.
 */
class KafkaClientsTests {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyKafkaClientGetsTheBootstrapSettingTheCredentialsTheEgressAndTheListener(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        Map<String, Object> kafka = map(HelmChart.values(valueSet), "kafka");
        boolean operator = Boolean.TRUE.equals(map(kafka, "operator").get("enabled"));
        String credentials = (String) map(map(HelmChart.values(valueSet), "secrets"), "kafka").get("existingSecret");

        List<Deployment> clients = kafkaClients(manifests);
        Set<String> names = clients.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        assertTrue(names.contains(HelmChart.RELEASE + "-api-gateway"), "the gateway's access replica reads Kafka: " + names);
        assertTrue(names.size() > 1, "the services produce and consume: " + names);

        for (Deployment deployment : clients) {
            String where = id(deployment);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> config = configOf(manifests, container);
            String bootstrap = config.get("LED_KAFKA_BOOTSTRAP");
            if (operator) {
                assertEquals(HelmChart.RELEASE + "-kafka-kafka-bootstrap:9092", bootstrap, where + " LED_KAFKA_BOOTSTRAP");
            } else {
                assertEquals(map(kafka, "external").get("bootstrapServers"), bootstrap, where + " LED_KAFKA_BOOTSTRAP");
            }
            if (credentials != null && !credentials.isBlank()) {
                assertTrue(container.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                        && credentials.equals(e.getSecretRef().getName())), where + " gets the Kafka credentials " + credentials);
            }

            NetworkPolicy policy = manifests.ofType(NetworkPolicy.class).stream()
                    .filter(p -> p.getMetadata().getName().equals(deployment.getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + " has no NetworkPolicy"));
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            if (operator) {
                String cluster = manifests.single("Kafka").getMetadata().getName();
                assertTrue(egress.stream().anyMatch(rule -> hasPort(rule, 9092) && rule.getTo() != null && rule.getTo().stream()
                                .anyMatch(peer -> peer.getPodSelector() != null && Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka")
                                        .equals(peer.getPodSelector().getMatchLabels()))),
                        id(policy) + " lets " + where + " reach the brokers");
                assertListenerAdmits(manifests, deployment);
            } else {
                @SuppressWarnings("unchecked")
                List<Integer> ports = (List<Integer>) map(kafka, "external").get("ports");
                ports.forEach(port -> assertTrue(egress.stream().anyMatch(rule -> hasPort(rule, port)),
                        id(policy) + " lets " + where + " reach Kafka on " + port));
            }
        }
    }

    /** The listener the bootstrap address leads to admits the pod: a NetworkPolicy peer, and a KafkaUser if it authenticates. */
    private static void assertListenerAdmits(Manifests manifests, Deployment deployment) {
        GenericKubernetesResource kafka = manifests.single("Kafka");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) map(spec(kafka), "kafka").get("listeners");
        Map<String, Object> listener = listeners.stream().filter(l -> Integer.valueOf(9092).equals(((Number) l.get("port")).intValue()))
                .findFirst().orElseThrow(() -> new AssertionError("no listener on 9092"));
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> peers = (List<Map<String, Object>>) listener.get("networkPolicyPeers");
        assertNotNull(peers, "the listener names its peers (else Strimzi admits everyone)");
        assertTrue(peers.stream().anyMatch(peer -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> selector = (Map<String, String>) map(peer, "podSelector").get("matchLabels");
                    return peer.get("namespaceSelector") == null && selector != null && !selector.isEmpty()
                            && podLabels.entrySet().containsAll(selector.entrySet());
                }), "listener " + listener.get("name") + " admits " + id(deployment));
        if (listener.get("authentication") != null) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<String> users = manifests.custom("KafkaUser").stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
            assertTrue(container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .anyMatch(e -> users.contains(e.getValueFrom().getSecretKeyRef().getName())),
                    id(deployment) + " authenticates to the listener as a KafkaUser");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void workloadsThatDoNotTalkToKafkaGetNoPathToIt(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        Set<String> clients = kafkaClients(manifests).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            if (!clients.contains(deployment.getMetadata().getName())) {
                Map<String, String> config = configOf(manifests, deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
                assertFalse(config.containsKey("LED_KAFKA_BOOTSTRAP"), id(deployment) + " does not talk to Kafka");
            }
        }
        assertEquals(manifests.ofType(Deployment.class).size(), ApplicationModules.all().size(),
                "every application module is deployed, and every Deployment runs one: " + ApplicationModules.all().keySet());
    }

    /** The Deployments whose application module has a Kafka client on its classpath. */
    static List<Deployment> kafkaClients(Manifests manifests) {
        return manifests.ofType(Deployment.class).stream().filter(deployment -> {
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            Path module = ApplicationModules.forImage(image)
                    .orElseThrow(() -> new AssertionError(id(deployment) + " runs " + image + ", which no module builds"));
            return ApplicationModules.usesKafka(module);
        }).toList();
    }

    private static Map<String, String> configOf(Manifests manifests, Container container) {
        String name = container.getEnvFrom().stream().map(e -> e.getConfigMapRef()).filter(Objects::nonNull)
                .findFirst().orElseThrow().getName();
        return manifests.ofType(ConfigMap.class).stream().filter(c -> name.equals(c.getMetadata().getName()))
                .findFirst().orElseThrow().getData();
    }

    private static boolean hasPort(NetworkPolicyEgressRule rule, int port) {
        return rule.getPorts() != null && rule.getPorts().stream()
                .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
