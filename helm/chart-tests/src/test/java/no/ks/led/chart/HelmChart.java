package no.ks.led.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Renders and lints helm/led-platform in-process through helm-java, and parses what it renders. */
final class HelmChart {

    static final String RELEASE = "led";
    static final String NAMESPACE = "led";
    /** Helm's offline default is v1.20; render for a Kubernetes the chart supports. */
    static final String KUBE_VERSION = "v1.33.0";

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<ValueSet, Manifests> RENDERED = new EnumMap<>(ValueSet.class);

    private HelmChart() {
    }

    private static Path renderable;

    static Path directory() {
        return Path.of(System.getProperty("led.chart.dir", "../led-platform")).toAbsolutePath().normalize();
    }

    static Path buildDirectory() {
        return Path.of(System.getProperty("led.build.dir", "target")).toAbsolutePath().normalize();
    }

    /**
     * A copy of the chart whose hooks render as ordinary resources. helm-java's template returns
     * the release manifest only, without hooks, and the generated Secrets and the `helm test`
     * pod are hooks: renamed annotations keep them in the output, and so in the checks.
     */
    static synchronized Path renderableChart() {
        if (renderable == null) {
            Path target = buildDirectory().resolve("chart-under-test");
            deleteRecursively(target);
            copy(directory(), target);
            try (Stream<Path> files = Files.walk(target.resolve("templates"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.writeString(file, Files.readString(file).replace("helm.sh/hook", HOOK_ANNOTATION));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            renderable = target;
        }
        return renderable;
    }

    /** The prefix hook annotations carry in the renderable copy of the chart. */
    static final String HOOK_ANNOTATION = "chart-tests.led.ks.no/hook";

    /** `helm template` with a value set and extra values files on top, in that order. */
    static String template(ValueSet valueSet, Path... extraValues) {
        Path chart = renderableChart();
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valueSet.hasFile()) {
            command = command.withValuesFile(valueSet.file(chart));
        }
        for (Path values : extraValues) {
            command = command.withValuesFile(values);
        }
        return command.call();
    }

    /** The parsed manifests of a value set, rendered once per test run. */
    static synchronized Manifests render(ValueSet valueSet) {
        return RENDERED.computeIfAbsent(valueSet, set -> new Manifests(parse(template(set))));
    }

    static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new AssertionError("Not a Kubernetes resource: " + document);
            }
            resources.add(resource);
        }
        return resources;
    }

    /**
     * A copy of the chart whose values.yaml is the value set merged over the defaults, the way
     * Helm merges -f files. helm-java's lint takes no values files, so lint runs on this copy.
     */
    static Path copyWithValues(ValueSet valueSet, Path target) {
        Path source = directory();
        copy(source, target);
        try {
            if (valueSet.hasFile()) {
                Files.writeString(target.resolve("values.yaml"), SERIALIZATION.asYaml(values(valueSet)));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values a value set amounts to: values.yaml with its file merged on top. */
    static Map<String, Object> values(ValueSet valueSet) {
        Map<String, Object> values = readYaml(directory().resolve("values.yaml"));
        if (valueSet.hasFile()) {
            mergeInto(values, readYaml(valueSet.file(directory())));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) {
        try {
            return new LinkedHashMap<>(SERIALIZATION.unmarshal(Files.readString(file), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing: maps merge key by key, null deletes, anything else replaces. */
    @SuppressWarnings("unchecked")
    static void mergeInto(Map<String, Object> base, Map<String, Object> overlay) {
        overlay.forEach((key, value) -> {
            Object current = base.get(key);
            if (value == null) {
                base.remove(key);
            } else if (value instanceof Map<?, ?> overlayMap && current instanceof Map<?, ?> currentMap) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) currentMap);
                mergeInto(merged, (Map<String, Object>) overlayMap);
                base.put(key, merged);
            } else {
                base.put(key, value);
            }
        });
    }
}
