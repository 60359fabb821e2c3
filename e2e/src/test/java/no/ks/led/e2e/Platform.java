package no.ks.led.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged platform as real processes: the five services and the gateway, each started once
 * per test run from its {@code target/quarkus-app}, on free ports, against the local stack whose
 * settings are in the environment ({@code make test} provides them). Stopped when the run ends.
 */
public final class Platform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** Each application's module directory, by name; the gateway starts last. */
    static final Map<String, String> APPLICATIONS = new LinkedHashMap<>();

    static {
        APPLICATIONS.put("organisations", "services/organisations");
        APPLICATIONS.put("surveys", "services/surveys");
        APPLICATIONS.put("programmes", "services/programmes");
        APPLICATIONS.put("scheduling", "services/scheduling");
        APPLICATIONS.put("funding", "services/funding");
        APPLICATIONS.put("gateway", "api-gateway");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Platform.class) {
            if (started) {
                return;
            }
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Platform.class.getName(), this);
            startAll();
        }
    }

    /** The base URL of an application, e.g. {@code gateway}. */
    public static String url(String application) {
        return "http://127.0.0.1:" + PORTS.get(application);
    }

    private void startAll() throws Exception {
        Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e/target/platform-logs");
        Files.createDirectories(logs);
        for (String name : APPLICATIONS.keySet()) {
            PORTS.put(name, freePort());
        }
        for (Map.Entry<String, String> app : APPLICATIONS.entrySet()) {
            Path jar = root.resolve(app.getValue()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the applications first (mvn verify does)");
            }
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(app.getKey() + ".log").toFile());
            Map<String, String> env = builder.environment();
            PORTS.forEach((name, port) -> {
                String key = name.equals("gateway") ? "GATEWAY" : name.toUpperCase();
                env.put("LED_" + key + "_PORT", String.valueOf(port));
                env.put("LED_" + key + "_URL", "http://127.0.0.1:" + port);
            });
            PROCESSES.add(builder.start());
        }
        for (String name : APPLICATIONS.keySet()) {
            awaitReady(name, logs.resolve(name + ".log"));
        }
    }

    private static void awaitReady(String name, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(name) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        String tail = Files.exists(log) ? String.join("\n", lastLines(log, 30)) : "(no log)";
        throw new IllegalStateException(name + " was not ready within 120 s. Last log lines:\n" + tail);
    }

    private static List<String> lastLines(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
