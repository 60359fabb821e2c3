package no.ks.led.organisations;

import java.util.ArrayList;
import java.util.List;

import no.ks.led.foundation.access.Country;
import no.ks.led.foundation.problem.Problem;

/**
 * Each country's rules for the numbers that identify an owner and its schools: in Norway the organisation
 * number (nine digits, modulus 11) of owner and school and an optional municipality or county number; in
 * Denmark the owner's CVR number and its kommune number (three digits), and each school's institution number
 * (six digits). Each rule names the field it refuses.
 */
public final class NationalIdentifiers {

    private NationalIdentifiers() {
    }

    /** Whether the text is a Danish institution number (institutionsnummer): six digits. */
    public static boolean isInstitutionNumber(String number) {
        return number != null && number.matches("[0-9]{6}");
    }

    /** Whether the text is a Danish kommune number: three digits. */
    public static boolean isKommuneNumber(String number) {
        return number != null && number.matches("[0-9]{3}");
    }

    /** What is wrong with an owner's numbers for its country; empty when nothing is. */
    public static List<Problem.Violation> ofOwner(Country country, String organisationNumber, String municipalityNumber) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (country == Country.DK) {
            if (organisationNumber != null && !CvrNumber.isValid(organisationNumber)) {
                violations.add(new Problem.Violation("organisationNumber",
                        "must be a CVR number: eight digits with a valid modulus-11 check"));
            }
            if (!isKommuneNumber(municipalityNumber)) {
                violations.add(new Problem.Violation("municipalityNumber", "must be a Danish kommune number of 3 digits"));
            }
        } else if (organisationNumber != null && !OrganisationNumber.isValid(organisationNumber)) {
            violations.add(new Problem.Violation("organisationNumber", "must be nine digits with a valid check digit"));
        }
        return violations;
    }

    /**
     * What is wrong with a school's number and kind for its tenant's country: a Norwegian school has an
     * organisation number and no institution number, a Danish one the other way round; the kind is the country's.
     */
    public static List<Problem.Violation> ofSchool(Country country, String organisationNumber, String institutionNumber,
            String kind) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (country == Country.DK) {
            if (organisationNumber != null) {
                violations.add(new Problem.Violation("organisationNumber",
                        "a Danish school has an institution number instead"));
            }
            if (!isInstitutionNumber(institutionNumber)) {
                violations.add(new Problem.Violation("institutionNumber", "must be a Danish institution number of 6 digits"));
            }
        } else {
            if (institutionNumber != null) {
                violations.add(new Problem.Violation("institutionNumber",
                        "a Norwegian school has an organisation number instead"));
            }
            if (!OrganisationNumber.isValid(organisationNumber)) {
                violations.add(new Problem.Violation("organisationNumber", "must be nine digits with a valid check digit"));
            }
        }
        violations.addAll(ofSchoolKind(country, kind));
        return violations;
    }

    /** What is wrong with a school's kind for its tenant's country. */
    public static List<Problem.Violation> ofSchoolKind(Country country, String kind) {
        if (kind != null && SchoolKind.fromCode(kind).map(SchoolKind::country).filter(c -> c == country).isEmpty()) {
            return List.of(new Problem.Violation("kind", "must be " + SchoolKind.codesOf(country)));
        }
        return List.of();
    }
}
