package no.ks.led.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Part 6: {@code make run} from start to "Led platform is running" (every application answered
 * /q/health/ready), with the runtimes cached and the profile's state kept, as a developer's second
 * and later {@code make run}. Started in a session of its own and stopped as Ctrl-C would: SIGINT to
 * its process group. The stack runs on the bench ports (LED_* variables) under its own profile, so
 * neither a developer's {@code make run} nor another stack is touched. Needs those ports free: run
 * it while no other part's stack is up.
 */
final class WholeStack {

    static final String PART = "whole-stack";
    static final String TITLE = "6. Whole stack (make run)";
    private static final String READY_LINE = "Led platform is running";

    /**
     * One {@code make run}; {@code busyUntilReady} and {@code busyAfterStack} are the share of the machine's CPU time
     * that was busy from launch, and from the stack being up, until every application was ready; {@code cpuSeconds}
     * the CPU seconds the machine used until then.
     */
    private record Run(int number, double totalSeconds, double stackSeconds, Map<String, Double> appReady, double stopSeconds,
            boolean built, boolean freshState, double busyUntilReady, double busyAfterStack, double cpuSeconds) {
    }

    private WholeStack() {
    }

    static Section run(Context ctx) throws Exception {
        int runs = Integer.getInteger("bench.whole-stack.runs", ctx.smoke ? 1 : 3);
        String profile = Context.env("LED_BENCH_RUN_PROFILE", "bench-run");
        List<Run> results = new ArrayList<>();
        for (int n = 1; n <= runs; n++) {
            Run run = once(ctx, n, profile);
            Log.say("whole-stack: run %d: all ready after %.1f s (stack up after %.1f s), stopped in %.1f s%s", n,
                    run.totalSeconds(), run.stackSeconds(), run.stopSeconds(), run.built() ? " (included a build)" : "");
            results.add(run);
        }
        return report(ctx, results, profile);
    }

