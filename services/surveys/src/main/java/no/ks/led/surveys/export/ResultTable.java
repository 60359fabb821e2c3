package no.ks.led.surveys.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.Results;

/**
 * A round's results as one tidy table, in Norwegian bokmål, for the CSV and XLSX exports. Built from the
 * already suppressed {@link Results} alone, never from answers: a figure the viewer may not see is a
 * {@link Cell.Hidden} cell with an explicit marker, never a zero or a blank. Free text is listed under its
 * question only, sorted as the results hold it, never next to a school or a person.
 */
public record ResultTable(List<String> header, List<List<Cell>> rows) {

    /** The column headings. */
    public static final List<String> HEADER = List.of("Gruppe", "Skole-ID", "Status", "Grunnlag", "Rad", "Område",
            "Spørsmål-ID", "Spørsmål", "Respondenter", "Antall svar", "Gjennomsnitt", "Svært uenig (1)", "Uenig (2)",
            "Verken eller (3)", "Enig (4)", "Svært enig (5)", "Vet ikke", "Fritekst");

    private static final List<String> SCALE_KEYS = List.of("1", "2", "3", "4", "5", "dont-know");
    private static final int FIGURES = 9; // Respondenter … Vet ikke

    /** One cell: text, a number, or a figure hidden by the anonymity rules. */
    public sealed interface Cell {

        record Text(String value) implements Cell {
        }

        record Number(BigDecimal value) implements Cell {
        }

        record Hidden(String marker) implements Cell {
        }

        static Cell of(String value) {
            return new Text(value == null ? "" : value);
        }

        static Cell of(long value) {
            return new Number(BigDecimal.valueOf(value));
        }
    }

    /** The marker of a suppressed figure: fewer than k respondents, or derivable from shown figures. */
    public static String hiddenMarker(int k) {
        return "skjult (< " + k + ")";
    }

    /** The marker of a school whose principal has not shared its results with the owner. */
    public static final String NOT_SHARED = "ikke delt";

    /** The column headings of the national table: its second column names a tenant, never a school. */
    public static final List<String> NATIONAL_HEADER = nationalHeader();

    private static List<String> nationalHeader() {
        List<String> header = new ArrayList<>(HEADER);
        header.set(1, "Skoleeier-ID");
        return List.copyOf(header);
    }

    /** The national view as a table: the nation, then each tenant; no school and no free text. */
    public static ResultTable of(NationalResults results, Instrument questions) {
        List<List<Cell>> rows = new ArrayList<>();
        String hidden = hiddenMarker(results.minGroupSize());
        String basis = "samlet, minst " + results.minGroupSize() + " respondenter (et lag teller som én)";
        group(rows, "Hele landet", "", "", basis, results.total(), questions, hidden);
        for (NationalResults.Tenant tenant : results.tenants()) {
            group(rows, "Skoleeier", tenant.tenantId(), "", basis, tenant.results(), questions, hidden);
        }
        return new ResultTable(NATIONAL_HEADER, List.copyOf(rows));
    }

    /** The table of what the viewer of {@code results} may see, with section and item texts from {@code questions}. */
    public static ResultTable of(Results results, Instrument questions) {
        List<List<Cell>> rows = new ArrayList<>();
        String hidden = hiddenMarker(results.minGroupSize());
        String basis = switch (results.basis()) {
            case "team" -> "felles svar";
            case "own-answers" -> "egne svar";
            default -> "samlet, minst " + results.minGroupSize() + " respondenter";
        };
        if ("school".equals(results.scope())) {
            String status = Boolean.TRUE.equals(results.shared()) ? "delt med eier" : "ikke delt med eier";
            group(rows, "Skolen", String.valueOf(results.schoolId()), status, basis, results.total(), questions, hidden);
        } else {
            group(rows, "Alle skoler", "", "", basis, results.total(), questions, hidden);
            for (Results.School school : results.schools()) {
                if ("shared".equals(school.status())) {
                    group(rows, "Skole", school.schoolId().toString(), "delt", basis, school.results(), questions, hidden);
                } else {
                    rows.add(row("Skole", school.schoolId().toString(), "ikke delt", basis, "Gruppe", "", "", "",
                            figures(NOT_SHARED), ""));
                }
            }
        }
        return new ResultTable(HEADER, List.copyOf(rows));
    }

