package no.ks.led.funding.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Check 7's number rules: case numbers normalised, organisation and account numbers mod-11 checked. */
class NumbersTest {

    @Test
    void aCaseNumberLosesItsDocumentSuffix() {
        assertEquals("21/12345", CaseNumber.normalised("21/12345-1"));
        assertEquals("21/12345", CaseNumber.normalised(" 21/12345 "));
        assertNull(CaseNumber.normalised("2021-12345"));
        assertNull(CaseNumber.normalised("21/"));
    }

    @Test
    void anOrganisationNumberNeedsItsCheckDigit() {
        assertTrue(OrganisationNumber.isValid("934567897"));
        assertFalse(OrganisationNumber.isValid("934567898"));
        assertFalse(OrganisationNumber.isValid("93456789"));
        assertFalse(OrganisationNumber.isValid("93456789x"));
    }

    @Test
    void anAccountNumberNeedsItsCheckDigitAndMayHaveDots() {
        assertTrue(AccountNumber.isValid("1503.12.34562"));
        assertEquals("15031234562", AccountNumber.normalised("1503 12 34562"));
        assertFalse(AccountNumber.isValid("1503.12.34563"));
        assertFalse(AccountNumber.isValid("1503.12.3456"));
    }
}
