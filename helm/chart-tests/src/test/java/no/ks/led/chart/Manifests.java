package no.ks.led.chart;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed documents of one rendering, with the look-ups the checks need. */
record Manifests(List<HasMetadata> all) {

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources (operators' kinds), which parse as GenericKubernetesResource. */
    List<GenericKubernetesResource> custom(String kind) {
        return ofType(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    GenericKubernetesResource single(String kind) {
        List<GenericKubernetesResource> found = custom(kind);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Every pod the release runs, by "Kind/name": Deployments' templates and bare Pods (the Helm test). */
    Map<String, PodSpec> podSpecs() {
        Map<String, PodSpec> specs = new LinkedHashMap<>();
        ofType(Deployment.class).forEach(d -> specs.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        ofType(Pod.class).forEach(p -> specs.put("Pod/" + p.getMetadata().getName(), p.getSpec()));
        return specs;
    }

    /** The labels of every pod the release runs, by "Kind/name". */
    Map<String, Map<String, String>> podLabels() {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        ofType(Deployment.class).forEach(d -> labels.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        ofType(Pod.class).forEach(p -> labels.put("Pod/" + p.getMetadata().getName(), p.getMetadata().getLabels()));
        return labels;
    }

    boolean anyPodMatches(Map<String, String> selector) {
        return selector != null && !selector.isEmpty()
                && podLabels().values().stream().anyMatch(labels -> labels != null && labels.entrySet().containsAll(selector.entrySet()));
    }
}
