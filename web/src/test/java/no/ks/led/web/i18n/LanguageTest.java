package no.ks.led.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Which language a page takes before the person chooses, and how its numbers and days read. */
class LanguageTest {

    @Test
    void aDanishTenantsPagesAreDanishAndEveryOtherTenantsBokmal() {
        assertEquals(Language.DA, Language.defaultFor("da"));
        assertEquals(Language.NN, Language.defaultFor("nn"));
        assertEquals(Language.NB, Language.defaultFor("nb"));
        assertEquals(Language.NB, Language.defaultFor(null));
        assertEquals(Language.NB, Language.defaultFor("sv"));
    }

    @Test
    void numbersAndDaysAreWrittenAsEachLanguageWritesThem() {
        Messages messages = new Messages();
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        assertEquals("3,5", new Texts(messages, Language.NB, oslo).number(new BigDecimal("3.456")));
        assertEquals("3.5", new Texts(messages, Language.EN, oslo).number(new BigDecimal("3.456")));
        assertEquals("3. desember 2026", new Texts(messages, Language.NB, oslo).date(LocalDate.of(2026, 12, 3)));
        assertEquals("3. december 2026", new Texts(messages, Language.DA, oslo).date(LocalDate.of(2026, 12, 3)));
    }
}
