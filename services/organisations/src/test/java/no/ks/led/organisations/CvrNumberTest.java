package no.ks.led.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

public class CvrNumberTest {

    @Test
    void acceptsRealKommunesCvrNumbers() {
        assertTrue(CvrNumber.isValid("64942212"), "Københavns Kommune");
        assertTrue(CvrNumber.isValid("55133018"), "KL");
        assertTrue(CvrNumber.isValid("29189846"));
    }

    @Test
    void rejectsAWrongCheckAndMalformedText() {
        assertFalse(CvrNumber.isValid("64942213"));
        assertFalse(CvrNumber.isValid("6494221"));
        assertFalse(CvrNumber.isValid("649422120"));
        assertFalse(CvrNumber.isValid("6494221x"));
        assertFalse(CvrNumber.isValid("934567897"), "a Norwegian organisation number is no CVR number");
        assertFalse(CvrNumber.isValid(""));
        assertFalse(CvrNumber.isValid(null));
    }

    @Test
    void exactlyTheReferenceDigitCompletesAnyPrefixAndNoneWhenItWouldBeTen() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            String first7 = Integer.toString(1_000_000 + random.nextInt(8_999_999));
            int valid = 0;
            for (char last = '0'; last <= '9'; last++) {
                valid += CvrNumber.isValid(first7 + last) ? 1 : 0;
            }
            int needed = lastDigit(first7);
            assertEquals(needed == 10 ? 0 : 1, valid, first7);
            if (needed != 10) {
                assertTrue(CvrNumber.isValid(first7 + needed), first7);
            }
        }
    }

    @Test
    void everySingleDigitErrorAndEveryAdjacentSwapIsDetected() {
        Random random = new Random(7);
        for (int n = 0; n < 300; n++) {
            String valid = randomValid(random);
            for (int i = 0; i < 8; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != valid.charAt(i)) {
                        String typo = valid.substring(0, i) + d + valid.substring(i + 1);
                        assertFalse(CvrNumber.isValid(typo), valid + " -> " + typo);
                    }
                }
                if (i < 7 && valid.charAt(i) != valid.charAt(i + 1)) {
                    String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
                    assertFalse(CvrNumber.isValid(swapped), valid + " -> " + swapped);
                }
            }
        }
    }

    /** Independent reference: the digit that makes the weighted sum (2 7 6 5 4 3 2, and 1 for the last) divisible by 11. */
    static int lastDigit(String first7) {
        int[] weights = {2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (first7.charAt(i) - '0') * weights[i];
        }
        return (11 - sum % 11) % 11;
    }

    /** A random valid CVR number, for tests that need fresh ones. */
    public static String randomValid(Random random) {
        while (true) {
            String first7 = Integer.toString(1_000_000 + random.nextInt(8_999_999));
            int last = lastDigit(first7);
            if (last != 10) {
                return first7 + last;
            }
        }
    }

    public static String randomValid() {
        return randomValid(new Random());
    }
}
