package no.ks.led.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

public class OrganisationNumberTest {

    @Test
    void acceptsNumbersWithTheRightCheckDigit() {
        assertTrue(OrganisationNumber.isValid("934567897"));
        assertTrue(OrganisationNumber.isValid("945678909"));
        assertTrue(OrganisationNumber.isValid("987654325"));
    }

    @Test
    void rejectsAWrongCheckDigitAndMalformedText() {
        assertFalse(OrganisationNumber.isValid("934567898"));
        assertFalse(OrganisationNumber.isValid("93456789"));
        assertFalse(OrganisationNumber.isValid("9345678970"));
        assertFalse(OrganisationNumber.isValid("93456789x"));
        assertFalse(OrganisationNumber.isValid(""));
        assertFalse(OrganisationNumber.isValid(null));
    }

    @Test
    void everyNumberWhoseRemainderGivesTenIsInvalid() {
        // 11 - (sum mod 11) = 10 has no digit: no last digit makes such a number valid
        for (int candidate = 10_000_000; candidate < 10_000_200; candidate++) {
            String first8 = Integer.toString(candidate);
            if (checkDigit(first8) == 10) {
                for (char last = '0'; last <= '9'; last++) {
                    assertFalse(OrganisationNumber.isValid(first8 + last), first8 + last);
                }
                return;
            }
        }
        throw new AssertionError("no prefix with check digit 10 found");
    }

    @Test
    void exactlyOneCheckDigitFitsAnyValidPrefix() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            String first8 = Integer.toString(10_000_000 + random.nextInt(89_999_999));
            int valid = 0;
            for (char last = '0'; last <= '9'; last++) {
                valid += OrganisationNumber.isValid(first8 + last) ? 1 : 0;
            }
            assertEquals(checkDigit(first8) == 10 ? 0 : 1, valid, first8);
        }
    }

    @Test
    void normalisingRemovesTheSpacesPeopleWrite() {
        assertEquals("934567897", OrganisationNumber.normalise("934 567 897"));
    }

    /** Independent reference: weights 3 2 7 6 5 4 3 2; 11 maps to 0. */
    static int checkDigit(String first8) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (first8.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** A random valid organisation number, for tests that need fresh ones. */
    public static String randomValid() {
        Random random = new Random();
        while (true) {
            String first8 = Integer.toString(10_000_000 + random.nextInt(89_999_999));
            int check = checkDigit(first8);
            if (check != 10) {
                return first8 + check;
            }
        }
    }
}
