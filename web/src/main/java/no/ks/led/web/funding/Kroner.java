package no.ks.led.web.funding;

import java.math.BigDecimal;
import java.text.NumberFormat;

import io.quarkus.qute.TemplateExtension;
import no.ks.led.web.i18n.Texts;

/**
 * Money on the funding pages: whole øre from the API shown as kroner the way the language writes numbers
 * ({@code page.t.kroner(ore)} in a template), and an amount typed in kroner read back as øre.
 */
public final class Kroner {

    /** The largest amount taken: ten billion kroner, as the API. */
    static final long MAX_ORE = 1_000_000_000_000L;

    private Kroner() {
    }

    /** An amount in øre as "12 345 kr" (øre shown only when there are any); empty for none. */
    @TemplateExtension
    public static String kroner(Texts t, Long ore) {
        if (ore == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(t.language().locale());
        format.setMinimumFractionDigits(ore % 100 == 0 ? 0 : 2);
        format.setMaximumFractionDigits(2);
        return t.msg("money.kroner", format.format(BigDecimal.valueOf(ore, 2)));
    }

    /** An amount in øre for a form field, as the person typed it back ("12345,50"); empty for none. */
    static String field(Long ore) {
        if (ore == null) {
            return "";
        }
        return ore % 100 == 0 ? Long.toString(ore / 100) : BigDecimal.valueOf(ore, 2).toPlainString().replace('.', ',');
    }

    /**
     * Reads an amount typed in kroner: spaces and "kr" are ignored, a comma is the decimal mark ("12 345,50"), a point
     * is one too when two digits follow it ("12345.50") and groups thousands otherwise ("12.345"). Null for a blank
     * field; an {@link IllegalArgumentException} for anything else that is not 0 or more with at most two decimals.
     */
    static Long parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().toLowerCase().replaceAll("^kr\\.?|kr\\.?$|nok|dkk", "").replaceAll("[\\s\\u00a0\\u202f']", "");
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (!text.matches("\\d*\\.\\d{1,2}")) {
            text = text.replace(".", "");
        }
        if (!text.matches("\\d+(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not an amount: " + typed);
        }
        BigDecimal kroner = new BigDecimal(text);
        if (kroner.compareTo(BigDecimal.valueOf(MAX_ORE, 2)) > 0) {
            throw new IllegalArgumentException("too large: " + typed);
        }
        return kroner.movePointRight(2).longValueExact();
    }
}
