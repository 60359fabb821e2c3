package no.ks.led.funding.numbers;

/** The modulus-11 check digit of Norwegian organisation and account numbers. */
final class Modulus11 {

    private Modulus11() {
    }

    /** Whether the last digit is the check digit of the ones before it under these weights (one per digit before it). */
    static boolean holds(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(weights.length) - '0';
    }
}
