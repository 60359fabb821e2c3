package no.ks.led.scheduling.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether gatherings are planned a year ahead (seed 000: dates at least one year ahead): the next twelve months
 * from today, month by month, and a warning when they hold fewer gatherings than the minimum.
 */
public record Horizon(LocalDate from, LocalDate to, int gatherings, int minimum, List<Month> months) {

    /** A month of the horizon and how many gatherings start in it. */
    public record Month(YearMonth month, int gatherings) {
    }

    /** The horizon from {@code today} given the days gatherings start on (others are ignored). */
    public static Horizon of(LocalDate today, List<LocalDate> gatheringDays, int minimum) {
        LocalDate to = today.plusMonths(12);
        List<Month> months = new ArrayList<>();
        int total = 0;
        for (YearMonth month = YearMonth.from(today); !month.isAfter(YearMonth.from(to.minusDays(1))); month = month.plusMonths(1)) {
            YearMonth m = month;
            int count = (int) gatheringDays.stream()
                    .filter(d -> !d.isBefore(today) && d.isBefore(to) && YearMonth.from(d).equals(m)).count();
            months.add(new Month(month, count));
            total += count;
        }
        return new Horizon(today, to, total, minimum, List.copyOf(months));
    }

    /** The next twelve months are empty or thin: fewer gatherings than the minimum. */
    public boolean isThin() {
        return gatherings < minimum;
    }
}