    private static Run once(Context ctx, int number, String profile) throws Exception {
        Path stateDir = Path.of(Context.env("LED_STACK_HOME", System.getProperty("user.home") + "/.cache/led-stack"), "state", profile);
        boolean fresh = !Files.exists(stateDir.resolve("postgres/data"));
        List<String> command = ctx.onCpus(null, List.of("setsid", "make", "--no-print-directory", "run"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ctx.repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("LED_STACK_PROFILE", profile);
        env.put("LED_STACK_FRESH", "0");
        for (Application app : Apps.PLATFORM) {
            int port = Apps.freePort();
            env.put(app.portVariable(), String.valueOf(port));
            env.put(app.urlVariable(), "http://127.0.0.1:" + port);
            env.put(app.managementPortVariable(), String.valueOf(Apps.freePort()));
        }
        Path log = ctx.work.resolve("logs").resolve("make-run-" + number + ".log");
        Map<String, Double> appReady = new LinkedHashMap<>();
        double[] stackUp = {Double.NaN};
        double[] ready = {Double.NaN};
        boolean[] built = {false};
        CountDownLatch allReady = new CountDownLatch(1);
        Machine.CpuTicks[] cpuAtStack = {null};
        Machine.CpuTicks[] cpuAtReady = {null};
        Machine.CpuTicks cpuAtLaunch = Machine.CpuTicks.now();
        long t0 = System.nanoTime();
        Process process = builder.start();
        long pgid = process.pid();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    double t = (System.nanoTime() - t0) / 1e9;
                    out.printf(Locale.ROOT, "%7.2f %s%n", t, line);
                    if (line.contains("[stack] stack up in")) {
                        cpuAtStack[0] = Machine.CpuTicks.now();
                        stackUp[0] = t;
                    } else if (line.startsWith("[run] ") && line.contains(" ready on port ")) {
                        appReady.put(line.substring(6, line.indexOf(' ', 6)), t);
                    } else if (line.contains("building the applications")) {
                        built[0] = true;
                    } else if (line.contains(READY_LINE)) {
                        cpuAtReady[0] = Machine.CpuTicks.now();
                        ready[0] = t;
                        allReady.countDown();
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
            allReady.countDown();
        }, "make-run-output");
        reader.setDaemon(true);
        reader.start();
        Thread killOnExit = new Thread(() -> signalGroup(pgid, "KILL"));
        Runtime.getRuntime().addShutdownHook(killOnExit);
        boolean ok;
        double stop;
        try {
            ok = allReady.await(300, TimeUnit.SECONDS) && !Double.isNaN(ready[0]);
        } finally {
            long stopStart = System.nanoTime();
            stopGroup(pgid);
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
            stop = (System.nanoTime() - stopStart) / 1e9;
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        if (!ok) {
            throw new IllegalStateException("make run did not get every application ready (exit "
                    + (process.isAlive() ? "still running" : process.exitValue()) + "); see " + log);
        }
        Machine.CpuTicks atReady = cpuAtReady[0];
        return new Run(number, ready[0], stackUp[0], appReady, stop, built[0], fresh, atReady.busyShareSince(cpuAtLaunch),
                cpuAtStack[0] == null ? Double.NaN : atReady.busyShareSince(cpuAtStack[0]), atReady.busySecondsSince(cpuAtLaunch));
    }

    /** Ctrl-C: SIGINT to the whole process group, then wait for every member to go; harder signals after 90 s. */
    private static void stopGroup(long pgid) throws InterruptedException {
        signalGroup(pgid, "INT");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!groupMembers(pgid).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (!groupMembers(pgid).isEmpty()) {
            Log.say("whole-stack: make run's process group %d still has %s after 90 s; sending TERM, then KILL", pgid,
                    groupMembers(pgid));
            signalGroup(pgid, "TERM");
            Thread.sleep(10_000);
            signalGroup(pgid, "KILL");
        }
    }

    private static void signalGroup(long pgid, String signal) {
        if (!groupMembers(pgid).isEmpty()) {
            Context.run(List.of("kill", "-" + signal, "--", "-" + pgid));
        }
    }

    /** Processes whose process group is {@code pgid}. */
    static List<Long> groupMembers(long pgid) {
        return ProcStat.all().stream().filter(p -> p.group() == pgid).map(ProcStat::pid).toList();
    }

    private static Section report(Context ctx, List<Run> runs, String profile) {
        StringBuilder md = new StringBuilder("## " + TITLE + "\n\n");
        md.append("`make run` (deploy/local/run-platform.sh) in its own session, profile `" + profile + "` on the bench ports, "
                + "state kept between runs (as a developer's repeated `make run`); time from launch to \"" + READY_LINE
                + "\" (every application answered `/q/health/ready`), then stopped with SIGINT to its process group (Ctrl-C). "
                + "The reference is the stack alone: the time until `stack.sh` printed \"stack up\". \"CPUs busy\" is the share of "
                + "the machine's CPU time (all " + ctx.cpus + " CPUs, from /proc/stat, whoever used them) that was busy until every "
                + "application was ready, from launch and from the stack being up: near 100 % the start is bound by the work "
                + "to be done, not by waiting.\n\n");
        md.append("| run | all ready | stack up | applications after the stack | slowest application | CPUs busy until ready "
                + "(from launch / after the stack) | CPU seconds until ready | stop | notes |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            String slowest = run.appReady().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() + " " + Stats.num(e.getValue(), 1) + " s").orElse("–");
            List<String> notes = new ArrayList<>();
            if (run.freshState()) {
                notes.add("fresh state (initdb, Kafka format, migrations)");
            }
            if (run.built()) {
                notes.add("included a build");
            }
            md.append(String.format(Locale.ROOT, "| %d | %.1f s | %.1f s | %.1f s | %s | %.0f %% / %.0f %% | %.1f s | %.1f s | %s |%n",
                    run.number(), run.totalSeconds(), run.stackSeconds(), run.totalSeconds() - run.stackSeconds(), slowest,
                    100 * run.busyUntilReady(), 100 * run.busyAfterStack(), run.cpuSeconds(), run.stopSeconds(),
                    String.join("; ", notes)));
        }
        double total = Stats.median(runs.stream().map(Run::totalSeconds).toList());
        double stack = Stats.median(runs.stream().map(Run::stackSeconds).toList());
        double apps = Stats.median(runs.stream().map(r -> r.totalSeconds() - r.stackSeconds()).toList());
        double busy = Stats.median(runs.stream().map(Run::busyUntilReady).toList());
        double cpuSeconds = Stats.median(runs.stream().map(Run::cpuSeconds).toList());
        md.append(String.format(Locale.ROOT, "%nMedians: all ready after %.1f s; stack up after %.1f s; applications ready %.1f s "
                + "after the stack; CPUs busy %.0f %% of the time until ready, %.1f CPU seconds: at least %.1f s on %d CPUs "
                + "for that work.%n", total, stack, apps, 100 * busy, cpuSeconds, cpuSeconds / ctx.cpus, ctx.cpus));
        List<Section.Row> rows = List.of(new Section.Row("make run: every application ready", "< 60 s",
                String.format(Locale.ROOT, "%.1f s (applications %.1f s after the stack)", total, apps),
                String.format(Locale.ROOT, "stack alone %.1f s", stack), Stats.ratio(total / stack),
                GatewayOverhead.verdict(ctx, total < 60)));
        return new Section(PART, md.toString(), rows);
    }
}