    private static void group(List<List<Cell>> rows, String label, String schoolId, String status, String basis,
            Results.Group group, Instrument questions, String hidden) {
        if (group.suppressed()) {
            rows.add(row(label, schoolId, status, basis, "Gruppe", "", "", "", figures(hidden), ""));
            for (Instrument.Section section : questions.sections()) {
                List<Instrument.Item> scale = section.items().stream().filter(Instrument.Item::isScale).toList();
                if (scale.isEmpty()) {
                    continue;
                }
                rows.add(row(label, schoolId, status, basis, "Område", section.title().nb(), section.code(), "",
                        figures(hidden), ""));
                for (Instrument.Item item : scale) {
                    rows.add(row(label, schoolId, status, basis, "Spørsmål", section.title().nb(), item.code(),
                            item.text().nb(), figures(hidden), ""));
                }
            }
            return;
        }
        List<Cell> groupFigures = new ArrayList<>(figures(""));
        groupFigures.set(0, Cell.of(group.respondents()));
        groupFigures.set(1, Cell.of("")); // no single answer count for a group
        rows.add(row(label, schoolId, status, basis, "Gruppe", "", "", "", groupFigures, ""));
        for (Results.Section section : group.sections()) {
            String title = sectionTitle(questions, section.code());
            List<Cell> sectionFigures = new ArrayList<>(figures(""));
            sectionFigures.set(2, section.suppressed() ? new Cell.Hidden(hidden) : number(section.mean()));
            rows.add(row(label, schoolId, status, basis, "Område", title, section.code(), "", sectionFigures, ""));
            for (Results.Item item : section.items()) {
                String text = questions.item(item.code()).map(i -> i.text().nb()).orElse("");
                rows.add(row(label, schoolId, status, basis, "Spørsmål", title, item.code(), text,
                        item.suppressed() ? figures(hidden) : itemFigures(item, hidden), ""));
            }
        }
        for (Results.FreeText free : group.freeText()) {
            Optional<Instrument.Item> question = questions.item(free.item());
            String title = questions.sections().stream().filter(s -> s.items().stream().anyMatch(i -> i.code().equals(free.item())))
                    .findFirst().map(s -> s.title().nb()).orElse("");
            for (String text : free.texts()) {
                rows.add(row(label, schoolId, status, basis, "Fritekst", title, free.item(),
                        question.map(i -> i.text().nb()).orElse(""), figures(""), text));
            }
        }
    }

    private static List<Cell> itemFigures(Results.Item item, String hidden) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(""));
        cells.add(item.responseCount() == null ? new Cell.Hidden(hidden) : Cell.of(item.responseCount()));
        cells.add(item.mean() == null ? Cell.of("") : number(item.mean()));
        Map<String, Long> distribution = item.distribution() == null ? Map.of() : item.distribution();
        for (String key : SCALE_KEYS) {
            Long n = distribution.get(key);
            cells.add(n == null ? new Cell.Hidden(hidden) : Cell.of(n));
        }
        return cells;
    }

    private static Cell number(BigDecimal value) {
        return value == null ? Cell.of("") : new Cell.Number(value);
    }

    /** The figure columns, each hidden with the marker (or empty where a figure does not apply to the row). */
    private static List<Cell> figures(String marker) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < FIGURES; i++) {
            cells.add(marker.isEmpty() ? Cell.of("") : new Cell.Hidden(marker));
        }
        return cells;
    }

    private static List<Cell> row(String group, String schoolId, String status, String basis, String kind, String section,
            String code, String question, List<Cell> figures, String freeText) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(group), Cell.of(schoolId), Cell.of(status), Cell.of(basis),
                Cell.of(kind), Cell.of(section), Cell.of(code), Cell.of(question)));
        cells.addAll(figures);
        cells.add(Cell.of(freeText));
        return List.copyOf(cells);
    }

    static String sectionTitle(Instrument questions, String code) {
        return questions.sections().stream().filter(s -> s.code().equals(code)).findFirst().map(s -> s.title().nb())
                .orElse(code);
    }
}
