package no.ks.led.organisations.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.organisations.LeaderLevel;
import org.junit.jupiter.api.Test;

/** The roster file on its own: encoding, CSV dialects, columns and the rules of each row. */
class RosterTest {

    static final String HEADER = "skole;skolens organisasjonsnummer;skoleslag;ledergruppe;navn;e-post;rolle\n";

    static Roster read(String text) {
        return Roster.read(text.getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS);
    }

    @Test
    void readsASpreadsheetExportWithBomCrlfQuotesAndAnUnknownColumn() {
        Roster roster = Roster.read(resource("excel-utf8-bom.csv"), Roster.MAX_ROWS);

        assertEquals(2, roster.rows(), "the blank ;;; row is not a row");
        assertEquals(List.of(), roster.errors());
        assertEquals(List.of(new RosterError(1, "Merknad", "unknown column, ignored")), roster.warnings());
        Roster.Entry principal = roster.entries().get(0);
        assertEquals(2, principal.row());
        assertEquals("Fjordvik skole", principal.school().name(), "the BOM is not part of the first header");
        assertEquals("974123452", principal.school().number(), "spaces in the number are removed");
        assertEquals("fatima.strand@example.org", principal.email());
        assertEquals(TenantRole.PRINCIPAL, principal.role());
        Roster.Entry leader = roster.entries().get(1);
        assertEquals("Berg; Finn", leader.personName(), "a quoted field keeps its separator");
        assertEquals(TenantRole.SCHOOL_LEADER, leader.role(), "inspektør is a school leader");
        assertEquals(principal.school(), leader.school(), "one school, named on two rows");
        assertTrue(leader.school().hasLeadershipTeam());
    }

