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
