package no.ks.led.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks' smoke mode, in make test: parts 5, 1, 2, 3 and 4 with tiny sizes against the local stack
 * (LED_* variables) and the packaged applications. Fails only if a benchmark cannot run; it asserts
 * nothing about speed. Part 6 (make run) is left out: it would start a second stack inside make test.
 */
class BenchSmokeIT {

    @Test
    void everyBenchmarkRuns() throws Exception {
        Path repo = Bench.repositoryRoot();
        Path work = repo.resolve("bench/harness/target/smoke");
        boolean ok = Bench.run(true, repo, work,
                List.of(Footprint.PART, GatewayOverhead.PART, EventLatency.PART, SurveyIngest.PART, Aggregation.PART),
                work.resolve("smoke-results.md"));
        assertTrue(ok, "a benchmark could not run; see " + work.resolve("smoke-results.md") + " and the output above");
    }
}
