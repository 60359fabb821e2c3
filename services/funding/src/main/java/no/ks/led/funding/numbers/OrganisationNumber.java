package no.ks.led.funding.numbers;

/** Norwegian organisation numbers: nine digits, the last a modulus-11 check digit (weights 3 2 7 6 5 4 3 2). */
public final class OrganisationNumber {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    /** Whether the text is nine digits whose check digit is right. */
    public static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(8) - '0';
    }
}
