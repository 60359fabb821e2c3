package no.ks.led.funding.numbers;

/** Norwegian bank account numbers: eleven digits (dots and spaces allowed), the last a modulus-11 check digit. */
public final class AccountNumber {

    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private AccountNumber() {
    }

    /** The eleven digits, without dots or spaces; null when the text is not an account number. */
    public static String normalised(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[ .]", "");
        return digits.matches("\\d{11}") ? digits : null;
    }

    /** Whether the text is an account number whose check digit is right. */
    public static boolean isValid(String text) {
        String digits = normalised(text);
        if (digits == null) {
            return false;
        }
        return Modulus11.holds(digits, WEIGHTS);
    }
}
