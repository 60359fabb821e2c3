package no.ks.led.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark harness. {@code make bench} (bench/run.sh) runs it twice: first the make-run timing
 * (part 6, which starts its own stack), then, inside deploy/local/with-stack.sh, parts 1 to 5,
 * and writes bench/results/&lt;date&gt;.md. The smoke mode (BenchSmokeIT, in make test) runs parts
 * 5, 1, 2, 3 and 4 with tiny sizes and fails only if one of them cannot run.
 *
 * <pre>
 * Bench --mode full|smoke --parts whole-stack,gateway,events,survey-ingest,aggregation,footprint --work DIR [--report FILE]
 * </pre>
 */
public final class Bench {

    /** Report order: the numbering. */
    static final List<String> ORDER = List.of(GatewayOverhead.PART, EventLatency.PART, SurveyIngest.PART, Aggregation.PART,
            Footprint.PART, WholeStack.PART, WebPages.PART);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "full";
        List<String> parts = List.of(GatewayOverhead.PART, EventLatency.PART, SurveyIngest.PART, Aggregation.PART, Footprint.PART);
        Path work = Path.of("bench/target/bench-work");
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--parts" -> parts = Arrays.stream(args[++i].split(",")).filter(p -> !p.isBlank() && !p.equals("none")).toList();
                case "--work" -> work = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: Bench --mode full|smoke --parts " + String.join(",", ORDER)
                            + " --work DIR [--report FILE]");
                    System.exit(2);
                }
            }
        }
        boolean ok = run(mode.equals("smoke"), repositoryRoot(), work.toAbsolutePath(), parts, report);
        System.exit(ok ? 0 : 1);
    }

    /** Runs the parts; false if one could not run (then its section says why). Writes the report if asked. */
    public static boolean run(boolean smoke, Path repo, Path work, List<String> parts, Path report) throws Exception {
        boolean ok = true;
        try (Context ctx = new Context(smoke, repo, work)) {
            Path machine = work.resolve("machine.md");
            if (!Files.exists(machine)) {
                Files.writeString(machine, Machine.describe(ctx), StandardCharsets.UTF_8);
            }
            for (String part : parts) {
                long t0 = System.nanoTime();
                Log.say("%s: starting (%s mode)", part, smoke ? "smoke" : "full");
                Section section;
                try {
                    section = switch (part) {
                        case GatewayOverhead.PART -> GatewayOverhead.run(ctx);
                        case EventLatency.PART -> EventLatency.run(ctx);
                        case SurveyIngest.PART -> SurveyIngest.run(ctx);
                        case Aggregation.PART -> Aggregation.run(ctx);
                        case Footprint.PART -> Footprint.run(ctx);
                        case WholeStack.PART -> WholeStack.run(ctx);
                        case WebPages.PART -> WebPages.run(ctx);
                        default -> throw new IllegalArgumentException("unknown part " + part + "; parts: " + ORDER);
                    };
                } catch (Exception | AssertionError e) {
                    Log.say("%s: could not run: %s", part, e);
                    e.printStackTrace(System.out);
                    section = Section.failed(part, part, e);
                    ok = false;
                }
                String took = String.format(Locale.ROOT, "%n_Part took %.0f s._%n", (System.nanoTime() - t0) / 1e9);
                section = new Section(section.part(), section.markdown() + took, section.rows());
                section.save(work);
                Log.say("%s: done in %.0f s", part, (System.nanoTime() - t0) / 1e9);
            }
        }
        if (report != null) {
            writeReport(smoke, work, report);
            Log.say("results written to %s", report);
        }
        return ok;
    }

    static void writeReport(boolean smoke, Path work, Path report) throws Exception {
        StringBuilder md = new StringBuilder();
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        md.append("# Led platform benchmarks, ").append(now).append(smoke ? " (smoke mode: sizes too small to mean anything)" : "")
                .append("\n\nWritten by `make bench` (bench/run.sh). Every figure is the median of several runs, next to a "
                        + "reference measured in the same run. Method and meaning: docs/performance.md.\n\n");
        String started = System.getenv("LED_BENCH_STARTED");
        if (started != null && started.matches("\\d+")) {
            long seconds = System.currentTimeMillis() / 1000 - Long.parseLong(started);
            md.append(String.format(Locale.ROOT, "`make bench` took %d min %02d s (build check, stacks and all parts).%n%n",
                    seconds / 60, seconds % 60));
        }
        md.append("## Machine and versions\n\n");
        Path machine = work.resolve("machine.md");
        md.append(Files.exists(machine) ? Files.readString(machine) : "(not recorded)\n");
        md.append("\n## Summary\n\n| figure | goal | measured (median) | reference, same run | ratio | goal met |\n"
                + "|---|---|---|---|---|---|\n");
        List<Section> sections = new ArrayList<>();
        for (String part : ORDER) {
            Section section = Section.load(work, part);
            if (section != null) {
                sections.add(section);
                for (Section.Row row : section.rows()) {
                    md.append("| ").append(String.join(" | ", row.figure(), row.goal(), row.measured(), row.reference(),
                            row.ratio(), row.verdict())).append(" |\n");
                }
            }
        }
        md.append('\n');
        for (Section section : sections) {
            md.append(section.markdown()).append('\n');
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
    }

    /** The repository root: led.repository.root, or the nearest directory up from here with deploy/local/stack.sh. */
    static Path repositoryRoot() {
        String configured = System.getProperty("led.repository.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/stack.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository, or set -Dled.repository.root");
        }
        return dir;
    }
}
