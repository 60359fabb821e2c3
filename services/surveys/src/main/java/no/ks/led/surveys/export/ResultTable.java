package no.ks.led.surveys.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.NationalResults;
import no.ks.led.surveys.Results;

/**
 * A round's results as one tidy table, in the language of the tenant's country (Norwegian bokmål, or Danish
 * for a Danish tenant and for Denmark's national view), for the CSV and XLSX exports. Built from the
 * already suppressed {@link Results} alone, never from answers: a figure the viewer may not see is a
 * {@link Cell.Hidden} cell with an explicit marker, never a zero or a blank. Free text is listed under its
 * question only, sorted as the results hold it, never next to a school or a person.
 */
public record ResultTable(List<String> header, List<List<Cell>> rows) {

    /** The column headings in bokmål. */
    public static final List<String> HEADER = Words.NORWEGIAN.header();

    private static final List<String> SCALE_KEYS = List.of("1", "2", "3", "4", "5", "dont-know");
    private static final int FIGURES = 11; // Respondenter … Vet ikke, Forrige gjennomsnitt, Endring
    private static final int PREVIOUS = 9;
    private static final int CHANGE = 10;

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

    /**
     * The words of the table in one language: the headings, the labels of groups, statuses, bases and row kinds,
     * the markers, and which of an instrument text's languages it shows.
     */
    record Words(List<String> header, String ownerId, String nation, String owner, String allSchools, String school,
            String theSchool, String shared, String notShared, String sharedWithOwner, String notSharedWithOwner,
            String teamAnswers, String ownAnswers, String pooled, String teamCountsAsOne, String group, String section,
            String question, String freeText, String hidden, boolean danish) {

        static final Words NORWEGIAN = new Words(List.of("Gruppe", "Skole-ID", "Status", "Grunnlag", "Rad", "Område",
                "Spørsmål-ID", "Spørsmål", "Respondenter", "Antall svar", "Gjennomsnitt", "Svært uenig (1)", "Uenig (2)",
                "Verken eller (3)", "Enig (4)", "Svært enig (5)", "Vet ikke", "Forrige gjennomsnitt", "Endring", "Fritekst"),
                "Skoleeier-ID", "Hele landet", "Skoleeier", "Alle skoler", "Skole", "Skolen", "delt", "ikke delt",
                "delt med eier", "ikke delt med eier", "felles svar", "egne svar", "samlet, minst %d respondenter",
                " (et lag teller som én)", "Gruppe", "Område", "Spørsmål", "Fritekst", "skjult (< %d)", false);

        static final Words DANISH = new Words(List.of("Gruppe", "Skole-ID", "Status", "Grundlag", "Række", "Område",
                "Spørgsmål-ID", "Spørgsmål", "Respondenter", "Antal svar", "Gennemsnit", "Helt uenig (1)", "Uenig (2)",
                "Hverken eller (3)", "Enig (4)", "Helt enig (5)", "Ved ikke", "Forrige gennemsnit", "Ændring", "Fritekst"),
                "Kommune-ID", "Hele landet", "Kommune", "Alle skoler", "Skole", "Skolen", "delt", "ikke delt",
                "delt med kommunen", "ikke delt med kommunen", "fælles svar", "egne svar", "samlet, mindst %d respondenter",
                " (et team tæller som én)", "Gruppe", "Område", "Spørgsmål", "Fritekst", "skjult (< %d)", true);

        static Words of(Country country) {
            return country == Country.DK ? DANISH : NORWEGIAN;
        }

        /** An instrument text in this language; bokmål where the instrument has no Danish text. */
        String text(Instrument.Texts texts) {
            return text(texts, danish);
        }

        /** An instrument text in Danish or bokmål; bokmål where the instrument has no Danish text. */
        static String text(Instrument.Texts texts, boolean danish) {
            return danish && texts.da() != null && !texts.da().isBlank() ? texts.da() : texts.nb();
        }
    }

    /** The marker of a suppressed figure: fewer than k respondents, or derivable from shown figures. */
    public static String hiddenMarker(int k) {
        return Words.NORWEGIAN.hidden().formatted(k);
    }

    /** The marker of a school whose principal has not shared its results with the owner. */
    public static final String NOT_SHARED = Words.NORWEGIAN.notShared();

    /** The column headings of the national table: its second column names a tenant, never a school. */
    public static final List<String> NATIONAL_HEADER = nationalHeader(Words.NORWEGIAN);

    private static List<String> nationalHeader(Words words) {
        List<String> header = new ArrayList<>(words.header());
        header.set(1, words.ownerId());
        return List.copyOf(header);
    }

    /** The national view as a table in bokmål. */
    public static ResultTable of(NationalResults results, Instrument questions) {
        return of(results, questions, Country.NO);
    }

    /** The national view of a country as a table in its language: the nation, then each tenant; no school, no free text. */
    public static ResultTable of(NationalResults results, Instrument questions, Country country) {
        Words words = Words.of(country);
        List<List<Cell>> rows = new ArrayList<>();
        String hidden = words.hidden().formatted(results.minGroupSize());
        String basis = words.pooled().formatted(results.minGroupSize()) + words.teamCountsAsOne();
        group(rows, words, words.nation(), "", "", basis, results.total(), questions, hidden);
        for (NationalResults.Tenant tenant : results.tenants()) {
            group(rows, words, words.owner(), tenant.tenantId(), "", basis, tenant.results(), questions, hidden);
        }
        return new ResultTable(nationalHeader(words), List.copyOf(rows));
    }

