package no.ks.led.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The horizon check with a fixed clock (issue 15, check 4). */
class HorizonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void noGatheringInTheNextTwelveMonthsWarns() {
        // one last year and one just beyond the horizon: neither counts
        Horizon horizon = Horizon.of(TODAY, List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 12, 3)), 2);
        assertEquals(0, horizon.gatherings());
        assertTrue(horizon.isThin());
        assertEquals(LocalDate.of(2027, 12, 3), horizon.to());
        // December 2026 to December 2027: both partial months are shown
        assertEquals(13, horizon.months().size());
        assertEquals(YearMonth.of(2026, 12), horizon.months().get(0).month());
    }

    @Test
    void aThinYearWarnsAndAPlannedYearDoesNot() {
        assertTrue(Horizon.of(TODAY, List.of(LocalDate.of(2027, 3, 1)), 2).isThin());
        Horizon planned = Horizon.of(TODAY, List.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 9, 15),
                LocalDate.of(2027, 9, 16)), 2);
        assertFalse(planned.isThin());
        assertEquals(3, planned.gatherings());
        assertEquals(2, planned.months().stream().filter(m -> m.month().equals(YearMonth.of(2027, 9))).findFirst()
                .orElseThrow().gatherings());
    }
}
