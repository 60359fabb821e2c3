package no.ks.led.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.problem.Problem;
import org.junit.jupiter.api.Test;

class NationalIdentifiersTest {

    @Test
    void aDanishOwnerHasACvrNumberAndAThreeDigitKommuneNumber() {
        assertEquals(List.of(), fields(NationalIdentifiers.ofOwner(Country.DK, "64942212", "101")));
        assertEquals(List.of("organisationNumber"), fields(NationalIdentifiers.ofOwner(Country.DK, "934567897", "101")));
        assertEquals(List.of("organisationNumber"), fields(NationalIdentifiers.ofOwner(Country.DK, "64942213", "101")));
        assertEquals(List.of("municipalityNumber"), fields(NationalIdentifiers.ofOwner(Country.DK, "64942212", null)));
        assertEquals(List.of("municipalityNumber"), fields(NationalIdentifiers.ofOwner(Country.DK, "64942212", "1010")));
    }

    @Test
    void aNorwegianOwnerHasANorwegianOrganisationNumber() {
        assertEquals(List.of(), fields(NationalIdentifiers.ofOwner(Country.NO, "934567897", null)));
        assertEquals(List.of("organisationNumber"), fields(NationalIdentifiers.ofOwner(Country.NO, "64942212", null)));
    }

    @Test
    void aDanishSchoolHasAnInstitutionNumberAndADanishKind() {
        assertEquals(List.of(), fields(NationalIdentifiers.ofSchool(Country.DK, null, "280001", "folkeskole")));
        for (String kind : List.of("specialskole", "ungdomsskole", "10-klassecenter")) {
            assertEquals(List.of(), fields(NationalIdentifiers.ofSchool(Country.DK, null, "280001", kind)), kind);
        }
        assertEquals(List.of("institutionNumber"), fields(NationalIdentifiers.ofSchool(Country.DK, null, "28001", "folkeskole")));
        assertEquals(List.of("organisationNumber", "institutionNumber"),
                fields(NationalIdentifiers.ofSchool(Country.DK, "974123452", null, "folkeskole")));
        assertEquals(List.of("kind"), fields(NationalIdentifiers.ofSchool(Country.DK, null, "280001", "grunnskole")));
    }

    @Test
    void aNorwegianSchoolHasAnOrganisationNumberAndANorwegianKind() {
        assertEquals(List.of(), fields(NationalIdentifiers.ofSchool(Country.NO, "974123452", null, "grunnskole")));
        assertEquals(List.of("institutionNumber"), fields(NationalIdentifiers.ofSchool(Country.NO, "974123452", "280001", "grunnskole")));
        assertEquals(List.of("organisationNumber"), fields(NationalIdentifiers.ofSchool(Country.NO, null, null, "videregaende")));
        for (String kind : List.of("folkeskole", "specialskole", "ungdomsskole", "10-klassecenter")) {
            assertEquals(List.of("kind"), fields(NationalIdentifiers.ofSchool(Country.NO, "974123452", null, kind)), kind);
        }
    }

    @Test
    void anInstitutionNumberIsExactlySixDigits() {
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            String six = String.format("%06d", random.nextInt(1_000_000));
            assertTrue(NationalIdentifiers.isInstitutionNumber(six), six);
            assertFalse(NationalIdentifiers.isInstitutionNumber(six.substring(1)), six);
            assertFalse(NationalIdentifiers.isInstitutionNumber(six + random.nextInt(10)), six);
            assertFalse(NationalIdentifiers.isInstitutionNumber(six.substring(0, 5) + "x"), six);
        }
        assertFalse(NationalIdentifiers.isInstitutionNumber(null));
    }

    @Test
    void everyKindBelongsToOneCountry() {
        assertEquals("grunnskole or videregaende", SchoolKind.codesOf(Country.NO));
        assertEquals("folkeskole, specialskole, ungdomsskole or 10-klassecenter", SchoolKind.codesOf(Country.DK));
        for (SchoolKind kind : SchoolKind.values()) {
            assertTrue(kind.code().matches(SchoolKind.PATTERN), kind.code());
        }
    }

    private static List<String> fields(List<Problem.Violation> violations) {
        return violations.stream().map(Problem.Violation::field).toList();
    }
}
