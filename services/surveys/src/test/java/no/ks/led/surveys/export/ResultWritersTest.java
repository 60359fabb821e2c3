package no.ks.led.surveys.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.Results;

/** The CSV, XLSX and SVG writers, from suppressed results alone. */
class ResultWritersTest {

    static final UUID ROUND = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID SHARED = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID WITHHELD = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final String EVIL = "=HYPERLINK(\"http://x\";\"klikk\")";

    static Instrument.Texts nb(String text) {
        return new Instrument.Texts(text, text, text, text);
    }

    static final Instrument QUESTIONS = new Instrument(1, "Ståstedsanalyse", null, List.of(), List.of(
            new Instrument.Section("learning", nb("Læring & <oppfølging>"), List.of(
                    new Instrument.Item("learning-1", "scale", nb("Vi følger opp \"resultater\"")),
                    new Instrument.Item("learning-2", "scale", nb("Vi snakker om læring")))),
            new Instrument.Section("role-clarity", nb("Rolleavklaring"), List.of(
                    new Instrument.Item("role-1", "scale", nb("Rollene er klare")))),
            new Instrument.Section("development", nb("Utvikling"), List.of(
                    new Instrument.Item("dev-1", "scale", nb("Vi utvikler oss")))),
            new Instrument.Section("comments", nb("Kommentarer"), List.of(
                    new Instrument.Item("comments-1", "text", nb("Andre kommentarer"))))));

    static Map<String, Long> distribution(long... counts) {
        Map<String, Long> d = new LinkedHashMap<>();
        String[] keys = {"1", "2", "3", "4", "5", "dont-know"};
        for (int i = 0; i < 6; i++) {
            d.put(keys[i], counts[i]);
        }
        return d;
    }

    /** A tenant view: total shown except one item (so its section too), one shared school, one not shared. */
    static Results tenantResults() {
        Results.Group total = new Results.Group(false, 7L, List.of(
                new Results.Section("learning", true, null, List.of(
                        new Results.Item("learning-1", false, 7L, new BigDecimal("3.50"), distribution(0, 1, 2, 3, 0, 1)),
                        new Results.Item("learning-2", true, null, null, null))),
                new Results.Section("role-clarity", false, new BigDecimal("4.25"), List.of(
                        new Results.Item("role-1", false, 7L, new BigDecimal("4.25"), distribution(0, 0, 1, 3, 3, 0)))),
                new Results.Section("development", false, new BigDecimal("2.00"), List.of(
                        new Results.Item("dev-1", false, 7L, new BigDecimal("2.00"), distribution(1, 5, 1, 0, 0, 0))))),
                List.of(new Results.FreeText("comments-1", List.of(EVIL, "-1 poeng", "Godt <b>samarbeid</b>; takk"))));
        return new Results(ROUND, "tenant", null, 3, "aggregate", null, total, List.of(
                new Results.School(SHARED, "shared", Results.Group.SUPPRESSED),
                new Results.School(WITHHELD, "not-shared", Results.Group.SUPPRESSED)));
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndNorwegianHeaderAndMarksEverySuppressedFigure() {
        byte[] bytes = ResultCsv.write(ResultTable.of(tenantResults(), QUESTIONS));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("Gruppe;Skole-ID;Status;Grunnlag;Rad;Område;Spørsmål-ID;Spørsmål;Respondenter"),
                lines.get(0));
        assertTrue(csv.contains("\r\n"));

        String learning2 = line(lines, ";learning-2;");
        List<String> fields = List.of(learning2.split(";", -1));
        assertEquals(ResultTable.HEADER.size(), fields.size());
        assertEquals(List.of("skjult (< 3)"), fields.subList(8, 17).stream().distinct().toList(),
                "every figure marked, never 0 or blank: " + learning2);
        String learningSection = line(lines, "Alle skoler;;;samlet, minst 3 respondenter;Område;Læring & <oppfølging>;learning;");
        assertTrue(learningSection.contains("skjult (< 3)"), learningSection);
        // decimal comma; numbers as shown
        assertTrue(line(lines, ";role-1;").contains(";4,25;"));

        // the shared school whose group is suppressed: every item of it is marked, never 0
        List<String> shared = lines.stream().filter(l -> l.contains(SHARED.toString())).toList();
        assertEquals(1 + 3 + 4, shared.size(), "group, three sections, four items");
        shared.forEach(l -> assertTrue(l.contains("skjult (< 3)"), l));
        shared.forEach(l -> assertFalse(l.contains(";0;"), l));
        // a school that has not shared is marked as such
        String withheld = line(lines, WITHHELD.toString());
        assertTrue(withheld.contains("ikke delt"));
        assertEquals(List.of("ikke delt"), List.of(withheld.split(";", -1)).subList(8, 17).stream().distinct().toList());
    }

