package no.ks.led.organisations;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import no.ks.led.foundation.access.Country;

/** What kind of school a school is; each kind belongs to one country, and a tenant uses its own country's. */
public enum SchoolKind {
    GRUNNSKOLE("grunnskole", Country.NO),
    VIDEREGAENDE("videregaende", Country.NO),
    FOLKESKOLE("folkeskole", Country.DK),
    SPECIALSKOLE("specialskole", Country.DK),
    UNGDOMSSKOLE("ungdomsskole", Country.DK),
    /** A 10.-klassecenter: the Danish municipal centre for the optional tenth school year. */
    TIENDE_KLASSECENTER("10-klassecenter", Country.DK);

    /** Every code, for the pattern of a request field. */
    public static final String PATTERN = "grunnskole|videregaende|folkeskole|specialskole|ungdomsskole|10-klassecenter";

    private final String code;
    private final Country country;

    SchoolKind(String code, Country country) {
        this.code = code;
        this.country = country;
    }

    public String code() {
        return code;
    }

    public Country country() {
        return country;
    }

    public static Optional<SchoolKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The codes of a country's kinds, for a message: "grunnskole or videregaende". */
    public static String codesOf(Country country) {
        String codes = Arrays.stream(values()).filter(k -> k.country == country).map(SchoolKind::code)
                .collect(Collectors.joining(", "));
        int last = codes.lastIndexOf(", ");
        return last < 0 ? codes : codes.substring(0, last) + " or " + codes.substring(last + 2);
    }
}
