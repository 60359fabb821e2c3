package no.ks.led.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `helm lint --strict` (which also validates values.schema.json) for each shipped value set. */
class ChartLintTests {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void lintsStrictlyWithoutWarnings(ValueSet valueSet, @TempDir Path work) {
        Path chart = HelmChart.copyWithValues(valueSet, work.resolve("led-platform"));

        LintResult result = new Helm(chart).lint().strict().call();

        List<String> problems = result.getMessages().stream()
                .filter(message -> message.contains("[WARNING]") || message.contains("[ERROR]"))
                .toList();
        assertFalse(result.isFailed(), () -> "lint failed: " + result.getMessages());
        assertTrue(problems.isEmpty(), () -> "lint reported: " + problems);
    }
}