    /** The table of what the viewer of {@code results} may see, in bokmål. */
    public static ResultTable of(Results results, Instrument questions) {
        return of(results, questions, Country.NO);
    }

    /**
     * The table of what the viewer of {@code results} may see, with section and item texts from {@code questions},
     * in the language of the tenant's country.
     */
    public static ResultTable of(Results results, Instrument questions, Country country) {
        Words words = Words.of(country);
        List<List<Cell>> rows = new ArrayList<>();
        String hidden = words.hidden().formatted(results.minGroupSize());
        String basis = switch (results.basis()) {
            case "team" -> words.teamAnswers();
            case "own-answers" -> words.ownAnswers();
            default -> words.pooled().formatted(results.minGroupSize());
        };
        if ("school".equals(results.scope())) {
            String status = Boolean.TRUE.equals(results.shared()) ? words.sharedWithOwner() : words.notSharedWithOwner();
            group(rows, words, words.theSchool(), String.valueOf(results.schoolId()), status, basis, results.total(),
                    questions, hidden);
        } else {
            group(rows, words, words.allSchools(), "", "", basis, results.total(), questions, hidden);
            for (Results.School school : results.schools()) {
                if ("shared".equals(school.status())) {
                    group(rows, words, words.school(), school.schoolId().toString(), words.shared(), basis,
                            school.results(), questions, hidden);
                } else {
                    rows.add(row(words.school(), school.schoolId().toString(), words.notShared(), basis, words.group(),
                            "", "", "", figures(words.notShared()), ""));
                }
            }
        }
        return new ResultTable(words.header(), List.copyOf(rows));
    }

    private static void group(List<List<Cell>> rows, Words words, String label, String schoolId, String status,
            String basis, Results.Group group, Instrument questions, String hidden) {
        if (group.suppressed()) {
            rows.add(row(label, schoolId, status, basis, words.group(), "", "", "", figures(hidden), ""));
            for (Instrument.Section section : questions.sections()) {
                List<Instrument.Item> scale = section.items().stream().filter(Instrument.Item::isScale).toList();
                if (scale.isEmpty()) {
                    continue;
                }
                rows.add(row(label, schoolId, status, basis, words.section(), words.text(section.title()), section.code(),
                        "", figures(hidden), ""));
                for (Instrument.Item item : scale) {
                    rows.add(row(label, schoolId, status, basis, words.question(), words.text(section.title()),
                            item.code(), words.text(item.text()), figures(hidden), ""));
                }
            }
            return;
        }
        List<Cell> groupFigures = new ArrayList<>(figures(""));
        groupFigures.set(0, Cell.of(group.respondents()));
        groupFigures.set(1, Cell.of("")); // no single answer count for a group
        rows.add(row(label, schoolId, status, basis, words.group(), "", "", "", groupFigures, ""));
        for (Results.Section section : group.sections()) {
            String title = sectionTitle(questions, section.code(), words);
            List<Cell> sectionFigures = new ArrayList<>(figures(""));
            sectionFigures.set(2, section.suppressed() ? new Cell.Hidden(hidden) : number(section.mean()));
            sectionFigures.set(PREVIOUS, number(section.previousMean()));
            sectionFigures.set(CHANGE, number(section.change()));
            rows.add(row(label, schoolId, status, basis, words.section(), title, section.code(), "", sectionFigures, ""));
            for (Results.Item item : section.items()) {
                String text = questions.item(item.code()).map(i -> words.text(i.text())).orElse("");
                List<Cell> figures = item.suppressed() ? figures(hidden) : itemFigures(item, hidden);
                // the previous round's figure as shown to this viewer then; a change only where both are shown
                figures.set(PREVIOUS, number(item.previousMean()));
                figures.set(CHANGE, number(item.change()));
                rows.add(row(label, schoolId, status, basis, words.question(), title, item.code(), text, figures, ""));
            }
        }
        for (Results.FreeText free : group.freeText()) {
            Optional<Instrument.Item> question = questions.item(free.item());
            String title = questions.sections().stream().filter(s -> s.items().stream().anyMatch(i -> i.code().equals(free.item())))
                    .findFirst().map(s -> words.text(s.title())).orElse("");
            for (String text : free.texts()) {
                rows.add(row(label, schoolId, status, basis, words.freeText(), title, free.item(),
                        question.map(i -> words.text(i.text())).orElse(""), figures(""), text));
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
        cells.add(Cell.of(""));
        cells.add(Cell.of(""));
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
        return sectionTitle(questions, code, Words.NORWEGIAN);
    }

    private static String sectionTitle(Instrument questions, String code, Words words) {
        return questions.sections().stream().filter(s -> s.code().equals(code)).findFirst().map(s -> words.text(s.title()))
                .orElse(code);
    }
}
