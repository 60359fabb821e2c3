package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coordinator's request to add a school to their tenant. */
public record NewSchoolRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidOrganisationNumber String organisationNumber,
        @NotBlank @Pattern(regexp = "grunnskole|videregaende", message = "must be grunnskole or videregaende") String kind,
        @NotNull Boolean hasLeadershipTeam) {
}
