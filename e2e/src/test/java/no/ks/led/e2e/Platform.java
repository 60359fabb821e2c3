package no.ks.led.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged platform as real processes: the five services and the gateway, each started once
 * per test run from its {@code target/quarkus-app}, on free ports, against the local stack whose
 * settings are in the environment ({@code make test} provides them). Stopped when the run ends.
 */
public final class Platform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** The applications of {@code deploy/applications.txt}, by name, in start order (the gateway last). */
    static final Map<String, Application> APPLICATIONS = new LinkedHashMap<>();

    static {
        Application.all(repositoryRoot()).forEach(app -> APPLICATIONS.put(app.name(), app));
    }

    /** How long an application may take to become ready; a busy shared machine needs minutes, not seconds. */
    private static final long READY_TIMEOUT_SECONDS = Long.parseLong(
            System.getenv().getOrDefault("LED_E2E_READY_TIMEOUT_SECONDS", "300"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    /** The management interface's port of the applications that have one (health, metrics, OpenAPI). */
    private static final Map<String, Integer> MANAGEMENT_PORTS = new LinkedHashMap<>();
    private static final List<Process> PROCESSES = new ArrayList<>();
    /** The process of each application now, after any restart by the fault suite. */
    private static final Map<String, Process> CURRENT = new LinkedHashMap<>();
    private static Path logs;
    private static boolean started;
    private static IllegalStateException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Platform.class) {
            if (startFailure != null) {
                // every later test class fails for the same reason, instead of against a half-started platform
                throw new IllegalStateException("The platform did not start: " + startFailure.getMessage(), startFailure);
            }
            if (started) {
                return;
            }
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Platform.class.getName(), this);
            try {
                startAll();
            } catch (IllegalStateException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    /**
     * The packaged application ({@code target/quarkus-app}) that is started. A copy of the packaged
     * applications may stand in for the tree's own ({@code -Dled.e2e.applications.root=DIR}), so a build
     * of the same tree running meanwhile does not pull the jars from under a test run.
     */
    static Path packaged(String application) {
        Path root = repositoryRoot();
        Path applications = Path.of(System.getProperty("led.e2e.applications.root", root.toString()));
        return applications.resolve(APPLICATIONS.get(application).module()).resolve("target/quarkus-app");
    }

    /** The base URL of an application, e.g. {@code gateway}. */
    public static String url(String application) {
        return "http://127.0.0.1:" + PORTS.get(application);
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Where an application serves /q/health, /q/metrics and /q/openapi: its management port if its
     * configuration switches the management interface on (the gateway's does), else its one port.
     */
    public static String managementUrl(String application) {
        return MANAGEMENT_PORTS.containsKey(application) ? "http://127.0.0.1:" + MANAGEMENT_PORTS.get(application)
                : url(application);
    }

    private static boolean hasManagementInterface(Path root, String application) throws IOException {
        Path properties = root.resolve(APPLICATIONS.get(application).module()).resolve("src/main/resources/application.properties");
        return Files.readAllLines(properties).stream().anyMatch(line -> line.strip().equals("quarkus.management.enabled=true"));
    }

    private void startAll() throws Exception {
        logs = repositoryRoot().resolve("e2e/target/platform-logs");
        Files.createDirectories(logs);
        for (String name : APPLICATIONS.keySet()) {
            PORTS.put(name, freePort());
            if (hasManagementInterface(repositoryRoot(), name)) {
                MANAGEMENT_PORTS.put(name, freePort());
            }
        }
        Map<String, Process> running = new LinkedHashMap<>();
        for (String name : APPLICATIONS.keySet()) {
            running.put(name, start(name, false));
        }
        for (String name : APPLICATIONS.keySet()) {
            if (!awaitReady(name, running.get(name), logs.resolve(name + ".log"))) {
                // On a busy shared machine an application can give up at start (a database connection
                // not acquired in time); one more try, so a real start failure still fails the run.
                Files.move(logs.resolve(name + ".log"), logs.resolve(name + "-failed-start.log"),
                        StandardCopyOption.REPLACE_EXISTING);
                System.out.println("[platform] " + name + " exited before it was ready; starting it once more (first log: "
                        + logs.resolve(name + "-failed-start.log") + ")");
                Process again = start(name, false);
                if (!awaitReady(name, again, logs.resolve(name + ".log"))) {
                    throw new IllegalStateException(name + " exited twice before it was ready. Last log lines:\n"
                            + String.join("\n", lastLines(logs.resolve(name + ".log"), 30)));
                }
            }
        }
    }

    /**
     * Kills an application as a crash would (SIGKILL: no shutdown hooks, no offsets committed, in-flight
     * requests cut off), or stops it in order ({@code crash} false: SIGTERM), and waits until it is gone.
     */
    static synchronized void stop(String name, boolean crash) throws InterruptedException {
        Process process = CURRENT.get(name);
        if (crash) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts a stopped application again on its port, its log appended to, and waits until it is ready. */
    static void restart(String name) throws Exception {
        Process process;
        synchronized (Platform.class) {
            process = start(name, true);
        }
        if (!awaitReady(name, process, logs.resolve(name + ".log"))) {
            throw new IllegalStateException(name + " exited before it was ready after a restart. Last log lines:\n"
                    + String.join("\n", lastLines(logs.resolve(name + ".log"), 30)));
        }
    }

    private static Process start(String name, boolean appendLog) throws IOException {
        Path jar = packaged(name).resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the applications first (mvn verify does)");
        }
        File log = logs.resolve(name + ".log").toFile();
        // make run's flags (deploy/local/run-platform.sh): a small initial heap, C1 only (less RSS and start CPU)
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
        Map<String, String> env = builder.environment();
        PORTS.forEach((app, port) -> {
            env.put(APPLICATIONS.get(app).portVariable(), String.valueOf(port));
            env.put(APPLICATIONS.get(app).urlVariable(), "http://127.0.0.1:" + port);
        });
        MANAGEMENT_PORTS.forEach((app, port) ->
                env.put(APPLICATIONS.get(app).portVariable().replace("_PORT", "_MANAGEMENT_PORT"), String.valueOf(port)));
        // six JVMs starting at once on a small machine: give the first database connection time
        if (APPLICATIONS.get(name).hasDatabase()) {
            env.putIfAbsent("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
        }
        if (name.equals("organisations")) {
            // the demo tenants, schools, people, memberships and engagements of the dev realm, from the
            // repository's file (no jar carries it)
            env.put("LED_DEMO_DATA_ENABLED", "true");
            env.put("LED_DEMO_DATA_FILE", repositoryRoot().resolve(DemoUsers.DIRECTORY_FILE).toString());
        }
        Process process = builder.start();
        PROCESSES.add(process);
        CURRENT.put(name, process);
        return process;
    }

    /** True once the application is ready; false if its process ended first; fails after the timeout. */
    private static boolean awaitReady(String name, Process process, Path log) throws IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(name) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return await().atMost(Duration.ofSeconds(READY_TIMEOUT_SECONDS)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> answersOk(ready) ? Boolean.TRUE : process.isAlive() ? null : Boolean.FALSE,
                            outcome -> outcome != null);
        } catch (ConditionTimeoutException e) {
            String tail = Files.exists(log) ? String.join("\n", lastLines(log, 30)) : "(no log)";
            throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT_SECONDS + " s. Last log lines:\n" + tail);
        }
    }

    private static boolean answersOk(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    private static List<String> lastLines(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /**
     * A port nothing listens on, and below Linux's range of ephemeral ports (32768–60999): a port the kernel hands
     * out (port 0) can be taken as the local port of another process's outgoing connection between this choice and
     * the application's bind, and a connection pool keeps it for the whole run (the bench's {@code Apps.freePort} does the same).
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            if (PORTS.containsValue(port) || MANAGEMENT_PORTS.containsValue(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new IOException("No free port between 20000 and 32000 after 200 tries");
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
