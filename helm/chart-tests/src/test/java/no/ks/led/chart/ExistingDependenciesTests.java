package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.ks.led.chart.RenderedManifestsTests.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With every operator switched off, the chart only points the applications at what exists. */
class ExistingDependenciesTests {

    private final Manifests manifests = HelmChart.render(ValueSet.EXISTING_DEPENDENCIES);

    @Test
    void rendersNoOperatorResourceAndNoSecret() {
        assertTrue(manifests.ofType(GenericKubernetesResource.class).isEmpty(),
                () -> "custom resources: " + manifests.ofType(GenericKubernetesResource.class).stream().map(RenderedManifestsTests::id).toList());
        assertTrue(manifests.ofType(Secret.class).isEmpty());
    }

    @Test
    void servicesAreConfiguredWithTheExistingDependencies() {
        Map<String, String> programmes = config("led-programmes");
        assertEquals("postgres.data.svc.cluster.local", programmes.get("LED_DB_HOST"));
        assertEquals("5432", programmes.get("LED_DB_PORT"));
        assertEquals("kafka-0.kafka.data.svc:9093,kafka-1.kafka.data.svc:9093", programmes.get("LED_KAFKA_BOOTSTRAP"));
        assertEquals("https://login.example.org/realms/led", programmes.get("LED_OIDC_URL"));
        assertFalse(programmes.containsKey("QUARKUS_OIDC_TOKEN_ISSUER"), "the issuer is the realm URL itself");
        assertEquals("https://login.example.org/realms/led", config("led-api-gateway").get("LED_OIDC_URL"));

        Deployment deployment = manifests.ofType(Deployment.class).stream()
                .filter(d -> "led-programmes".equals(d.getMetadata().getName())).findFirst().orElseThrow();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(container.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null && "kafka-client-sasl".equals(e.getSecretRef().getName())),
                "the Kafka client settings come from the named Secret");
        assertTrue(container.getEnv().stream().anyMatch(e -> "LED_DB_PASSWORD".equals(e.getName())
                && "pg-programmes".equals(e.getValueFrom().getSecretKeyRef().getName())));
    }

    @Test
    void servicesMayReachOnlyTheExistingDependenciesPorts() {
        NetworkPolicy policy = manifests.ofType(NetworkPolicy.class).stream()
                .filter(p -> "led-programmes".equals(p.getMetadata().getName())).findFirst().orElseThrow();
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertTrue(egress.stream().anyMatch(rule -> hasPort(rule, 5432) && rule.getTo().size() == 1
                && "10.20.0.0/24".equals(rule.getTo().get(0).getIpBlock().getCidr())), id(policy) + " database rule");
        assertTrue(egress.stream().anyMatch(rule -> hasPort(rule, 9093)), id(policy) + " Kafka rule");
        assertTrue(egress.stream().anyMatch(rule -> hasPort(rule, 443)), id(policy) + " Keycloak rule");
        assertTrue(egress.stream().flatMap(rule -> rule.getPorts().stream()).allMatch(port ->
                        List.of(53, 5432, 9093, 443).contains(port.getPort().getIntVal())),
                id(policy) + " allows only DNS and the dependencies' ports");
    }

    private Map<String, String> config(String name) {
        return manifests.ofType(ConfigMap.class).stream().filter(c -> name.equals(c.getMetadata().getName()))
                .findFirst().orElseThrow().getData();
    }

    private static boolean hasPort(NetworkPolicyEgressRule rule, int port) {
        return rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() != null && p.getPort().getIntVal() == port);
    }
}
