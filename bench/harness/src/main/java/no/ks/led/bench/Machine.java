package no.ks.led.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine and versions a run measured, as a Markdown table. */
final class Machine {

    private Machine() {
    }

    static String describe(Context ctx) {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        row(md, "CPUs (nproc)", String.valueOf(ctx.cpus));
        row(md, "CPU model", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)"));
        String mem = firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+) kB");
        row(md, "memory", mem.matches("\\d+") ? String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(mem) / 1024.0 / 1024.0) : mem);
        row(md, "load average at start (1, 5, 15 min)", read(Path.of("/proc/loadavg")).replaceAll("^(\\S+ \\S+ \\S+).*", "$1"));
        row(md, "kernel", read(Path.of("/proc/sys/kernel/osrelease")));
        row(md, "JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")");
        Properties build = new Properties();
        try (InputStream in = Machine.class.getResourceAsStream("/led-bench.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // leave empty
        }
        row(md, "Quarkus", build.getProperty("quarkus.version", "?"));
        Path stack = ctx.repo.resolve("deploy/local/stack.sh");
        row(md, "PostgreSQL / Kafka / Keycloak", firstMatch(stack, "PG_ARTIFACT_VERSION=(\\S+)") + " / "
                + firstMatch(stack, "KAFKA_VERSION=(\\S+)") + " / " + firstMatch(stack, "KEYCLOAK_VERSION=(\\S+)"));
        row(md, "taskset (pinning)", ctx.canPin() ? "available" : "not available or fewer than 2 CPUs: nothing pinned");
        String commit = Context.run(List.of("git", "-C", ctx.repo.toString(), "rev-parse", "--short", "HEAD"));
        String dirty = Context.run(List.of("git", "-C", ctx.repo.toString(), "status", "--porcelain", "--untracked-files=no"));
        row(md, "commit", commit.isEmpty() ? "?" : commit + (dirty.isEmpty() ? "" : " (with uncommitted changes)"));
        return md.toString();
    }

    /**
     * The machine's CPU time since boot from {@code /proc/stat}, in clock ticks: busy (user, nice, system, irq,
     * softirq, steal) and in all (idle and iowait too), over every CPU. Two readings say how busy the CPUs were
     * between them, whoever used them.
     */
    record CpuTicks(long busy, long total) {

        static CpuTicks now() {
            String[] f = firstMatch(Path.of("/proc/stat"), "^cpu\\s+(.+)$").split("\\s+");
            if (f.length < 8) {
                return new CpuTicks(0, 0);
            }
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Long.parseLong(f[i]);
            }
            long idle = v[3] + v[4];
            long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            return new CpuTicks(busy, busy + idle);
        }

        /** The share of the CPUs' time that was busy since {@code earlier}, 0 to 1. */
        double busyShareSince(CpuTicks earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? Double.NaN : (double) (busy - earlier.busy) / total;
        }

        /** CPU seconds used on the machine since {@code earlier}. */
        double busySecondsSince(CpuTicks earlier) {
            return (busy - earlier.busy) / ProcStat.CLOCK_TICKS;
        }
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "/")).append(" |\n");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstMatch(Path file, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(read(file));
        return m.find() ? m.group(1).trim() : "?";
    }
}