    @Test
    void aDanishTenantsTableIsInDanishWithTheInstrumentsDanishTexts() {
        Instrument danish = new Instrument(1, "Statusanalyse", null, List.of(), List.of(
                new Instrument.Section("role-clarity", new Instrument.Texts("Rolleavklaring", "Rolleavklaring",
                        "Role clarity", "Rolleafklaring"), List.of(new Instrument.Item("role-1", "scale",
                        new Instrument.Texts("Rollene er klare", "Rollene er klare", "Roles are clear", "Rollerne er klare"))))));
        String csv = new String(ResultCsv.write(ResultTable.of(tenantResults(), danish, Country.DK)), StandardCharsets.UTF_8);
        List<String> lines = csv.substring(1).lines().toList();
        assertTrue(lines.get(0).startsWith("Gruppe;Skole-ID;Status;Grundlag;Række;Område;Spørgsmål-ID;Spørgsmål;Respondenter;"
                + "Antal svar;Gennemsnit"), lines.get(0));
        assertTrue(line(lines, ";role-1;").contains("Alle skoler;;;samlet, mindst 3 respondenter;Spørgsmål;Rolleafklaring;role-1;"
                + "Rollerne er klare;"), line(lines, ";role-1;"));
        assertTrue(line(lines, WITHHELD.toString()).contains("ikke delt"));
        assertFalse(csv.contains("Spørsmål") || csv.contains("Rollene er klare") || csv.contains("Grunnlag"),
                "no bokmål in a Danish tenant's export");
        assertTrue(new String(ResultCsv.write(ResultTable.of(tenantResults(), danish, Country.NO)), StandardCharsets.UTF_8)
                .contains("Rollene er klare"), "a Norwegian tenant's export stays in bokmål");
    }

    @Test
    void csvNeutralisesFormulasAndQuotesFreeTextWhichIsNeverAttributed() {
        String csv = new String(ResultCsv.write(ResultTable.of(tenantResults(), QUESTIONS)), StandardCharsets.UTF_8);
        List<String> free = csv.lines().filter(l -> l.contains(";Fritekst;")).toList();
        assertEquals(3, free.size());
        assertTrue(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\";\"\"klikk\"\")\""), csv);
        assertTrue(csv.contains(";'-1 poeng"), csv);
        assertTrue(csv.contains(";\"Godt <b>samarbeid</b>; takk\""), csv);
        assertFalse(csv.lines().anyMatch(l -> l.contains(";=") || l.contains(";\"=") || l.contains(";-1") || l.contains(";+")));
        free.forEach(l -> assertTrue(l.startsWith("Alle skoler;;;"), "free text is under the group, no school: " + l));

