package no.ks.led.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One process as {@code /proc/<pid>/stat} describes it: its parent and process group, and the CPU time it and its
 * waited-for children used. The one place the bench reads that file.
 */
record ProcStat(long pid, long parent, long group, long utime, long stime, long childrenUtime, long childrenStime) {

    /** Clock ticks per second ({@code getconf CLK_TCK}), the unit of the CPU times here and in {@code /proc/stat}. */
    static final double CLOCK_TICKS = clockTicks();

    /** The process now, or empty if it has gone. */
    static Optional<ProcStat> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the fields after the command name, which may hold spaces and parentheses: field 3 of stat is f[0]
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(pid, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[11]),
                    Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** Every process now (none where there is no {@code /proc}). */
    static List<ProcStat> all() {
        List<ProcStat> all = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> of(Long.parseLong(name)).ifPresent(all::add));
        } catch (IOException e) {
            // no /proc
        }
        return all;
    }

    /** CPU time (user and system) the process itself used, in ms. */
    double cpuMillis() {
        return (utime + stime) * 1000.0 / CLOCK_TICKS;
    }

    /** CPU time its children used before they exited and were waited for, in ms. */
    double childrenCpuMillis() {
        return (childrenUtime + childrenStime) * 1000.0 / CLOCK_TICKS;
    }

    private static double clockTicks() {
        String ticks = Context.run(List.of("getconf", "CLK_TCK"));
        return ticks.matches("\\d+") ? Double.parseDouble(ticks) : 100;
    }
}
