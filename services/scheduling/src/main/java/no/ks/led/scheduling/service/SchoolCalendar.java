package no.ks.led.scheduling.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.scheduling.SchoolCalendarEntry;

/**
 * A tenant's school calendar (skolerute): school-free days and exam periods, entered by hand or imported from
 * CSV (there is no national source). An activity on one of them gets a warning the coordinator confirms.
 */
@ApplicationScoped
public class SchoolCalendar {

    /** The CSV's header: one entry a line, dates as YYYY-MM-DD, the kind school-free-day or exam-period. */
    public static final String CSV_HEADER = "kind,from,to,name";

    /** The most lines one import takes. */
    public static final int MAX_LINES = 1000;

    /** One entry of the school calendar. */
    public record Entry(String kind, LocalDate from, LocalDate to, String name) {
    }

    @Transactional
    public SchoolCalendarEntry add(String tenantId, Entry entry) {
        check(entry, "");
        return persist(tenantId, entry);
    }

    /** Imports every line, or none: the first invalid line is a 400 naming its line number and column. */
    @Transactional
    public List<SchoolCalendarEntry> importCsv(String tenantId, String csv) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace(";", ",").equalsIgnoreCase(CSV_HEADER)) {
                throw ProblemException.invalidField("line 1", "must be the header " + CSV_HEADER);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (entries.size() >= MAX_LINES) {
                    throw ProblemException.invalidField("line " + number, "an import takes at most " + MAX_LINES + " lines");
                }
                String[] cells = line.split("[,;]", 4);
                if (cells.length < 4) {
                    throw ProblemException.invalidField("line " + number, "must have the four columns " + CSV_HEADER);
                }
                Entry entry = new Entry(cells[0].strip(), date(cells[1], "line " + number + ".from"),
                        date(cells[2], "line " + number + ".to"), cells[3].strip().replaceAll("^\"|\"$", ""));
                check(entry, "line " + number + ".");
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries.stream().map(e -> persist(tenantId, e)).toList();
    }

    @Transactional
    public void remove(String tenantId, UUID entryId) {
        if (SchoolCalendarEntry.delete("tenantId = ?1 and id = ?2", tenantId, entryId) == 0) {
            throw ProblemException.notFound("School calendar entry " + entryId);
        }
    }

    private static SchoolCalendarEntry persist(String tenantId, Entry entry) {
        SchoolCalendarEntry row = new SchoolCalendarEntry();
        row.id = UUID.randomUUID();
        row.tenantId = tenantId;
        row.kind = entry.kind();
        row.startsOn = entry.from();
        row.endsOn = entry.to() == null ? entry.from() : entry.to();
        row.name = entry.name().strip();
        row.persist();
        return row;
    }

    private static void check(Entry entry, String prefix) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!SchoolCalendarEntry.SCHOOL_FREE_DAY.equals(entry.kind()) && !SchoolCalendarEntry.EXAM_PERIOD.equals(entry.kind())) {
            violations.add(new Problem.Violation(prefix + "kind", "must be school-free-day or exam-period"));
        }
        if (entry.to() != null && entry.to().isBefore(entry.from())) {
            violations.add(new Problem.Violation(prefix + "to", "must not be before from"));
        }
        if (entry.to() != null && entry.from().plusYears(1).isBefore(entry.to())) {
            violations.add(new Problem.Violation(prefix + "to", "must be within a year of from"));
        }
        if (entry.name() == null || entry.name().isBlank() || entry.name().length() > 200) {
            violations.add(new Problem.Violation(prefix + "name", "must be 1 to 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The school calendar entry has invalid fields", violations);
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD");
        }
    }
}
