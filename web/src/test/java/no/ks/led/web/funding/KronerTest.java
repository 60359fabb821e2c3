package no.ks.led.web.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;
import no.ks.led.web.api.FundingApplication;
import no.ks.led.web.api.NewClaim;
import no.ks.led.web.api.RefundLine;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.i18n.Texts;
import org.junit.jupiter.api.Test;

/** Amounts on the funding pages: øre shown as kroner per language, kroner typed read back as øre, the claim form's rows. */
class KronerTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void oreAreShownAsKronerTheWayEachLanguageWritesNumbers() {
        Messages messages = new Messages();
        assertEquals("45\u00a0000 kr", Kroner.kroner(new Texts(messages, Language.NB, OSLO), 4_500_000L));
        assertEquals("45,000 kr", Kroner.kroner(new Texts(messages, Language.EN, OSLO), 4_500_000L));
        assertEquals("45.000,50 kr.", Kroner.kroner(new Texts(messages, Language.DA, OSLO), 4_500_050L));
        assertEquals("", Kroner.kroner(new Texts(messages, Language.NB, OSLO), null));
    }

    @Test
    void kronerTypedInAnyCommonWayAreReadAsOre() {
        assertEquals(4_500_000L, Kroner.parse("45000"));
        assertEquals(4_500_000L, Kroner.parse("45 000"));
        assertEquals(4_500_000L, Kroner.parse("45\u00a0000 kr"));
        assertEquals(4_500_000L, Kroner.parse("45.000"));
        assertEquals(4_500_050L, Kroner.parse("45 000,50"));
        assertEquals(1_250L, Kroner.parse("12.50"));
        assertEquals(0L, Kroner.parse("0"));
        assertNull(Kroner.parse("  "));
        for (String wrong : List.of("-5", "12,345", "tolv", "1e5", "12,3,4", "99999999999")) {
            assertThrows(IllegalArgumentException.class, () -> Kroner.parse(wrong), wrong);
        }
        assertEquals("45000", Kroner.field(4_500_000L));
        assertEquals("45000,50", Kroner.field(4_500_050L));
    }

    @Test
    void theClaimFormIsFilledFromTheApplicationsLinesAndReadBackAsDays() {
        LocalDate day = LocalDate.of(2027, 9, 15);
        FundingApplication application = new FundingApplication(null, "Samling", "approved", "ou-2024", 1, List.of(), 1,
                0, 0, List.of(new RefundLine("speaker", day, "Kari", 2_000_000, 1_800_000, 0, "fee-cap", ""),
                        new RefundLine("travel", day, "Kari", 400_000, 400_000, 0, "travel", ""),
                        new RefundLine("share", null, null, 2_200_000, 2_200_000, 1_540_000, "share", "")),
                null, "21/12345", 1_540_000L, null, null, null);
        List<ClaimPages.CostRow> rows = ClaimPages.rows(application);
        assertEquals(List.of(new ClaimPages.CostRow(0, "2027-09-15", "Kari", "20000", "4000")), rows);

        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("rows", "2");
        form.putSingle("date-0", "2027-09-15");
        form.putSingle("name-0", "Kari");
        form.putSingle("fee-0", "19 500");
        form.putSingle("travel-0", "");
        form.putSingle("date-1", "2027-09-15");
        form.putSingle("name-1", "Ola");
        form.putSingle("fee-1", "mye");
        List<String> invalid = new ArrayList<>();
        List<NewClaim.Day> days = ClaimPages.days(form, invalid);
        assertEquals(List.of(new NewClaim.Day(day, List.of(new NewClaim.Speaker("Kari", 1_950_000, 0)))), days);
        assertTrue(invalid.contains("days.speakers.feeOre"), invalid.toString());
    }
}
