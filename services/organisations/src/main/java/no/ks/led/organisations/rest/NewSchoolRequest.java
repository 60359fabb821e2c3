package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.organisations.SchoolKind;

/**
 * A coordinator's request to add a school to their tenant: a Norwegian school with its organisation number, a
 * Danish one with its institution number (checked against the tenant's country by {@code NationalIdentifiers}).
 */
public record NewSchoolRequest(
        @NotBlank @Size(max = 200) String name,
        @ValidOrganisationNumber String organisationNumber,
        @Pattern(regexp = "[0-9]{6}", message = "must be a Danish institution number of 6 digits") String institutionNumber,
        @NotBlank @Pattern(regexp = SchoolKind.PATTERN, message = "must be one of " + SchoolKind.PATTERN) String kind,
        @NotNull Boolean hasLeadershipTeam) {
}