    @Test
    void detectsTheCommaFromTheHeaderAndReadsQuotedCommasQuotesAndLineBreaks() {
        Roster roster = read("""
                School,School_Org_Number,School_Kind,Leadership_Team,Name,Email,Role\r
                "Nordhei videregående skole, avd. Sør",975123456,videregående,no,"Ola ""Bestemor"" Nordmann",ola@example.org,principal\r
                "Nordhei videregående skole, avd. Sør",975123456,videregaende,NO,"Kari
                Nordmann",kari@example.org,school-leader""");

        assertEquals(List.of(), roster.errors());
        assertEquals(2, roster.entries().size());
        assertEquals("Nordhei videregående skole, avd. Sør", roster.entries().get(0).school().name());
        assertEquals("videregaende", roster.entries().get(0).school().kind());
        assertFalse(roster.entries().get(0).school().hasLeadershipTeam());
        assertEquals("Ola \"Bestemor\" Nordmann", roster.entries().get(0).personName());
        assertEquals("Kari\nNordmann", roster.entries().get(1).personName());
        assertEquals(3, roster.entries().get(1).row());
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseWithLfOrCrLineEnds() {
        Roster lf = read("ROLLE;E-POST;Navn;Ledergruppe;Skoleslag;Skolens Organisasjonsnummer;Skole\n"
                + "rektor;a@example.org;A;nei;grunnskole;974123452;Fjordvik skole\n");
        Roster cr = read("ROLLE;E-POST;Navn;Ledergruppe;Skoleslag;Skolens Organisasjonsnummer;Skole\r"
                + "rektor;a@example.org;A;nei;grunnskole;974123452;Fjordvik skole\r");
        assertEquals(List.of(), lf.errors());
        assertEquals(lf.entries(), cr.entries());
        assertEquals("Fjordvik skole", lf.entries().get(0).school().name());
    }

    @Test
    void windows1252BytesAreRefusedWithTheLineAndHowToSaveAsUtf8() {
        UnreadableRoster e = assertThrows(UnreadableRoster.class,
                () -> Roster.read(resource("excel-windows-1252.csv"), Roster.MAX_ROWS));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("0xF8 on line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("CSV UTF-8"), e.getMessage());
        assertFalse(e.tooLarge());
        assertEquals(2, e.errors().get(0).row());

        byte[] latin1 = (HEADER + "Fjordvik skole;974123452;grunnskole;ja;Åse;ase@example.org;rektor\n")
                .getBytes(Charset.forName("windows-1252"));
        assertThrows(UnreadableRoster.class, () -> Roster.read(latin1, Roster.MAX_ROWS));
    }

    @Test
    void utf16IsRefusedToo() {
        byte[] utf16 = HEADER.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        UnreadableRoster e = assertThrows(UnreadableRoster.class, () -> Roster.read(withBom, Roster.MAX_ROWS));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void missingColumnsAreNamed() {
        UnreadableRoster e = assertThrows(UnreadableRoster.class,
                () -> read("skole;skoleslag;navn;rolle;telefon\nFjordvik skole;grunnskole;A;rektor;123\n"));
        assertTrue(e.getMessage().contains("skolens organisasjonsnummer/school_org_number"), e.getMessage());
        assertTrue(e.getMessage().contains("ledergruppe/leadership_team"), e.getMessage());
        assertTrue(e.getMessage().contains("e-post/email"), e.getMessage());
        assertTrue(e.getMessage().startsWith("The header lacks the columns skolens organisasjonsnummer/school_org_number, "
                + "ledergruppe/leadership_team, e-post/email."), e.getMessage());
        assertEquals(List.of("skolens organisasjonsnummer/school_org_number", "ledergruppe/leadership_team", "e-post/email"),
                e.errors().stream().map(RosterError::column).toList());
    }

    @Test
    void aDanishOwnersFileIsReadByDenmarksRules() {
        byte[] file = ("skole;institutionsnummer;skoleform;ledergruppe;navn;e-mail;rolle\n"
                + "Norddal Skole;899 101;Folkeskole;nej;Sofie Bech;sofie@example.dk;skoleleder\n"
                + "Højby Skole;8991020;folkeskole;ja;Lars Holm;lars@example.dk;skoledistriktsleder\n"
                + "Højby Skole;899102;grunnskole;ja;Lars Holm;lars@example.dk;skoledistriktsleder\n")
                .getBytes(StandardCharsets.UTF_8);
        Roster roster = Roster.read(file, Roster.MAX_ROWS, Country.DK);
        assertEquals(Country.DK, roster.country());
        assertEquals(1, roster.entries().size());
        Roster.Entry entry = roster.entries().get(0);
        assertEquals("899101", entry.school().number(), "spaces in the number are removed");
        assertEquals("folkeskole", entry.school().kind());
        assertFalse(entry.school().hasLeadershipTeam());
        assertEquals(TenantRole.PRINCIPAL, entry.role());
        assertEquals(List.of("institutionsnummer", "skoleform"), roster.errors().stream().map(RosterError::column).toList());
        assertTrue(roster.errors().get(0).message().contains("not a valid institution number: six digits"),
                roster.errors().get(0).message());

        UnreadableRoster missing = assertThrows(UnreadableRoster.class, () -> Roster.read(
                "skole;skoleform;ledergruppe;navn;e-mail;rolle\nA;folkeskole;ja;B;b@example.dk;skoleleder\n"
                        .getBytes(StandardCharsets.UTF_8), Roster.MAX_ROWS, Country.DK));
        assertTrue(missing.getMessage().startsWith("The header lacks the column institutionsnummer/institution_number."),
                missing.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        UnreadableRoster e = assertThrows(UnreadableRoster.class,
                () -> read("skole;school;skolens organisasjonsnummer;skoleslag;ledergruppe;navn;e-post;rolle\n"));
        assertEquals("school", e.errors().get(0).column());
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRefused() {
        assertTrue(assertThrows(UnreadableRoster.class, () -> Roster.read(new byte[0], Roster.MAX_ROWS))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(UnreadableRoster.class, () -> read("\ufeff \r\n\r\n")).getMessage().contains("empty"));
        assertTrue(assertThrows(UnreadableRoster.class, () -> read(HEADER + ";;;;;;\n")).getMessage().contains("no rows"));
    }

    @Test
    void anUnclosedQuoteIsRefusedWithItsRow() {
        UnreadableRoster e = assertThrows(UnreadableRoster.class,
                () -> read(HEADER + "Fjordvik skole;974123452;grunnskole;ja;\"A;a@example.org;rektor\n"));
        assertEquals(2, e.errors().get(0).row());
    }

    @Test
    void tenThousandRowsAreReadAndOneMoreIsRefusedBeforeTheRestIsRead() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < Roster.MAX_ROWS; i++) {
            text.append("Skole ").append(i / 10).append(';').append(orgNumber(i / 10)).append(";grunnskole;ja;Leder ")
                    .append(i).append(";leder").append(i).append("@example.org;").append(i % 10 == 0 ? "rektor" : "avdelingsleder")
                    .append("\r\n");
        }
        long started = System.nanoTime();
        Roster roster = read(text.toString());
        System.out.printf("Read and checked %,d roster rows in %d ms%n", roster.rows(), (System.nanoTime() - started) / 1_000_000);
        assertEquals(Roster.MAX_ROWS, roster.rows());
        assertEquals(List.of(), roster.errors());
        assertEquals(Roster.MAX_ROWS, roster.entries().size());

        text.append("Skole x;974123452;grunnskole;ja;En for mye;en@example.org;rektor\r\n");
        text.append("and then what was never read: \"unclosed");
        UnreadableRoster e = assertThrows(UnreadableRoster.class, () -> read(text.toString()));
        assertTrue(e.getMessage().contains("more than 10,000 rows"), e.getMessage());
        assertEquals(10_002, e.errors().get(0).row());
    }

    @Test
    void everyFieldIsCheckedAndEachErrorNamesRowAndColumn() {
        Roster roster = read(HEADER
                + "Fjordvik skole;974123452;grunnskole;ja;Ok;ok@example.org;rektor\n"
                + ";974123453;universitet;kanskje;;not-an-email;kokk\n"
                + "Fjordvik skole;974123452;grunnskole;ja;B;b@example;Rektor\n");

        assertEquals(3, roster.rows());
        assertEquals(1, roster.entries().size());
        List<RosterError> row3 = roster.errors().stream().filter(e -> e.row() == 3).toList();
        assertEquals(List.of("skole", "skolens organisasjonsnummer", "skoleslag", "ledergruppe", "navn", "e-post", "rolle"),
                row3.stream().map(RosterError::column).toList());
        assertTrue(row3.get(1).message().contains("974123453"));
        assertTrue(row3.get(6).message().contains("rektor, skoleleder, avdelingsleder, inspektør, principal or school-leader"),
                row3.get(6).message());
        assertEquals(List.of(new RosterError(4, "e-post", "\"b@example\" is not a valid e-mail address")),
                roster.errors().stream().filter(e -> e.row() == 4).toList());
    }

    @Test
    void rowsMustAgreeWithEachOther() {
        Roster roster = read(HEADER
                + "Fjordvik skole;974123452;grunnskole;ja;A;a@example.org;rektor\n"
                + "Fjordvik skole;974123452;grunnskole;ja;A;A@Example.org;rektor\n"
                + "Fjordvik skole;974123452;grunnskole;ja;A;a@example.org;skoleleder\n"
                + "Fjordheim skole;974123452;grunnskole;ja;C;c@example.org;skoleleder\n"
                + "fjordvik  skole;974123452;videregående;ja;D;d@example.org;skoleleder\n"
                + "Fjordvik skole;974123452;grunnskole;nei;E;e@example.org;skoleleder\n"
                + "Fjordvik skole;974123452;grunnskole;ja;Anne;a@example.org;avdelingsleder\n");

        assertEquals(List.of(2, 4), roster.entries().stream().map(Roster.Entry::row).toList());
        assertEquals(List.of(3, 5, 6, 7, 8), roster.errors().stream().map(RosterError::row).toList());
        assertTrue(roster.errors().get(0).message().contains("duplicate of row 2"));
        assertEquals("skolens organisasjonsnummer", roster.errors().get(1).column());
        assertTrue(roster.errors().get(1).message().contains("\"Fjordvik skole\" on row 2 and for \"Fjordheim skole\""),
                roster.errors().get(1).message());
        assertEquals("skoleslag", roster.errors().get(2).column());
        assertEquals("ledergruppe", roster.errors().get(3).column());
        assertTrue(roster.errors().get(4).message().contains("belongs to \"A\" on row 2"), roster.errors().get(4).message());
    }

    @Test
    void norwegianAndEnglishRoleNamesMapToThePlatformRoles() {
        assertEquals(TenantRole.PRINCIPAL, Roster.role("Rektor"));
        assertEquals(TenantRole.PRINCIPAL, Roster.role("principal"));
        for (String leader : List.of("skoleleder", "Avdelingsleder", "INSPEKTØR", "school-leader", "school leader")) {
            assertEquals(TenantRole.SCHOOL_LEADER, Roster.role(leader), leader);
        }
        assertEquals(null, Roster.role("coordinator"), "a roster carries school leaders only");
    }

    @Test
    void titlesMapByTheTenantsCountryAndADanishSkolelederHeadsTheSchool() {
        assertEquals(TenantRole.SCHOOL_LEADER, Roster.role("skoleleder", Country.NO), "a Norwegian skoleleder is any school leader");
        assertEquals(TenantRole.PRINCIPAL, Roster.role("Skoleleder", Country.DK), "a Danish skoleleder heads the school");
        assertEquals(TenantRole.PRINCIPAL, Roster.role("skoledistriktsleder", Country.DK));
        assertEquals(TenantRole.SCHOOL_LEADER, Roster.role(" afdelingsleder ", Country.DK));
        assertEquals(null, Roster.role("rektor", Country.DK), "rektor is not a Danish school leader's title");
        assertEquals(null, Roster.role("skoledistriktsleder", Country.NO));
        assertEquals(null, Roster.role("skolechef", Country.DK), "a roster carries school leaders only");
    }

    @Test
    void theFivesDanishLeaderLevelsHoldThePlatformsRoles() {
        assertEquals(TenantRole.OWNER_EXECUTIVE, LeaderLevel.fromTitle("Skolechef").orElseThrow().role());
        assertEquals(TenantRole.COORDINATOR, LeaderLevel.fromTitle("kommunal  konsulent").orElseThrow().role());
        assertEquals(TenantRole.PRINCIPAL, LeaderLevel.fromTitle("skoledistriktsleder").orElseThrow().role());
        assertEquals(TenantRole.PRINCIPAL, LeaderLevel.fromTitle("skoleleder").orElseThrow().role());
        assertEquals(TenantRole.SCHOOL_LEADER, LeaderLevel.fromTitle("afdelingsleder").orElseThrow().role());
        assertTrue(LeaderLevel.fromTitle("rektor").isEmpty());
    }

    @Test
    void eachRowKeepsTheTitleItWasGivenBesideItsRole() {
        String csv = HEADER
                + "Nordby skole;" + orgNumber(1) + ";grunnskole;ja;Ida Li;ida@example.org;Inspektør\n"
                + "Nordby skole;" + orgNumber(1) + ";grunnskole;ja;Ole Li;ole@example.org;avdelingsleder\n";
        Roster roster = Roster.read(csv.getBytes(StandardCharsets.UTF_8), 10);
        assertEquals(List.of(), roster.errors());
        assertEquals(List.of("Inspektør", "avdelingsleder"), roster.entries().stream().map(Roster.Entry::title).toList());
        assertEquals(List.of(TenantRole.SCHOOL_LEADER, TenantRole.SCHOOL_LEADER),
                roster.entries().stream().map(Roster.Entry::role).toList());
    }

    static String orgNumber(int seed) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        for (int prefix = 80_000_000 + seed * 13; ; prefix++) {
            String first8 = Integer.toString(prefix);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (first8.charAt(i) - '0') * weights[i];
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return first8 + (check == 11 ? 0 : check);
            }
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = RosterTest.class.getResourceAsStream("/roster/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
