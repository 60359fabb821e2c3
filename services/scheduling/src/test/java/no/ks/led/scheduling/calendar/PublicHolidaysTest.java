package no.ks.led.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Public holidays per country and year (issue 15, checks 1 and 2). */
class PublicHolidaysTest {

    @Test
    void norway2027HasTwelveHolidaysOnElevenDatesAnd17MayShowsBothNames() {
        List<PublicHolidays.Day> days = PublicHolidays.of("NO", 2027);
        assertEquals(11, days.size());
        assertEquals(12, days.stream().mapToInt(d -> d.names().size()).sum());
        PublicHolidays.Day may17 = days.stream().filter(d -> d.date().equals(LocalDate.of(2027, 5, 17))).findFirst().orElseThrow();
        assertEquals(2, may17.names().size());
        assertTrue(may17.keys().contains("CONSTITUTION_DAY"), may17.keys().toString());
        assertTrue(may17.keys().contains("christian.WHIT_MONDAY"), may17.keys().toString());
        assertEquals(1, days.stream().filter(d -> d.date().equals(LocalDate.of(2027, 5, 17))).count());
    }

    @Test
    void denmarkHasStoreBededagUntil2023AndNotFrom2024() {
        assertTrue(PublicHolidays.between("DK", LocalDate.of(2023, 5, 5), LocalDate.of(2023, 5, 5)).size() == 1);
        assertTrue(PublicHolidays.between("DK", LocalDate.of(2024, 4, 26), LocalDate.of(2024, 4, 26)).isEmpty());
        // and Norway never had it
        assertTrue(PublicHolidays.between("NO", LocalDate.of(2023, 5, 5), LocalDate.of(2023, 5, 5)).isEmpty());
    }

    @Test
    void theCountryFollowsTheTenantsZone() {
        assertEquals("DK", PublicHolidays.countryOf(ZoneId.of("Europe/Copenhagen")));
        assertEquals("NO", PublicHolidays.countryOf(ZoneId.of("Europe/Oslo")));
        // in Denmark 17 May 2027 is Whit Monday only
        assertEquals(List.of("christian.WHIT_MONDAY"), PublicHolidays.of("DK", 2027).stream()
                .filter(d -> d.date().equals(LocalDate.of(2027, 5, 17))).findFirst().orElseThrow().keys());
    }
}
