package no.ks.led.scheduling.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import no.ks.led.scheduling.repository.EvaluationRepository.Answer;
import org.junit.jupiter.api.Test;

/** The evaluation's summary: nothing but the count below k; means and spreads from k; free text only when asked. */
class EvaluationsTest {

    private static final List<Answer> FIVE = List.of(new Answer(5, 4, "Godt"), new Answer(4, 4, null),
            new Answer(4, 3, "Kort"), new Answer(3, 5, null), new Answer(5, 5, null));

    @Test
    void belowTheMinimumOnlyTheCountIsShown() {
        Evaluations.Summary summary = Evaluations.summarise(FIVE.subList(0, 4), 5, true);
        assertFalse(summary.shown());
        assertEquals(4, summary.answers());
        assertNull(summary.usefulness());
        assertTrue(summary.comments().isEmpty());
    }

    @Test
    void fromTheMinimumMeansSpreadsAndForTheCoordinatorTheFreeText() {
        Evaluations.Summary summary = Evaluations.summarise(FIVE, 5, true);
        assertTrue(summary.shown());
        assertEquals(new BigDecimal("4.2"), summary.usefulness().mean());
        assertEquals(List.of(0, 0, 1, 2, 2), summary.usefulness().counts());
        assertEquals(new BigDecimal("4.2"), summary.relevance().mean());
        assertEquals(List.of(0, 0, 1, 2, 2), summary.relevance().counts());
        assertEquals(List.of("Godt", "Kort"), summary.comments());
        assertTrue(Evaluations.summarise(FIVE, 5, false).comments().isEmpty());
    }
}
