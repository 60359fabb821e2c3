package no.ks.led.organisations.roster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a roster file, each known by its Norwegian and English header names. */
enum RosterColumn {
    SCHOOL("skole", "school", "skolenavn", "school_name"),
    SCHOOL_ORG_NUMBER("skolens organisasjonsnummer", "school_org_number", "organisasjonsnummer", "orgnr"),
    SCHOOL_KIND("skoleslag", "school_kind"),
    LEADERSHIP_TEAM("ledergruppe", "leadership_team"),
    NAME("navn", "name"),
    EMAIL("e-post", "email", "epost", "e-mail"),
    ROLE("rolle", "role");

    private final List<String> names;

    RosterColumn(String... names) {
        this.names = List.of(names);
    }

    /** How the column is named in messages: its Norwegian and English header. */
    String label() {
        return names.get(0) + "/" + names.get(1);
    }

    /** The column a header names, ignoring case, spaces, hyphens and underscores. */
    static Optional<RosterColumn> named(String header) {
        String key = key(header);
        for (RosterColumn column : values()) {
            for (String name : column.names) {
                if (key(name).equals(key)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
    }
}
