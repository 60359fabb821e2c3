package no.ks.led.scheduling.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays per country and year (jollyday): Norway, and Denmark (where Store bededag is a holiday until
 * 2023 and not from 2024). A date with two holidays (17 May 2027: Constitution Day and Whit Monday) is one day
 * with both names.
 */
public final class PublicHolidays {

    /** A day off, with the name of every holiday on it. */
    public record Day(LocalDate date, List<String> keys, List<String> names) {
    }

    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    private PublicHolidays() {
    }

    /** The country whose holidays apply in a tenant's zone: Denmark for Europe/Copenhagen, else Norway. */
    public static String countryOf(ZoneId zone) {
        return zone.getId().equals("Europe/Copenhagen") ? "DK" : "NO";
    }

    /** The country's public holidays in the year, one entry per date, earliest first. */
    public static List<Day> of(String country, int year) {
        return between(country, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The country's public holidays from {@code from} to {@code to}, both included, one entry per date. */
    public static List<Day> between(String country, LocalDate from, LocalDate to) {
        HolidayManager manager = MANAGERS.computeIfAbsent(country, c -> HolidayManager.getInstance(
                ManagerParameters.create("DK".equals(c) ? HolidayCalendar.DENMARK : HolidayCalendar.NORWAY)));
        TreeMap<LocalDate, List<Holiday>> byDate = new TreeMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Holiday holiday : manager.getHolidays(Year.of(year))) {
                if (holiday.getType() == HolidayType.PUBLIC_HOLIDAY && !holiday.getDate().isBefore(from)
                        && !holiday.getDate().isAfter(to)) {
                    byDate.computeIfAbsent(holiday.getDate(), d -> new ArrayList<>()).add(holiday);
                }
            }
        }
        return byDate.entrySet().stream().map(e -> {
            List<Holiday> holidays = e.getValue().stream().sorted(Comparator.comparing(Holiday::getPropertiesKey)).toList();
            return new Day(e.getKey(), holidays.stream().map(Holiday::getPropertiesKey).toList(),
                    holidays.stream().map(h -> h.getDescription(Locale.ENGLISH)).toList());
        }).toList();
    }
}
