package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks every manifest the chart renders, for the default, dev and prod values alike. */
class RenderedManifestsTests {

    private static final Set<String> STANDARD_LABELS = Set.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
            "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by",
            "helm.sh/chart");

    /** Kinds the chart renders from Kubernetes itself: each must parse to its fabric8 model class. */
    private static final Map<String, Class<? extends HasMetadata>> CORE_KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "ServiceAccount", ServiceAccount.class, "Secret", Secret.class, "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "Pod", io.fabric8.kubernetes.api.model.Pod.class);

    /** Operators' kinds, by API group; they parse as GenericKubernetesResource. */
    private static final Map<String, String> CUSTOM_KINDS = Map.ofEntries(
            Map.entry("Kafka", "kafka.strimzi.io/v1"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"), Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("Database", "postgresql.cnpg.io/v1"), Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"), Map.entry("Keycloak", "k8s.keycloak.org/v2alpha1"),
            Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"));

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private static final List<String> APPLICATIONS = List.of(
            "api-gateway", "organisations", "surveys", "programmes", "scheduling", "funding", "web");
    /** The domain services: each with its database and topics. */
    private static final List<String> SERVICES = List.of("organisations", "surveys", "programmes", "scheduling", "funding");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyDocumentParsesToItsModelClass(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);

        assertFalse(manifests.all().isEmpty());
        for (HasMetadata resource : manifests.all()) {
            String kind = resource.getKind();
            if (CORE_KINDS.containsKey(kind)) {
                assertTrue(CORE_KINDS.get(kind).isInstance(resource), () -> kind + " parsed as " + resource.getClass());
                List<String> unknown = UnknownFields.in(resource);
                assertTrue(unknown.isEmpty(), () -> id(resource) + " has fields Kubernetes does not know: " + unknown);
            } else {
                assertTrue(resource instanceof GenericKubernetesResource, () -> "unexpected kind " + kind);
                assertEquals(CUSTOM_KINDS.get(kind), resource.getApiVersion(), () -> "API version of " + id(resource));
                assertNotNull(((GenericKubernetesResource) resource).getAdditionalProperties().get("spec"), () -> id(resource) + " has no spec");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyApplicationIsDeployedWithItsServiceConfigAndAccount(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);

        for (String application : APPLICATIONS) {
            String name = HelmChart.RELEASE + "-" + application;
            assertEquals(1, named(manifests.ofType(Deployment.class), name).size(), "Deployment " + name);
            assertEquals(1, named(manifests.ofType(Service.class), name).size(), "Service " + name);
            assertEquals(1, named(manifests.ofType(ConfigMap.class), name).size(), "ConfigMap " + name);
            assertEquals(1, named(manifests.ofType(ServiceAccount.class), name).size(), "ServiceAccount " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadProbesTheQuarkusHealthEndpoints(ValueSet valueSet) {
        for (Deployment deployment : HelmChart.render(valueSet).ofType(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = id(deployment) + " container " + container.getName();
                // where the application has a management interface, health is there and not on http
                String port = container.getPorts().stream().anyMatch(p -> "management".equals(p.getName())) ? "management" : "http";
                assertProbe(container.getStartupProbe(), "/q/health/started", port, where + " startupProbe");
                assertProbe(container.getLivenessProbe(), "/q/health/live", port, where + " livenessProbe");
                assertProbe(container.getReadinessProbe(), "/q/health/ready", port, where + " readinessProbe");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyContainerHasRequestsAndLimits(ValueSet valueSet) {
        forEachContainer(valueSet, (where, container) -> {
            ResourceRequirements resources = container.getResources();
            assertNotNull(resources, where + " has no resources");
            for (String resource : List.of("cpu", "memory")) {
                assertQuantity(resources.getRequests(), resource, where + " requests." + resource);
                assertQuantity(resources.getLimits(), resource, where + " limits." + resource);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyPodRunsRestricted(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        manifests.podSpecs().forEach((pod, spec) -> {
            PodSecurityContext podContext = spec.getSecurityContext();
            assertNotNull(podContext, pod + " has no pod securityContext");
            assertEquals(Boolean.FALSE, spec.getAutomountServiceAccountToken(), pod + " automountServiceAccountToken");
            for (Container container : allContainers(spec)) {
                String where = pod + " container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertNotNull(context, where + " has no securityContext");
                assertEquals(Boolean.TRUE, firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()), where + " runAsNonRoot");
                assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem(), where + " readOnlyRootFilesystem");
                assertNotNull(context.getCapabilities(), where + " capabilities");
                assertTrue(context.getCapabilities().getDrop().contains("ALL"), where + " drops ALL capabilities");
                assertTrue(context.getCapabilities().getAdd() == null || context.getCapabilities().getAdd().isEmpty(), where + " adds capabilities");
                String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                        : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
                assertEquals("RuntimeDefault", seccomp, where + " seccompProfile");
                assertFalse(Boolean.TRUE.equals(context.getPrivileged()), where + " privileged");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void applicationsGetAWritableTmp(ValueSet valueSet) {
        for (Deployment deployment : HelmChart.render(valueSet).ofType(Deployment.class)) {
            PodSpec spec = deployment.getSpec().getTemplate().getSpec();
            Volume tmp = spec.getVolumes().stream().filter(v -> "tmp".equals(v.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(id(deployment) + " has no tmp volume"));
            assertNotNull(tmp.getEmptyDir(), id(deployment) + " tmp is not an emptyDir");
            for (Container container : spec.getContainers()) {
                VolumeMount mount = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                        .orElseThrow(() -> new AssertionError(id(deployment) + " does not mount /tmp"));
                assertEquals("tmp", mount.getName());
                assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), id(deployment) + " mounts /tmp read-only");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void serviceAccountsMountNoToken(ValueSet valueSet) {
        for (ServiceAccount account : HelmChart.render(valueSet).ofType(ServiceAccount.class)) {
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), id(account));
        }
        HelmChart.render(valueSet).ofType(Deployment.class).forEach(deployment -> assertEquals(
                deployment.getMetadata().getName(), deployment.getSpec().getTemplate().getSpec().getServiceAccountName(),
                id(deployment) + " runs under its own ServiceAccount"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyResourceAndPodCarriesTheStandardLabels(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (HasMetadata resource : manifests.all()) {
            assertStandardLabels(resource.getMetadata().getLabels(), id(resource));
        }
        manifests.podLabels().forEach((pod, labels) -> assertStandardLabels(labels, pod + " pod template"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyImageIsPinnedAndNeverLatest(ValueSet valueSet) {
        forEachContainer(valueSet, (where, container) -> {
            String image = container.getImage();
            assertNotNull(image, where + " image");
            boolean digest = image.contains("@sha256:");
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            assertTrue(digest || lastSegment.contains(":"), where + " image has no tag: " + image);
            if (!digest) {
                String tag = lastSegment.substring(lastSegment.indexOf(':') + 1);
                assertFalse(tag.isBlank() || tag.equalsIgnoreCase("latest"), where + " image tag: " + image);
            }
        });
        for (Deployment deployment : HelmChart.render(valueSet).ofType(Deployment.class)) {
            String name = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertEquals("registry.example.org/ks-led/led-" + name + ":0.1.0",
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                    id(deployment) + " image defaults to the chart's appVersion");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void namesAreValidAndWithin63Characters(ValueSet valueSet) {
        for (HasMetadata resource : HelmChart.render(valueSet).all()) {
            String name = resource.getMetadata().getName();
            assertTrue(name.length() <= 63, () -> id(resource) + " is " + name.length() + " characters long");
            Pattern pattern = resource instanceof GenericKubernetesResource ? DNS_SUBDOMAIN : DNS_LABEL;
            assertTrue(pattern.matcher(name).matches(), () -> id(resource) + " is not a valid name");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void resourceNamesAreUniquePerKind(ValueSet valueSet) {
        Map<String, Long> counts = HelmChart.render(valueSet).all().stream()
                .collect(Collectors.groupingBy(RenderedManifestsTests::id, Collectors.counting()));
        counts.forEach((id, count) -> assertEquals(1L, count, id + " is rendered more than once"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyServiceSelectsAWorkloadsPodsOnANamedPort(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (Service service : manifests.ofType(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertTrue(manifests.anyPodMatches(selector), () -> id(service) + " selects no pods: " + selector);
            Set<String> podPorts = manifests.ofType(Deployment.class).stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                    .flatMap(c -> c.getPorts().stream()).map(p -> p.getName()).collect(Collectors.toSet());
            service.getSpec().getPorts().forEach(port -> assertTrue(podPorts.contains(port.getTargetPort().getStrVal()),
                    () -> id(service) + " targets port " + port.getTargetPort() + " that its pods do not name"));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyNetworkPolicySelectsExistingPods(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        List<NetworkPolicy> policies = manifests.ofType(NetworkPolicy.class);
        assertEquals(APPLICATIONS.size(), policies.size(), "one NetworkPolicy per application");
        for (NetworkPolicy policy : policies) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            assertTrue(manifests.anyPodMatches(selector), () -> id(policy) + " selects no pods: " + selector);
            assertTrue(policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), id(policy) + " policyTypes");
            // Peers in the release's own namespace (a podSelector without namespaceSelector) must exist too.
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            policy.getSpec().getIngress().forEach(rule -> peers.addAll(rule.getFrom()));
            peers.stream().filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null)
                    .map(peer -> peer.getPodSelector().getMatchLabels())
                    .filter(labels -> HelmChart.RELEASE.equals(labels.get("app.kubernetes.io/instance")))
                    .forEach(labels -> assertTrue(manifests.anyPodMatches(labels), () -> id(policy) + " admits pods that do not exist: " + labels));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void onlyTheIngressControllerReachesTheGatewayAndOnlyTheGatewayTheServices(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (NetworkPolicy policy : manifests.ofType(NetworkPolicy.class)) {
            String application = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            var firstRule = policy.getSpec().getIngress().get(0).getFrom().get(0);
            if ("api-gateway".equals(application)) {
                assertNotNull(firstRule.getNamespaceSelector(), "the gateway admits the ingress controller's namespace");
            } else {
                assertEquals("api-gateway", firstRule.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"), id(policy));
                assertEquals(null, firstRule.getNamespaceSelector(), id(policy) + " admits other namespaces");
            }
            assertTrue(policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .noneMatch(peer -> peer.getIpBlock() != null), id(policy) + " admits address blocks");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theGatewayAndTheWebAppReachEachOtherAndTheWebAppNothingElseOfThePlatform(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        NetworkPolicy gateway = named(manifests.ofType(NetworkPolicy.class), HelmChart.RELEASE + "-api-gateway").get(0);
        NetworkPolicy web = named(manifests.ofType(NetworkPolicy.class), HelmChart.RELEASE + "-web").get(0);
        assertTrue(egressTo(gateway).contains("web"), "the gateway forwards pages to the web app");
        assertTrue(gateway.getSpec().getIngress().get(0).getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null
                && "web".equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))),
                "the web app calls the API through the gateway");
        assertEquals(Set.of("api-gateway"), egressTo(web), "the web app reaches no service, database or Kafka directly");
        assertEquals("api-gateway", web.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels()
                .get("app.kubernetes.io/name"), "only the gateway reaches the web app");
    }

    /** The platform's pods (by name) a policy lets its pods reach. */
    private static Set<String> egressTo(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo() == null ? java.util.stream.Stream.empty() : rule.getTo().stream())
                .filter(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null)
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void onlyTheSurveysServiceMayReachTheSmtpRelay(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (NetworkPolicy policy : manifests.ofType(NetworkPolicy.class)) {
            String application = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            boolean smtp = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream())
                    .anyMatch(port -> port.getPort() != null && Integer.valueOf(587).equals(port.getPort().getIntVal()));
            assertEquals("surveys".equals(application), smtp, id(policy) + " egress to the SMTP relay");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void autoscalersAndBudgetsTargetExistingDeployments(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        Set<String> deployments = manifests.ofType(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        for (HorizontalPodAutoscaler hpa : manifests.ofType(HorizontalPodAutoscaler.class)) {
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertTrue(deployments.contains(hpa.getSpec().getScaleTargetRef().getName()), id(hpa));
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), id(hpa));
        }
        for (PodDisruptionBudget pdb : manifests.ofType(PodDisruptionBudget.class)) {
            assertTrue(manifests.anyPodMatches(pdb.getSpec().getSelector().getMatchLabels()), id(pdb) + " selects no pods");
        }
        // A Deployment under an autoscaler leaves its replica count to it, so upgrades do not reset it.
        Set<String> scaled = manifests.ofType(HorizontalPodAutoscaler.class).stream()
                .map(h -> h.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        manifests.ofType(Deployment.class).forEach(d -> assertEquals(scaled.contains(d.getMetadata().getName()),
                d.getSpec().getReplicas() == null, id(d) + " replicas vs autoscaler"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theGatewayIngressTerminatesTlsForItsHost(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        Ingress ingress = named(manifests.ofType(Ingress.class), HelmChart.RELEASE + "-api-gateway").get(0);
        String host = ingress.getSpec().getRules().get(0).getHost();
        List<IngressTLS> tls = ingress.getSpec().getTls();
        assertFalse(tls.isEmpty(), "the gateway Ingress has TLS");
        assertTrue(tls.stream().anyMatch(t -> t.getHosts().contains(host) && t.getSecretName() != null), "TLS covers " + host);
        String backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName();
        assertEquals(HelmChart.RELEASE + "-api-gateway", backend);
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void theIngressNeverRoutesTheManagementPort(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            var module = ApplicationModules.forImage(container.getImage()).orElseThrow();
            boolean management = ApplicationModules.property(module, "quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
            var port = container.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst();
            assertEquals(management, port.isPresent(), id(deployment) + " names the management port its application enables");
            port.ifPresent(p -> {
                assertFalse(p.getContainerPort() == 8080, id(deployment) + " management port apart from http");
                String application = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
                String variable = ("api-gateway".equals(application) ? "LED_GATEWAY" : "LED_" + application.toUpperCase()) + "_MANAGEMENT_PORT";
                String configMap = container.getEnvFrom().get(0).getConfigMapRef().getName();
                assertEquals(String.valueOf(p.getContainerPort()), named(manifests.ofType(ConfigMap.class), configMap).get(0).getData().get(variable),
                        id(deployment) + " " + variable);
                assertEquals(String.valueOf(p.getContainerPort()), deployment.getSpec().getTemplate().getMetadata().getAnnotations()
                        .getOrDefault("prometheus.io/port", String.valueOf(p.getContainerPort())), id(deployment) + " scraped on the management port");
            });
        }
        for (Ingress ingress : manifests.ofType(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                List<Service> rendered = named(manifests.ofType(Service.class), backend.getName());
                if (rendered.isEmpty()) {
                    return; // Keycloak's Ingress leads to the Service its operator makes
                }
                Service service = rendered.get(0);
                var servicePort = service.getSpec().getPorts().stream()
                        .filter(p -> backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                                : backend.getPort().getNumber().equals(p.getPort()))
                        .findFirst().orElseThrow(() -> new AssertionError(id(ingress) + " routes to a port " + id(service) + " lacks"));
                assertEquals("http", servicePort.getTargetPort().getStrVal(), id(ingress) + " routes " + path.getPath() + " only to the public port");
            }));
        }
        NetworkPolicy gateway = named(manifests.ofType(NetworkPolicy.class), HelmChart.RELEASE + "-api-gateway").get(0);
        gateway.getSpec().getIngress().stream().filter(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        && peer.getNamespaceSelector().equals(gateway.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector())))
                .limit(1).forEach(rule -> assertEquals(List.of("http"), rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList(),
                        id(gateway) + " lets the ingress controller reach the public port only"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void applicationsAreConfiguredForKubernetes(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            PodSpec spec = deployment.getSpec().getTemplate().getSpec();
            Container container = spec.getContainers().get(0);
            String configMap = container.getEnvFrom().get(0).getConfigMapRef().getName();
            Map<String, String> data = named(manifests.ofType(ConfigMap.class), configMap).get(0).getData();
            String application = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            boolean gateway = "api-gateway".equals(application);
            String portVariable = gateway ? "LED_GATEWAY_PORT" : "LED_" + application.toUpperCase() + "_PORT";
            assertEquals("8080", data.get(portVariable), id(deployment) + " " + portVariable);
            assertEquals(8080, container.getPorts().get(0).getContainerPort());
            assertTrue(data.get("LED_OIDC_URL").matches("https?://.+/realms/led"), id(deployment) + " LED_OIDC_URL");
            assertEquals(Boolean.FALSE, spec.getEnableServiceLinks(), id(deployment) + " service links would shadow LED_*_PORT");
            Set<String> secretEnv = container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .map(EnvVar::getName).collect(Collectors.toSet());
            if (gateway) {
                for (String service : APPLICATIONS.subList(1, APPLICATIONS.size())) {
                    assertEquals("http://" + HelmChart.RELEASE + "-" + service + ":8080", data.get("LED_" + service.toUpperCase() + "_URL"));
                }
                assertTrue(secretEnv.contains("QUARKUS_OIDC_CREDENTIALS_SECRET"), "the gateway's client secret comes from a Secret");
                Ingress ingress = named(manifests.ofType(Ingress.class), HelmChart.RELEASE + "-api-gateway").get(0);
                assertEquals("https://" + ingress.getSpec().getRules().get(0).getHost(), data.get("LED_GATEWAY_PUBLIC_URL"),
                        "Location headers name the public host");
            } else if ("web".equals(application)) {
                // the web app calls the API in the cluster through the gateway, and has no database or Kafka
                assertEquals("http://" + HelmChart.RELEASE + "-api-gateway:8080", data.get("LED_GATEWAY_URL"), id(deployment));
                assertEquals("true", data.get("LED_WEB_SECURE_COOKIES"), id(deployment) + " cookies only over HTTPS");
                assertEquals(Set.of("LED_WEB_CLIENT_SECRET", "LED_WEB_COOKIE_SECRET"), secretEnv, id(deployment));
                assertFalse(data.containsKey("LED_DB_HOST") || data.containsKey("LED_KAFKA_BOOTSTRAP"), id(deployment));
            } else {
                for (String variable : List.of("LED_DB_HOST", "LED_DB_PORT", "LED_KAFKA_BOOTSTRAP")) {
                    assertFalse(data.getOrDefault(variable, "").isBlank(), id(deployment) + " " + variable);
                }
                // organisations also has the identity sync's Keycloak client secret, surveys the answer key
                Set<String> expected = switch (application) {
                    case "organisations" -> Set.of("LED_DB_USER", "LED_DB_PASSWORD", "LED_KEYCLOAK_ADMIN_SECRET");
                    case "surveys" -> Set.of("LED_DB_USER", "LED_DB_PASSWORD", "LED_SURVEYS_ANSWER_KEY");
                    default -> Set.of("LED_DB_USER", "LED_DB_PASSWORD");
                };
                assertEquals(expected, secretEnv, id(deployment) + " database credentials from a Secret");
                if ("organisations".equals(application)) {
                    assertTrue(data.get("LED_KEYCLOAK_ADMIN_URL").matches("https?://[^/]+(/.*)?")
                            && !data.get("LED_KEYCLOAK_ADMIN_URL").contains("/realms/"), id(deployment) + " LED_KEYCLOAK_ADMIN_URL");
                }
            }
            container.getEnv().stream().filter(e -> e.getValue() != null)
                    .forEach(e -> assertFalse(e.getName().contains("PASSWORD") || e.getName().contains("SECRET"), id(deployment) + " inlines " + e.getName()));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyApplicationListensOnItsPodsAddress(ValueSet valueSet) {
        // The images bind to 127.0.0.1 (%prod.quarkus.http.host, so make run is not reachable from the
        // network); in a pod that would shut out the kubelet's probes and the Service.
        List<Deployment> deployments = HelmChart.render(valueSet).ofType(Deployment.class);
        assertFalse(deployments.isEmpty());
        for (Deployment deployment : deployments) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(List.of("0.0.0.0"), container.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_HTTP_HOST"))
                    .map(EnvVar::getValue).toList(), id(deployment) + " QUARKUS_HTTP_HOST");
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void referencedSecretsAreRenderedOrDeclaredExisting(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        Set<String> rendered = manifests.ofType(Secret.class).stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> declaredExisting = existingSecretNames(valueSet);
        manifests.podSpecs().forEach((pod, spec) -> allContainers(spec).stream()
                .flatMap(c -> c.getEnv() == null ? Stream.empty() : c.getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                .forEach(name -> assertTrue(rendered.contains(name) || declaredExisting.contains(name),
                        () -> pod + " references Secret " + name + ", which is neither rendered nor named in the values")));
    }

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULT", "DEV", "PROD"})
    void dependenciesAreCreatedThroughTheirOperators(ValueSet valueSet) {
        Manifests manifests = HelmChart.render(valueSet);
        GenericKubernetesResource kafka = manifests.single("Kafka");
        assertFalse(manifests.custom("KafkaNodePool").isEmpty(), "Kafka runs on node pools (KRaft)");
        manifests.custom("KafkaNodePool").forEach(pool -> assertEquals(kafka.getMetadata().getName(),
                pool.getMetadata().getLabels().get("strimzi.io/cluster")));

        Set<String> topics = manifests.custom("KafkaTopic").stream()
                .map(t -> (String) spec(t).get("topicName")).collect(Collectors.toSet());
        for (String service : SERVICES) {
            assertTrue(topics.contains("led." + service + ".events"), service + " events topic");
            assertTrue(topics.contains("led." + service + ".dlq"), service + " dead-letter topic");
        }
        manifests.custom("KafkaTopic").forEach(topic -> {
            Object partitions = spec(topic).get("partitions");
            boolean events = ((String) spec(topic).get("topicName")).endsWith(".events");
            assertEquals(events ? 3 : 1, ((Number) partitions).intValue(), id(topic) + " partitions");
            // the access replicas are rebuilt from the organisations topic's beginning: it must keep everything
            Object retention = ((Map<?, ?>) spec(topic).get("config")).get("retention.ms");
            if ("led.organisations.events".equals(spec(topic).get("topicName"))) {
                assertEquals(-1L, ((Number) retention).longValue(), id(topic) + " retention");
            } else {
                assertTrue(((Number) retention).longValue() > 0, id(topic) + " retention");
            }
        });

        GenericKubernetesResource cluster = manifests.single("Cluster");
        Set<String> databases = manifests.custom("Database").stream().map(d -> (String) spec(d).get("name")).collect(Collectors.toSet());
        assertEquals(Set.of("organisations", "surveys", "programmes", "scheduling", "funding", "keycloak"), databases);
        manifests.custom("Database").forEach(d -> assertEquals(cluster.getMetadata().getName(),
                ((Map<?, ?>) spec(d).get("cluster")).get("name"), id(d) + " cluster"));

        GenericKubernetesResource keycloak = manifests.single("Keycloak");
        assertEquals(keycloak.getMetadata().getName(), spec(manifests.single("KeycloakRealmImport")).get("keycloakCRName"));
    }

    static Map<String, Object> spec(GenericKubernetesResource resource) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) resource.getAdditionalProperties().get("spec");
        return spec;
    }

    static String id(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }

    private static Set<String> existingSecretNames(ValueSet valueSet) {
        Map<String, Object> values = HelmChart.values(valueSet);
        Map<?, ?> secrets = (Map<?, ?>) values.get("secrets");
        Map<?, ?> database = (Map<?, ?>) ((Map<?, ?>) secrets.get("database")).get("existingSecrets");
        Stream<Object> names = Stream.concat(database.values().stream(),
                Stream.of(((Map<?, ?>) secrets.get("oidcClient")).get("existingSecret")));
        return names.filter(Objects::nonNull).map(String::valueOf).filter(name -> !name.isBlank()).collect(Collectors.toSet());
    }

    private static <T extends HasMetadata> List<T> named(List<T> resources, String name) {
        return resources.stream().filter(r -> name.equals(r.getMetadata().getName())).toList();
    }

    private static void forEachContainer(ValueSet valueSet, java.util.function.BiConsumer<String, Container> check) {
        HelmChart.render(valueSet).podSpecs().forEach((pod, spec) ->
                allContainers(spec).forEach(container -> check.accept(pod + " container " + container.getName(), container)));
    }

    private static List<Container> allContainers(PodSpec spec) {
        return Stream.of(spec.getInitContainers(), spec.getContainers())
                .filter(Objects::nonNull).flatMap(List::stream).toList();
    }

    private static void assertProbe(Probe probe, String path, String port, String where) {
        assertNotNull(probe, where + " is missing");
        assertNotNull(probe.getHttpGet(), where + " is not an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath(), where + " path");
        assertEquals(port, probe.getHttpGet().getPort().getStrVal(), where + " port");
    }

    private static void assertQuantity(Map<String, Quantity> quantities, String resource, String where) {
        assertNotNull(quantities, where + " is missing");
        Quantity quantity = quantities.get(resource);
        assertNotNull(quantity, where + " is missing");
        assertTrue(Quantity.getAmountInBytes(quantity).signum() > 0, where + " is not positive");
    }

    private static void assertStandardLabels(Map<String, String> labels, String where) {
        assertNotNull(labels, where + " has no labels");
        Set<String> missing = STANDARD_LABELS.stream().filter(label -> labels.get(label) == null || labels.get(label).isBlank())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(missing.isEmpty(), () -> where + " lacks " + missing);
        assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), where);
        assertEquals("led-platform", labels.get("app.kubernetes.io/part-of"), where);
        assertEquals(HelmChart.RELEASE, labels.get("app.kubernetes.io/instance"), where);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
