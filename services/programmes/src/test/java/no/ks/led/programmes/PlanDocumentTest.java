package no.ks.led.programmes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.programmes.export.PlanDocument;
import no.ks.led.programmes.service.PlanReading;
import no.ks.led.programmes.service.PlanReading.LocalPlan;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The Word document in a Danish tenant's language, and who sees what is about a school: no database needed. */
class PlanDocumentTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void aDanishTenantsPlanHasDanishHeadingsAndTables() throws Exception {
        LocalDate today = LocalDate.now(COPENHAGEN);
        LocalPlan plan = new LocalPlan(UUID.randomUUID(), "Ledere af ledere 2.0", "da", "ledere-af-ledere-2", 1, 1,
                List.of(new PlanReading.ChecklistStep("kick-off", "Afhold kick off-workshop", null, true, "p", Instant.now())),
                List.of(phase(Phase.HVOR_ER_VI, "Hvor er vi?"), phase(Phase.HVOR_VIL_VI, "Hvor vil vi hen?"),
                        new PlanReading.PhaseView(Phase.HVORDAN_KOMMER_VI_DIT, "Hvordan kommer vi derhen?", null, false, null, null,
                                List.of(new PlanReading.EntryView(UUID.randomUUID(), EntryKind.GOAL, null, "Fælles visioner", Instant.now())))),
                List.of(new PlanReading.MeasureView(UUID.randomUUID(), "Netværksmøde efter seminaret", "Skolechef",
                        today.plusWeeks(5), null)),
                List.of(new PlanReading.TrackView("ledere-af-ledere", "Ledere af ledere", null, List.of("Mål 1"), List.of())),
                List.of(new PlanReading.ActivityView(UUID.randomUUID(), ActivityKind.SEMINAR, "Seminar 1 | Udvikling af PLF",
                        today.plusMonths(2), today.plusMonths(2).plusDays(1), "Aalborg"),
                        new PlanReading.ActivityView(UUID.randomUUID(), ActivityKind.WORKSHOP, "Workshop 2 | Afslutning",
                                today.plusYears(2), today.plusYears(2), null)),
                List.of());
        byte[] docx = PlanDocument.write(plan, "Sønderby Kommune", "da", COPENHAGEN);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> headings = document.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).collect(Collectors.toList());
            assertEquals(List.of("Hvor er vi?", "Hvor vil vi hen?", "Hvordan kommer vi derhen?"), headings.subList(0, 3));
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Lokal plan for lederudvikling"), text);
            assertTrue(text.contains("Sønderby Kommune"), text);
            assertTrue(text.contains("Fælles visioner"), text);
            assertEquals(List.of("Indsats", "Ansvarlig", "Frist"),
                    document.getTables().get(0).getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            // the year's activities: the seminar in two months, not the closing workshop in two years
            String activities = document.getTables().get(1).getText();
            assertTrue(activities.contains("Seminar 1 | Udvikling af PLF"), activities);
            assertFalse(activities.contains("Afslutning"), activities);
        }
    }

    @Test
    void whatIsAboutASchoolIsSeenOnlyByRolesThatCoverIt() {
        UUID school = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Grant consultantAtOneSchool = new Grant("fjordvik", UUID.randomUUID(),
                Map.of(TenantRole.CONSULTANT, new Grant.Scope(false, Set.of(school))));
        Grant coordinator = new Grant("fjordvik", UUID.randomUUID(), Map.of(TenantRole.COORDINATOR, new Grant.Scope(true, Set.of())));
        assertTrue(PlanReading.visibleTo(consultantAtOneSchool).test(school));
        assertTrue(PlanReading.visibleTo(consultantAtOneSchool).test(null));
        assertFalse(PlanReading.visibleTo(consultantAtOneSchool).test(other));
        assertTrue(PlanReading.visibleTo(coordinator).test(other));
    }

    @Test
    void aNewerTemplateVersionsDifferencesNameWhatItAddsAndDrops() {
        Framework v1 = new Framework(null, null, null, List.of(new Framework.Item("a", "Modul A", null)), true, null, null, null, null, null);
        Framework v2 = new Framework(null, null, null, List.of(new Framework.Item("b", "Modul B", null)), true, null,
                List.of("rektor"), null, null, null);
        var differences = v1.differencesTo(v2);
        assertEquals(Set.of("modules", "leaderLevels"), differences.keySet());
        assertEquals(List.of("Modul B"), differences.get("modules").added());
        assertEquals(List.of("Modul A"), differences.get("modules").removed());
        Framework taken = v1.withPartsFrom(v2, List.of("modules"));
        assertEquals(v2.modules(), taken.modules());
        assertEquals(List.of(), taken.leaderLevels());
    }

    private static PlanReading.PhaseView phase(Phase phase, String question) {
        return new PlanReading.PhaseView(phase, question, null, false, null, null, List.of());
    }
}
