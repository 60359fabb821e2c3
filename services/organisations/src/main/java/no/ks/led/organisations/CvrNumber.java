package no.ks.led.organisations;

/**
 * A Danish CVR number (the Central Business Register's number, which a Danish kommune has as its organisation
 * number): eight digits whose weighted sum with the weights 2, 7, 6, 5, 4, 3, 2, 1 is divisible by 11.
 */
public final class CvrNumber {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private CvrNumber() {
    }

    /** Whether the text is a valid CVR number (no spaces or separators). */
    public static boolean isValid(String number) {
        if (number == null || number.length() != 8 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }
}
