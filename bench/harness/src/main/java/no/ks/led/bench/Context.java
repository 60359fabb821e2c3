package no.ks.led.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What every benchmark part needs: mode, paths, the stack's settings, CPUs and the applications. */
final class Context implements AutoCloseable {

    final boolean smoke;
    final Path repo;
    final Path work;
    final Apps apps;
    final HttpClient http;
    /** CPUs the machine has, counted before the harness pinned itself anywhere. */
    final int cpus;
    final boolean taskset;

    Context(boolean smoke, Path repo, Path work) throws IOException {
        this.smoke = smoke;
        this.repo = repo;
        this.work = work;
        Files.createDirectories(work.resolve("logs"));
        this.cpus = Runtime.getRuntime().availableProcessors();
        this.taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.apps = new Apps(this);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    String dbHost() {
        return env("LED_DB_HOST", "127.0.0.1");
    }

    String dbPort() {
        return env("LED_DB_PORT", "15432");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    String dbUser() {
        return env("LED_DB_USER", "led");
    }

    String dbPassword() {
        return env("LED_DB_PASSWORD", "led");
    }

    String kafkaBootstrap() {
        return env("LED_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    }

    String oidcUrl() {
        return env("LED_OIDC_URL", "http://localhost:8180/realms/led");
    }

    /** Whether the load generator and the system under test can have cores of their own. */
    boolean canPin() {
        return taskset && cpus >= 2;
    }

    String allCpus() {
        return "0-" + (cpus - 1);
    }

    /** The harness's CPU (the load generator's), when pinning. */
    String generatorCpus() {
        return "0";
    }

    /** The system under test's CPUs, when pinning: every CPU but the generator's. */
    String sutCpus() {
        return cpus == 2 ? "1" : "1-" + (cpus - 1);
    }

    /** Pins every thread of this JVM (and so the threads they start later) to the given CPUs. */
    void pinSelf(String cpuList) {
        if (!taskset) {
            return;
        }
        run(List.of("taskset", "-a", "-p", "-c", cpuList, String.valueOf(ProcessHandle.current().pid())));
    }

    /** A command prefixed so that it runs on the given CPUs (all when null), whatever the harness's own affinity. */
    List<String> onCpus(String cpuList, List<String> command) {
        List<String> full = new ArrayList<>();
        if (taskset) {
            full.add("taskset");
            full.add("-c");
            full.add(cpuList == null ? allCpus() : cpuList);
        }
        full.addAll(command);
        return full;
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out.trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        apps.close();
    }
}
