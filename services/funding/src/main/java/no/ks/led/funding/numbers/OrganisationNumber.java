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
        return Modulus11.holds(number, WEIGHTS);
    }
}
