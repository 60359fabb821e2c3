package no.ks.led.funding.numbers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** KS's case numbers, {@code 21/12345}: a document suffix ({@code 21/12345-1}) is dropped, since a claim quotes the case. */
public final class CaseNumber {

    private static final Pattern FORM = Pattern.compile("(\\d{2})/(\\d{1,7})(?:-\\d{1,4})?");

    private CaseNumber() {
    }

    /** The case number in its stored form ({@code 21/12345}), or null when the text is not one. */
    public static String normalised(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = FORM.matcher(text.strip());
        return matcher.matches() ? matcher.group(1) + "/" + matcher.group(2) : null;
    }
}
