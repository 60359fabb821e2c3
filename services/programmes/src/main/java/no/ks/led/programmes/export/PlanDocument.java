package no.ks.led.programmes.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import no.ks.led.programmes.EntryKind;
import no.ks.led.programmes.Phase;
import no.ks.led.programmes.service.PlanReading.LocalPlan;
import no.ks.led.programmes.service.PlanReading.PhaseView;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes a local plan as a Word document (.docx, Apache POI), shaped like KS's example local plan: a title
 * page, the three questions as headings (Word's Heading 1 style) with their content, the measures as a table,
 * and the coming year's activities as a table. Every fixed text is in the tenant's language.
 */
public final class PlanDocument {

    /** The media type of the document. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The fixed texts, in bokmål and Danish (other languages fall back to bokmål). */
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "nb", Map.ofEntries(Map.entry("title", "Lokal plan for lederutvikling"), Map.entry("owner", "Skoleeier"),
                    Map.entry("date", "Dato"), Map.entry("cycle", "Evalueringsrunde"),
                    Map.entry("checklist", "Oppstart"), Map.entry("done", "utført"), Map.entry("open", "ikke utført"),
                    Map.entry("measures", "Tiltak"), Map.entry("measure", "Tiltak"), Map.entry("responsible", "Ansvarlig"),
                    Map.entry("due", "Frist"), Map.entry("tracks", "Spor og deltakere"),
                    Map.entry("activities", "Årets aktiviteter"), Map.entry("when", "Dato"), Map.entry("activity", "Aktivitet"),
                    Map.entry("place", "Sted"), Map.entry("none", "Ingen ennå."), Map.entry("cancelled", "avlyst"), Map.entry("note", "Notater fra dialogen"),
                    Map.entry("focus-area", "Fokusområder fra ståstedsanalysen"),
                    Map.entry("future-picture", "Framtidsbilder"), Map.entry("goal", "Mål"), Map.entry("theme", "Temaer"),
                    Map.entry("module", "Moduler")),
            "da", Map.ofEntries(Map.entry("title", "Lokal plan for lederudvikling"), Map.entry("owner", "Kommune"),
                    Map.entry("date", "Dato"), Map.entry("cycle", "Evalueringsrunde"),
                    Map.entry("checklist", "Opstart"), Map.entry("done", "udført"), Map.entry("open", "ikke udført"),
                    Map.entry("measures", "Indsatser"), Map.entry("measure", "Indsats"), Map.entry("responsible", "Ansvarlig"),
                    Map.entry("due", "Frist"), Map.entry("tracks", "Spor og deltagere"),
                    Map.entry("activities", "Årets aktiviteter"), Map.entry("when", "Dato"), Map.entry("activity", "Aktivitet"),
                    Map.entry("place", "Sted"), Map.entry("none", "Ingen endnu."), Map.entry("cancelled", "aflyst"), Map.entry("note", "Noter fra dialogen"),
                    Map.entry("focus-area", "Fokusområder"),
                    Map.entry("future-picture", "Fremtidsbilleder"), Map.entry("goal", "Mål"), Map.entry("theme", "Temaer"),
                    Map.entry("module", "Moduler")));

    private PlanDocument() {
    }

    /**
     * The plan as a .docx.
     *
     * @param ownerName the school owner's name, for the title page
     * @param language  the tenant's language
     * @param zone      the tenant's time zone: dates are its dates, and the year's activities are those from
     *                  today to a year ahead
     */
    public static byte[] write(LocalPlan plan, String ownerName, String language, ZoneId zone) {
        Map<String, String> text = TEXTS.getOrDefault(language, TEXTS.get("nb"));
        LocalDate today = LocalDate.now(zone);
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            headingStyles(document);
            titlePage(document, plan, ownerName, today, text);
            if (!plan.checklist().isEmpty()) {
                heading(document, text.get("checklist"), 2);
                for (var step : plan.checklist()) {
                    paragraph(document, step.title() + " (" + (step.done() ? text.get("done") + " "
                            + DATE.format(step.doneAt().atZone(zone).toLocalDate()) : text.get("open")) + ")");
                }
            }
            for (PhaseView phase : plan.phases()) {
                phaseSection(document, phase, language, text);
                if (phase.phase() == Phase.HVORDAN_KOMMER_VI_DIT) {
                    measures(document, plan, text);
                    tracks(document, plan, text);
                }
            }
            activities(document, plan, today, zone, text);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void titlePage(XWPFDocument document, LocalPlan plan, String ownerName, LocalDate today,
            Map<String, String> text) {
        XWPFParagraph title = document.createParagraph();
        title.setStyle("Title");
        title.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = title.createRun();
        run.setBold(true);
        run.setFontSize(26);
        run.setText(text.get("title"));
        XWPFParagraph name = document.createParagraph();
        name.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun nameRun = name.createRun();
        nameRun.setFontSize(18);
        nameRun.setText(plan.name());
        paragraph(document, text.get("owner") + ": " + ownerName);
        paragraph(document, text.get("date") + ": " + DATE.format(today));
        paragraph(document, text.get("cycle") + ": " + plan.cycle());
        document.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private static void phaseSection(XWPFDocument document, PhaseView phase, String language, Map<String, String> text) {
        // the question in the tenant's language, whatever the template's
        heading(document, phase.phase().question(language), 1);
        if (phase.guidance() != null) {
            XWPFRun run = document.createParagraph().createRun();
            run.setItalic(true);
            run.setText(phase.guidance());
        }
        for (EntryKind kind : EntryKind.values()) {
            List<PlanEntryText> entries = phase.entries().stream().filter(e -> e.kind() == kind)
                    .map(e -> new PlanEntryText(e.text())).toList();
            if (kind.phase() == phase.phase() && !entries.isEmpty()) {
                heading(document, text.get(kind.code()), 2);
                entries.forEach(e -> bullet(document, e.text()));
            }
        }
    }

    private record PlanEntryText(String text) {
    }

    private static void measures(XWPFDocument document, LocalPlan plan, Map<String, String> text) {
        heading(document, text.get("measures"), 2);
        if (plan.measures().isEmpty()) {
            paragraph(document, text.get("none"));
            return;
        }
        XWPFTable table = document.createTable(plan.measures().size() + 1, 3);
        row(table.getRow(0), text.get("measure"), text.get("responsible"), text.get("due"));
        for (int i = 0; i < plan.measures().size(); i++) {
            var m = plan.measures().get(i);
            row(table.getRow(i + 1), m.title(), m.responsible(), DATE.format(m.dueOn()));
        }
    }

    private static void tracks(XWPFDocument document, LocalPlan plan, Map<String, String> text) {
        if (plan.tracks().isEmpty()) {
            return;
        }
        heading(document, text.get("tracks"), 2);
        for (var track : plan.tracks()) {
            XWPFRun run = document.createParagraph().createRun();
            run.setBold(true);
            run.setText(track.name());
            track.competenceGoals().forEach(goal -> bullet(document, goal));
            track.participants().forEach(p -> bullet(document, String.join(", ", java.util.stream.Stream.of(p.name(), p.role())
                    .filter(java.util.Objects::nonNull).toList())));
        }
    }

    private static void activities(XWPFDocument document, LocalPlan plan, LocalDate today, ZoneId zone,
            Map<String, String> text) {
        LocalDate end = today.plusYears(1);
        var coming = plan.activities().stream().filter(a -> !a.endsOn().isBefore(today) && a.startsOn().isBefore(end)).toList();
        heading(document, text.get("activities") + " (" + DATE.format(today) + " – " + DATE.format(end) + ")", 1);
        if (coming.isEmpty()) {
            paragraph(document, text.get("none"));
            return;
        }
        XWPFTable table = document.createTable(coming.size() + 1, 3);
        row(table.getRow(0), text.get("when"), text.get("activity"), text.get("place"));
        for (int i = 0; i < coming.size(); i++) {
            var a = coming.get(i);
            String when = a.startsAt() != null ? scheduled(a.startsAt().atZone(zone), a.endsAt().atZone(zone))
                    : a.endsOn().equals(a.startsOn()) ? DATE.format(a.startsOn())
                    : DATE.format(a.startsOn()) + " – " + DATE.format(a.endsOn());
            String title = a.cancelled() ? a.title() + " (" + text.get("cancelled") + ")" : a.title();
            row(table.getRow(i + 1), when, title, a.place() == null ? "" : a.place());
        }
    }

    /** A scheduled activity's time in the tenant's zone: "15.09.2027 09:00–15:00", or its days when it spans several. */
    private static String scheduled(java.time.ZonedDateTime start, java.time.ZonedDateTime end) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        return start.toLocalDate().equals(end.toLocalDate())
                ? DATE.format(start) + " " + time.format(start) + "–" + time.format(end)
                : DATE.format(start) + " " + time.format(start) + " – " + DATE.format(end) + " " + time.format(end);
    }

    /** Title, Heading1 and Heading2 as real paragraph styles, so a word processor shows them as headings. */
    private static void headingStyles(XWPFDocument document) {
        var styles = document.createStyles();
        String[][] defined = {{"Title", "Title", null}, {"Heading1", "heading 1", "0"}, {"Heading2", "heading 2", "1"}};
        for (String[] d : defined) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(d[0]);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal(d[1]);
            style.addNewQFormat();
            if (d[2] != null) {
                style.addNewPPr().addNewOutlineLvl().setVal(new BigInteger(d[2]));
            }
            styles.addStyle(new XWPFStyle(style, styles));
        }
    }

    private static void heading(XWPFDocument document, String text, int level) {
        XWPFParagraph p = document.createParagraph();
        p.setStyle("Heading" + level);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(level == 1 ? 16 : 13);
        run.setText(text);
    }

    private static void paragraph(XWPFDocument document, String text) {
        document.createParagraph().createRun().setText(text);
    }

    private static void bullet(XWPFDocument document, String text) {
        document.createParagraph().createRun().setText("• " + text);
    }

    private static void row(XWPFTableRow row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            row.getCell(i).setText(cells[i]);
        }
    }
}
