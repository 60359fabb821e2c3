package no.ks.led.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The arithmetic of part 4: the generated shapes and the slope of log time against log size. */
class AggregationTest {

    @Test
    void theFullSizeIsTheIssuesNationalRound() {
        SurveyData.Shape full = SurveyData.Shape.of(900_000);
        assertEquals(372, full.owners());
        assertEquals(3_000, full.schools());
        assertEquals(15_000, full.respondents());
        assertEquals(60, full.items());
        assertEquals(900_000, full.answers());
    }

    @Test
    void smallerSizesAreTheSameCountryScaledDown() {
        SurveyData.Shape tenth = SurveyData.Shape.of(100_000);
        assertEquals(41, tenth.owners());
        assertEquals(333, tenth.schools());
        assertEquals(1_667, tenth.respondents());
        SurveyData.Shape tiny = SurveyData.Shape.of(1_200);
        assertTrue(tiny.owners() >= 2 && tiny.schools() > tiny.owners() && tiny.respondents() >= tiny.schools());
    }

    @Test
    void slopeIsOneForLinearZeroForConstantTimes() {
        double[] sizes = {10_000, 100_000, 900_000};
        assertEquals(1.0, Aggregation.logSlope(sizes, new double[] {1, 10, 90}), 1e-9);
        assertEquals(0.0, Aggregation.logSlope(sizes, new double[] {5, 5, 5}), 1e-9);
        assertEquals(0.5, Aggregation.logSlope(new double[] {1, 4, 16}, new double[] {1, 2, 4}), 1e-9);
    }
}