        assertEquals("'@SUM(A1)", ResultCsv.text("@SUM(A1)"));
        assertEquals("\"'+1;2\"", ResultCsv.text("+1;2"));
        assertEquals("'\tx", ResultCsv.text("\tx"));
        assertEquals("vanlig tekst", ResultCsv.text("vanlig tekst"));
    }

    @Test
    void xlsxReadsBackWithPoiAsStringsWhereTextAndMarkersAndNumbersWhereFigures() throws Exception {
        byte[] bytes = ResultXlsx.write(ResultTable.of(tenantResults(), QUESTIONS));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(1, book.getNumberOfSheets());
            Sheet sheet = book.getSheet(ResultXlsx.SHEET);
            assertEquals("Gruppe", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Respondenter", sheet.getRow(0).getCell(8).getStringCellValue());
            List<Row> rows = new ArrayList<>();
            sheet.forEach(rows::add);
            boolean sawFormulaText = false;
            for (Row row : rows) {
                for (Cell cell : row) {
                    assertFalse(cell.getCellType() == CellType.FORMULA, "no formula cells");
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(EVIL)) {
                        sawFormulaText = true;
                    }
                }
            }
            assertTrue(sawFormulaText, "the free text is kept, as a string cell");
            Row learning2 = rows.stream().filter(r -> "learning-2".equals(r.getCell(6).getStringCellValue())).findFirst()
                    .orElseThrow();
            for (int c = 8; c <= 16; c++) {
                assertEquals(CellType.STRING, learning2.getCell(c).getCellType());
                assertEquals("skjult (< 3)", learning2.getCell(c).getStringCellValue());
            }
            Row role = rows.stream().filter(r -> "role-1".equals(r.getCell(6).getStringCellValue())).findFirst().orElseThrow();
            assertEquals(CellType.NUMERIC, role.getCell(10).getCellType());
            assertEquals(4.25, role.getCell(10).getNumericCellValue(), 1e-9);
            assertEquals(7.0, role.getCell(9).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void theSectionRadarIsWellFormedAccessibleAndDrawsSuppressedSectionsAsLabelledGaps() throws Exception {
        String svg = ResultCharts.sections(tenantResults(), QUESTIONS);
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals(1, doc.getElementsByTagNameNS(SVG, "desc").getLength());
        assertTrue(doc.getElementsByTagNameNS(SVG, "title").item(0).getTextContent().contains("område"));
        // three scale sections: learning suppressed, two shown; the text section is no axis
        assertEquals(2, byClass(doc, "circle", "mean"));
        assertEquals(1, byClass(doc, "text", "hidden"));
        assertEquals(1, byClass(doc, "line", "mean"), "only the neighbours both shown are joined");
        String desc = doc.getElementsByTagNameNS(SVG, "desc").item(0).getTextContent();
        assertTrue(desc.contains("Læring & <oppfølging>: skjult"), desc);
        assertTrue(desc.contains("Rolleavklaring: 4,25"), desc);
        assertFalse(svg.contains("HYPERLINK") || svg.contains("samarbeid"), "free text is never in a chart");
        assertFalse(svg.contains("0,00"), "never a zero for a hidden value");
    }

    @Test
    void aDanishTenantsChartsSpeakDanish() throws Exception {
        Document radar = parse(ResultCharts.sections(tenantResults(), QUESTIONS, Country.DK));
        assertEquals("Gennemsnit pr. område (1–5)", radar.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
        String desc = radar.getElementsByTagNameNS(SVG, "desc").item(0).getTextContent();
        assertTrue(desc.contains("respondenter") && !desc.contains("Gjennomsnitt"), desc);
        Results none = new Results(ROUND, "school", SHARED, 5, "aggregate", true, Results.Group.SUPPRESSED, List.of());
        String bars = ResultCharts.items(none, QUESTIONS, Country.DK);
        assertTrue(bars.contains("Gennemsnit pr. spørgsmål (1–5)") && bars.contains("færre end 5"), bars);
        assertFalse(bars.contains("Skolen") && bars.contains("færre enn"), "a Norwegian word in a Danish chart");
    }

    @Test
    void theItemBarsAreWellFormedAndAWhollySuppressedGroupIsAllGaps() throws Exception {
        Document doc = parse(ResultCharts.items(tenantResults(), QUESTIONS));
        assertEquals(3, byClass(doc, "rect", "bar"));
        assertEquals(1, byClass(doc, "text", "hidden"));

        Results none = new Results(ROUND, "school", SHARED, 5, "aggregate", true, Results.Group.SUPPRESSED, List.of());
        String svg = ResultCharts.items(none, QUESTIONS);
        Document hidden = parse(svg);
        assertEquals(0, byClass(hidden, "rect", "bar"));
        assertEquals(4, byClass(hidden, "text", "hidden"));
        assertTrue(hidden.getElementsByTagNameNS(SVG, "desc").item(0).getTextContent().contains("færre enn 5"));
        Document radar = parse(ResultCharts.sections(none, QUESTIONS));
        assertEquals(0, byClass(radar, "circle", "mean"));
        assertEquals(3, byClass(radar, "text", "hidden"));
    }

    @Test
    void escapingKeepsTheSvgWellFormedWhateverALocalItemSays() throws Exception {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", ResultCharts.escape("a <b> & \"c\" 'd'"));
        assertEquals("ab", ResultCharts.escape("a\u0001b"));
        Instrument local = new Instrument(1, "x", null, List.of(), List.of(new Instrument.Section("local",
                nb("Lokale </title><script>alert(1)</script> spørsmål"), List.of(
                        new Instrument.Item("local-1", "scale", nb("\u0000]]><svg onload=\"x\">&amp;"))))));
        Results results = new Results(ROUND, "school", SHARED, 3, "team", false, new Results.Group(false, 1L, List.of(
                new Results.Section("local", false, new BigDecimal("3.00"), List.of(
                        new Results.Item("local-1", false, 1L, new BigDecimal("3.00"), distribution(0, 0, 1, 0, 0, 0))))),
                List.of()), List.of());
        for (String svg : List.of(ResultCharts.sections(results, local), ResultCharts.items(results, local))) {
            Document doc = parse(svg);
            assertEquals(0, doc.getElementsByTagNameNS(SVG, "script").getLength());
            assertFalse(svg.contains("<script"));
        }
    }

    static final String SVG = "http://www.w3.org/2000/svg";

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static int byClass(Document doc, String element, String cssClass) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG, element);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (cssClass.equals(((org.w3c.dom.Element) nodes.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    static String line(List<String> lines, String containing) {
        return lines.stream().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing));
    }
}
