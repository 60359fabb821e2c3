package no.ks.led.organisations;

/**
 * A Norwegian organisation number (organisasjonsnummer): nine digits, the last a modulus-11 check
 * digit over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2.
 */
public final class OrganisationNumber {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    /** Whether the text is a valid organisation number (no spaces or separators). */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(8) - '0';
    }

    /** The number without the spaces people write it with ("934 567 897"). */
    public static String normalise(String written) {
        return written == null ? null : written.replace(" ", "").replace("\u00a0", "");
    }
}
