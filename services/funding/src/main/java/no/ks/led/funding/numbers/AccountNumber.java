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
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(10) - '0';
    }
}
