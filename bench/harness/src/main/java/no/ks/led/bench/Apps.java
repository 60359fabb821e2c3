package no.ks.led.bench;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged applications as processes, started exactly as {@code make run} starts them
 * ({@code java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar target/quarkus-app/quarkus-run.jar}), on ports of
 * their own, optionally pinned to CPUs with {@code taskset}.
 */
final class Apps implements AutoCloseable {

    /** The demo directory in the repository (the bench has no dependency on the foundation's {@code DemoDirectory}). */
    static final String DEMO_DIRECTORY = "deploy/local/demo/demo-directory.json";
    /**
     * The JVM flags of deploy/local/run-platform.sh, used for every application and the reference.
     * {@code -XX:TieredStopAtLevel=1} (C1 only, no C2): about 30 MiB less RSS after ready and a quarter less
     * start CPU; see docs/performance.md, "Start, memory and stop".
     */
    static final List<String> JVM_FLAGS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The platform's applications (deploy/applications.txt), in the order make run starts them. */
    static final List<Application> PLATFORM = Application.platform(Bench.repositoryRoot());

    /** Each application by name; {@code minimal} is the footprint reference. */
    static final Map<String, Application> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("minimal", new Application("minimal", "bench/minimal-app", "LED_MINIMAL_PORT"));
        PLATFORM.forEach(app -> MODULES.put(app.name(), app));
    }

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    /** A started application process. */
    static final class Running {
        final String name;
        final String cpus;
        final Process process;
        final long startNanos;
        final Path log;
        long readyNanos;

        Running(String name, String cpus, Process process, long startNanos, Path log) {
            this.name = name;
            this.cpus = cpus;
            this.process = process;
            this.startNanos = startNanos;
            this.log = log;
        }

        double startMillis() {
            return (readyNanos - startNanos) / 1e6;
        }

        /** Resident set size now, from /proc/&lt;pid&gt;/status (VmRSS), in MiB. */
        double rssMiB() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through
            }
            return Double.NaN;
        }

        /** CPU time (user + system) the process has used so far, in ms, from /proc/&lt;pid&gt;/stat. */
        double cpuMillis() {
            return Apps.cpuMillis(process.pid());
        }

        /** Garbage collections so far (jstat -gcutil), or null where jstat is not available. */
        Gc gc() {
            return Gc.of(process.pid());
        }

        /** The "started in N s" that Quarkus logs, in ms, if found. */
        double quarkusStartedMillis() {
            try {
                Matcher m = STARTED_IN.matcher(Files.readString(log));
                return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
    }

    /** The ports {@link #freePort()} has given out in this run. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final Context ctx;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Ports of the management interfaces (health, metrics): the applications serve them there alone. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private int starts;

    Apps(Context ctx) {
        this.ctx = ctx;
        for (String name : MODULES.keySet()) {
            ports.put(name, freePort());
        }
        for (Application app : PLATFORM) {
            if (app.hasManagementInterface(ctx.repo)) {
                managementPorts.put(app.name(), freePort());
            }
        }
    }

    /** Where the application answers /q/health: its management port if it has one. */
    String managementUrl(String name) {
        return "http://127.0.0.1:" + managementPorts.getOrDefault(name, ports.get(name));
    }

    String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    Path jar(String name) {
        return ctx.repo.resolve(MODULES.get(name).module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts an application (not waiting for it); cpus null means every CPU. */
    synchronized Running start(String name, String cpus) throws IOException {
        Path jar = jar(name);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the applications first (./mvnw package)");
        }
        stop(name);
        Path log = ctx.work.resolve("logs").resolve(name + "-" + (++starts) + ".log");
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(ctx.onCpus(cpus, command))
                .directory(ctx.repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // the demo users' tenants, people and memberships (organisations seeds them from the repository's
        // file, which no jar carries; the others ignore it)
        env.put("LED_DEMO_DATA_ENABLED", "true");
        env.put("LED_DEMO_DATA_FILE", ctx.repo.resolve(DEMO_DIRECTORY).toString());
        ports.forEach((app, port) -> {
            env.put(MODULES.get(app).portVariable(), String.valueOf(port));
            env.put(MODULES.get(app).urlVariable(), "http://127.0.0.1:" + port);
        });
        managementPorts.forEach((app, port) -> env.put(MODULES.get(app).managementPortVariable(), String.valueOf(port)));
        // part 1 sends 500 req/s through the gateway with a handful of tokens: it measures the proxy, so
        // the per-person request limit (100/s, burst 1000 by default) is off here
        env.put("LED_GATEWAY_RATE_LIMIT_ENABLED", "false");
        long t0 = System.nanoTime();
        Running app = new Running(name, cpus, builder.start(), t0, log);
        running.put(name, app);
        return app;
    }

    /** Waits until /q/health/ready answers 200, polling every {@code pollMillis}; records the time. */
    Running awaitReady(Running app, Duration timeout, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(app.name) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            try {
                if (probe.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    app.readyNanos = System.nanoTime();
                    return app;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!app.process.isAlive()) {
                throw new IllegalStateException(app.name + " exited with " + app.process.exitValue() + ". Last log lines:\n"
                        + tail(app.log, 30));
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException(app.name + " was not ready within " + timeout.toSeconds() + " s. Last log lines:\n"
                + tail(app.log, 30));
    }

    /** The application running on the given CPUs, started (and awaited) if it is not. */
    synchronized Running ensure(String name, String cpus) throws Exception {
        Running app = running.get(name);
        if (app != null && app.process.isAlive() && Objects.equals(app.cpus, cpus)) {
            return app;
        }
        return awaitReady(start(name, cpus), Duration.ofSeconds(180), 100);
    }

    /** Several applications on the given CPUs, the missing ones started together and awaited. */
    List<Running> ensureAll(String cpus, String... names) throws Exception {
        List<Running> result = new ArrayList<>();
        synchronized (this) {
            for (String name : names) {
                Running app = running.get(name);
                if (app == null || !app.process.isAlive() || !Objects.equals(app.cpus, cpus)) {
                    app = start(name, cpus);
                }
                result.add(app);
            }
        }
        for (Running app : result) {
            if (app.readyNanos == 0) {
                awaitReady(app, Duration.ofSeconds(180), 100);
            }
        }
        return result;
    }

    /**
     * Makes sure the demo users may act: the organisations service (which loads the demo directory)
     * runs, and the service behind {@code url} answers the user's GET with 200, i.e. its access replica
     * has the user's membership.
     */
    void ensureDemoAccess(Context ctx, String url, String user) throws Exception {
        ensureAll(null, "organisations");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            String token = Tokens.accessToken(ctx.http, ctx.oidcUrl(), user);
            int status = ctx.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + url + " as " + user + " still answers " + status
                        + ": the demo memberships did not reach the service");
            }
            Thread.sleep(250);
        }
    }

    synchronized void stop(String name) {
        Running app = running.remove(name);
        if (app == null) {
            return;
        }
        app.process.destroy();
        try {
            if (!app.process.waitFor(30, TimeUnit.SECONDS)) {
                app.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            app.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        for (String name : new ArrayList<>(running.keySet())) {
            stop(name);
        }
    }

    /** Young and full collection counts and the total GC time in seconds, as jstat reports them. */
    record Gc(long young, long full, double seconds) {

        private static final Path JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat");

        static Gc of(long pid) {
            if (!Files.isExecutable(JSTAT)) {
                return null;
            }
            String[] lines = Context.run(List.of(JSTAT.toString(), "-gcutil", String.valueOf(pid))).split("\n");
            if (lines.length < 2) {
                return null;
            }
            List<String> header = List.of(lines[lines.length - 2].trim().split("\\s+"));
            String[] values = lines[lines.length - 1].trim().split("\\s+");
            try {
                return new Gc(Long.parseLong(values[header.indexOf("YGC")]), Long.parseLong(values[header.indexOf("FGC")]),
                        Double.parseDouble(values[header.indexOf("GCT")]));
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** What happened between an earlier snapshot and this one, e.g. "1.2 s GC, 3 full" ("?" if unknown). */
        static String since(Gc before, Gc after) {
            if (before == null || after == null) {
                return "?";
            }
            return String.format(java.util.Locale.ROOT, "%.1f s, %d full", after.seconds - before.seconds, after.full - before.full);
        }
    }

    /**
     * CPU time of the stack's PostgreSQL (the profile's {@code postmaster.pid}): the postmaster and its live
     * processes (backends, writer, WAL writer), and what exited ones used (the postmaster's children's time).
     * NaN if it is not found. Two readings around a run give what PostgreSQL spent on it.
     */
    static double postgresCpuMillis() {
        Path pidFile = Path.of(Context.env("LED_STACK_HOME", System.getProperty("user.home") + "/.cache/led-stack"), "state",
                Context.env("LED_STACK_PROFILE", "run"), "postgres", "data", "postmaster.pid");
        try {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcStat.of(postmaster).map(p -> p.cpuMillis() + p.childrenCpuMillis()
                    + ProcStat.all().stream().filter(child -> child.parent() == postmaster).mapToDouble(ProcStat::cpuMillis).sum())
                    .orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double cpuMillis(long pid) {
        return ProcStat.of(pid).map(ProcStat::cpuMillis).orElse(Double.NaN);
    }

    static String tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * A port free now, below the range the kernel hands out to outgoing connections (32768 and up on
     * Linux): the applications start minutes after their ports are chosen, and a port from that range
     * (what {@code new ServerSocket(0)} gives) was taken by some client socket in between, once. Never
     * the same port twice in one run.
     */
    static synchronized int freePort() {
        int first = 20_000;
        int count = 12_000;
        int offset = ThreadLocalRandom.current().nextInt(count);
        for (int i = 0; i < count; i++) {
            int port = first + (offset + i) % count;
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port between " + first + " and " + (first + count));
    }
}
