package no.ks.led.organisations.roster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.organisations.LeaderLevel;
import no.ks.led.organisations.NationalIdentifiers;
import no.ks.led.organisations.OrganisationNumber;
import no.ks.led.organisations.SchoolKind;

/**
 * A roster file of schools and their leaders, read and checked on its own: every field of every row
 * and the rows against each other. What the database knows (schools of this or another tenant,
 * people already registered) is checked afterwards by {@link RosterImport}.
 */
public final class Roster {

    /** The most data rows one file may have. */
    public static final int MAX_ROWS = 10_000;

    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"(),:;<>\\[\\]\\\\]+@[^\\s@\"(),:;<>\\[\\]\\\\]+\\.[^\\s@\"(),:;<>\\[\\]\\\\.]{2,}");
    static final String ACCEPTED_ROLES = "rektor, skoleleder, avdelingsleder, inspektør, principal or school-leader";
    static final String ACCEPTED_DANISH_ROLES = "skoleleder, skoledistriktsleder, afdelingsleder, principal or school-leader";

    /**
     * A school as the file describes it, on the first row that names it; its number is the organisation number of
     * a Norwegian school, the institution number of a Danish one.
     */
    public record RosterSchool(String name, String number, String kind, boolean hasLeadershipTeam, int row) {
    }

    /** One valid row: a leader with a role at a school, and the title the file wrote for it. */
    public record Entry(int row, RosterSchool school, String personName, String email, TenantRole role, String title) {
    }

    private final int rows;
    private final List<Entry> entries;
    private final List<RosterError> errors;
    private final List<RosterError> warnings;
    private final Map<RosterColumn, String> headers;
    private final Country country;

    private Roster(int rows, List<Entry> entries, List<RosterError> errors, List<RosterError> warnings,
            Map<RosterColumn, String> headers, Country country) {
        this.rows = rows;
        this.country = country;
        this.entries = List.copyOf(entries);
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
        this.headers = headers;
    }

    /**
     * Reads a roster file.
     *
     * @throws UnreadableRoster when the file as a whole cannot be a roster: not UTF-8, empty, missing
     *         columns, more than {@code maxRows} data rows
     */
    public static Roster read(byte[] body, int maxRows) {
        return read(body, maxRows, Country.NO);
    }

    /** Reads a roster file of a tenant of the country, whose titles name roles by the country's usage. */
    public static Roster read(byte[] body, int maxRows, Country country) {
        String text = RosterCsv.decode(body);
        if (text.isBlank()) {
            throw new UnreadableRoster("The file is empty", List.of(new RosterError(1, null, "the file is empty")));
        }
        String tooMany = String.format(Locale.ROOT,
                "The file has more than %,d rows; split it into files of at most %,d rows each", maxRows, maxRows);
        List<RosterCsv.Line> lines = RosterCsv.lines(text, maxRows + 1, tooMany);
        RosterCsv.Line header = lines.get(0);
        List<RosterError> warnings = new ArrayList<>();
        Map<RosterColumn, Integer> index = columns(header, warnings, country);
        Map<RosterColumn, String> headers = new EnumMap<>(RosterColumn.class);
        index.forEach((column, i) -> headers.put(column, header.fields().get(i)));
        if (lines.size() == 1) {
            throw new UnreadableRoster("The file has a header but no rows of leaders",
                    List.of(new RosterError(2, null, "no rows after the header")));
        }
        return new Checker(index, headers, country).check(lines.subList(1, lines.size()), warnings);
    }

    /** The column of each known header; unknown ones become warnings, missing or repeated ones refuse the file. */
    private static Map<RosterColumn, Integer> columns(RosterCsv.Line header, List<RosterError> warnings, Country country) {
        Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
        List<RosterError> errors = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            var column = RosterColumn.named(name);
            if (column.isEmpty()) {
                warnings.add(new RosterError(1, name, "unknown column, ignored"));
            } else if (index.putIfAbsent(column.get(), i) != null) {
                errors.add(new RosterError(1, name, "the column " + column.get().label(country) + " appears twice"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (RosterColumn column : RosterColumn.values()) {
            if (!index.containsKey(column)) {
                missing.add(column.label(country));
                errors.add(new RosterError(1, column.label(country), "missing column"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = missing.isEmpty() ? "The header names a column twice"
                    : "The header lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + ". Expected columns: " + expected(country) + " (Norwegian, Danish or English names, any order)";
            throw new UnreadableRoster(detail, errors);
        }
        return index;
    }

    private static String expected(Country country) {
        List<String> labels = new ArrayList<>();
        for (RosterColumn column : RosterColumn.values()) {
            labels.add(column.label(country));
        }
        return String.join(", ", labels);
    }

    /** Checks the data rows one by one and against each other. */
    private static final class Checker {
        private final Map<RosterColumn, Integer> index;
        private final Map<RosterColumn, String> headers;
        private final List<RosterError> errors = new ArrayList<>();
        private final Map<String, RosterSchool> schoolsByNumber = new HashMap<>();
        private final Map<String, String> numberBySchoolName = new HashMap<>();
        private final Map<String, Integer> rowOfAssignment = new HashMap<>();
        private final Map<String, String> nameByEmail = new HashMap<>();
        private final Map<String, Integer> rowOfEmail = new HashMap<>();

        private final Country country;

        Checker(Map<RosterColumn, Integer> index, Map<RosterColumn, String> headers, Country country) {
            this.index = index;
            this.headers = headers;
            this.country = country;
        }

        Roster check(List<RosterCsv.Line> lines, List<RosterError> warnings) {
            List<Entry> entries = new ArrayList<>(lines.size());
            for (RosterCsv.Line line : lines) {
                int before = errors.size();
                int row = line.row();
                String schoolName = required(line, RosterColumn.SCHOOL);
                String number = number(line);
                String kind = kind(line);
                Boolean team = leadershipTeam(line);
                if (schoolName != null && schoolName.length() > MAX_NAME_LENGTH) {
                    error(row, RosterColumn.SCHOOL, "longer than " + MAX_NAME_LENGTH + " characters");
                }
                RosterSchool school = errors.size() > before ? null
                        : school(row, new RosterSchool(schoolName, number, kind, team, row), warnings);
                String name = required(line, RosterColumn.NAME);
                String email = email(line);
                TenantRole role = role(line);
                if (name != null && name.length() > MAX_NAME_LENGTH) {
                    error(row, RosterColumn.NAME, "longer than " + MAX_NAME_LENGTH + " characters");
                }
                if (errors.size() > before || !samePerson(row, name, email)
                        || !firstAssignment(row, number, email, role)) {
                    continue;
                }
                entries.add(new Entry(row, school, name, email, role,
                        line.fields().get(index.get(RosterColumn.ROLE)).strip().replaceAll("\\s+", " ")));
            }
            return new Roster(lines.size(), entries, errors, warnings, headers, country);
        }

        /** The school this row names, or null when it disagrees with an earlier row about it. */
        private RosterSchool school(int row, RosterSchool candidate, List<RosterError> warnings) {
            RosterSchool earlier = schoolsByNumber.putIfAbsent(candidate.number(), candidate);
            if (earlier == null) {
                String otherNumber = numberBySchoolName.putIfAbsent(normalised(candidate.name()), candidate.number());
                if (otherNumber != null) {
                    warnings.add(new RosterError(row, headers.get(RosterColumn.SCHOOL_NUMBER),
                            "the school name \"%s\" has the %s %s on row %d; two schools with one name?".formatted(
                                    candidate.name(), numberName(country), otherNumber, schoolsByNumber.get(otherNumber).row())));
                }
                return candidate;
            }
            if (!normalised(earlier.name()).equals(normalised(candidate.name()))) {
                error(row, RosterColumn.SCHOOL_NUMBER, "the %s %s is used for \"%s\" on row %d and for \"%s\" here"
                        .formatted(numberName(country), candidate.number(), earlier.name(), earlier.row(), candidate.name()));
                return null;
            }
            if (!earlier.kind().equals(candidate.kind())) {
                error(row, RosterColumn.SCHOOL_KIND, "\"%s\" is a %s on row %d but a %s here"
                        .formatted(candidate.name(), kindName(earlier.kind()), earlier.row(), kindName(candidate.kind())));
                return null;
            }
            if (earlier.hasLeadershipTeam() != candidate.hasLeadershipTeam()) {
                error(row, RosterColumn.LEADERSHIP_TEAM, "\"%s\" has %s on row %d but %s here"
                        .formatted(candidate.name(), yesNo(earlier.hasLeadershipTeam()), earlier.row(),
                                yesNo(candidate.hasLeadershipTeam())));
                return null;
            }
            return earlier;
        }

        private boolean samePerson(int row, String name, String email) {
            String earlierName = nameByEmail.putIfAbsent(email, name);
            if (earlierName == null) {
                rowOfEmail.put(email, row);
                return true;
            }
            if (!normalised(earlierName).equals(normalised(name))) {
                error(row, RosterColumn.NAME, "the e-mail %s belongs to \"%s\" on row %d, not to \"%s\""
                        .formatted(email, earlierName, rowOfEmail.get(email), name));
                return false;
            }
            return true;
        }

        private boolean firstAssignment(int row, String number, String email, TenantRole role) {
            Integer earlier = rowOfAssignment.putIfAbsent(email + "|" + number + "|" + role.roleName(), row);
            if (earlier != null) {
                error(row, null, "duplicate of row %d (same e-mail, school and role)".formatted(earlier));
                return false;
            }
            return true;
        }

        /** The school's number by its country's rule: an organisation number in Norway, an institution number in Denmark. */
        private String number(RosterCsv.Line line) {
            String written = required(line, RosterColumn.SCHOOL_NUMBER);
            if (written == null) {
                return null;
            }
            if (country == Country.DK) {
                String number = written.replaceAll("\\s+", "");
                if (!NationalIdentifiers.isInstitutionNumber(number)) {
                    error(line.row(), RosterColumn.SCHOOL_NUMBER,
                            "\"%s\" is not a valid institution number: six digits".formatted(written));
                    return null;
                }
                return number;
            }
            String number = OrganisationNumber.normalise(written);
            if (!OrganisationNumber.isValid(number)) {
                error(line.row(), RosterColumn.SCHOOL_NUMBER,
                        "\"%s\" is not a valid organisation number: nine digits with a valid check digit".formatted(written));
                return null;
            }
            return number;
        }

        private String kind(RosterCsv.Line line) {
            String written = required(line, RosterColumn.SCHOOL_KIND);
            if (written == null) {
                return null;
            }
            if (country == Country.DK) {
                return SchoolKind.fromCode(written.toLowerCase(Locale.ROOT)).filter(k -> k.country() == Country.DK)
                        .map(SchoolKind::code).orElseGet(() -> {
                            error(line.row(), RosterColumn.SCHOOL_KIND, "unknown school kind \"%s\"; use %s"
                                    .formatted(written, SchoolKind.codesOf(Country.DK)));
                            return null;
                        });
            }
            return switch (written.toLowerCase(Locale.ROOT)) {
                case "grunnskole" -> "grunnskole";
                case "videregående", "videregaende", "videregående skole" -> "videregaende";
                default -> {
                    error(line.row(), RosterColumn.SCHOOL_KIND,
                            "unknown school kind \"%s\"; use grunnskole or videregående".formatted(written));
                    yield null;
                }
            };
        }

        private Boolean leadershipTeam(RosterCsv.Line line) {
            String written = required(line, RosterColumn.LEADERSHIP_TEAM);
            if (written == null) {
                return null;
            }
            return switch (written.toLowerCase(Locale.ROOT)) {
                case "ja", "yes" -> true;
                case "nei", "nej", "no" -> false;
                default -> {
                    error(line.row(), RosterColumn.LEADERSHIP_TEAM, "\"%s\" is not ja, nei, nej, yes or no".formatted(written));
                    yield null;
                }
            };
        }

        private String email(RosterCsv.Line line) {
            String written = required(line, RosterColumn.EMAIL);
            if (written == null) {
                return null;
            }
            String email = written.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                error(line.row(), RosterColumn.EMAIL, "\"%s\" is not a valid e-mail address".formatted(written));
                return null;
            }
            return email;
        }

        private TenantRole role(RosterCsv.Line line) {
            String written = required(line, RosterColumn.ROLE);
            if (written == null) {
                return null;
            }
            TenantRole role = Roster.role(written, country);
            if (role == null) {
                error(line.row(), RosterColumn.ROLE, "unknown role \"%s\"; accepted roles: %s".formatted(written,
                        country == Country.DK ? ACCEPTED_DANISH_ROLES : ACCEPTED_ROLES));
            }
            return role;
        }

        private String required(RosterCsv.Line line, RosterColumn column) {
            int i = index.get(column);
            String value = i < line.fields().size() ? line.fields().get(i).strip() : "";
            if (value.isEmpty()) {
                error(line.row(), column, "empty");
                return null;
            }
            return value;
        }

        private void error(int row, RosterColumn column, String message) {
            errors.add(new RosterError(row, column == null ? null : headers.get(column), message));
        }
    }

    /** The platform role a Norwegian roster's role names, or null if it names none a school leader can have. */
    static TenantRole role(String written) {
        return role(written, Country.NO);
    }

    /**
     * The platform role a roster's role names by its country's usage, or null if it names none a school leader can
     * have. A Danish skoleleder heads the school (a principal, as a Norwegian rektor), a skoledistriktsleder heads
     * each school of a district, an afdelingsleder is a middle leader ({@link LeaderLevel}); a Norwegian skoleleder
     * is any school leader.
     */
    static TenantRole role(String written, Country country) {
        if (country == Country.DK) {
            return switch (written.strip().toLowerCase(Locale.ROOT)) {
                case "skoleleder", "skoledistriktsleder", "afdelingsleder" -> LeaderLevel.fromTitle(written)
                        .map(LeaderLevel::role).orElseThrow();
                case "principal" -> TenantRole.PRINCIPAL;
                case "school-leader", "school leader" -> TenantRole.SCHOOL_LEADER;
                default -> null;
            };
        }
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "rektor", "principal" -> TenantRole.PRINCIPAL;
            case "skoleleder", "avdelingsleder", "inspektør", "inspektor", "school-leader", "school leader" -> TenantRole.SCHOOL_LEADER;
            default -> null;
        };
    }

    private static String normalised(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** What a school's number is called in a country: its organisation number, or a Danish institution number. */
    static String numberName(Country country) {
        return country == Country.DK ? "institution number" : "organisation number";
    }

    private static String kindName(String kind) {
        return "videregaende".equals(kind) ? "videregående" : kind;
    }

    private static String yesNo(boolean team) {
        return team ? "a leadership team" : "no leadership team";
    }

    /** Data rows in the file (blank rows not counted). */
    public int rows() {
        return rows;
    }

    /** The rows with no error of their own. */
    public List<Entry> entries() {
        return entries;
    }

    public List<RosterError> errors() {
        return errors;
    }

    public List<RosterError> warnings() {
        return warnings;
    }

    /** The country of the owner whose file this is; its rules checked the school numbers and kinds. */
    public Country country() {
        return country;
    }

    /** The column as the file's header names it. */
    String header(RosterColumn column) {
        return headers.get(column);
    }
}
