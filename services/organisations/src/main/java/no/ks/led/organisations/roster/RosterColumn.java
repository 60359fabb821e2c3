package no.ks.led.organisations.roster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import no.ks.led.foundation.access.Country;

/**
 * The columns of a roster file, each known by its Norwegian, English and Danish header names. The school's number
 * is its organisation number in a Norwegian owner's file and its institution number in a Danish owner's.
 */
enum RosterColumn {
    SCHOOL("skole", "school", "skolenavn", "school_name"),
    SCHOOL_NUMBER("skolens organisasjonsnummer", "school_org_number", "organisasjonsnummer", "orgnr",
            "institutionsnummer", "institution_number", "skolens institutionsnummer", "instnr"),
    SCHOOL_KIND("skoleslag", "school_kind", "skoleform", "skoletype"),
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

    /** How the column is named in messages to an owner of the country: a Danish owner's school number is its institution number. */
    String label(Country country) {
        return this == SCHOOL_NUMBER && country == Country.DK ? names.get(4) + "/" + names.get(5) : label();
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
