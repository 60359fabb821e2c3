package no.ks.led.organisations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.foundation.access.TenantZones;

/**
 * KS's request to onboard a school owner. The organisation number is the country's (a CVR number for a
 * {@code dansk-kommune}, which must also have its three-digit kommune number), checked by {@code NationalIdentifiers}.
 */
@ValidOwnerNumbers
public record TenantOnboardingRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "kommune|fylkeskommune|dansk-kommune", message = "must be kommune, fylkeskommune or dansk-kommune") String kind,
        @NotBlank @Size(max = 20) String organisationNumber,
        @Pattern(regexp = "[0-9]{2,4}", message = "must be a municipality or county number of 2-4 digits") String municipalityNumber,
        @Pattern(regexp = TenantZones.PLATFORM_DEFAULT_ID + "|Europe/Copenhagen",
                message = "must be " + TenantZones.PLATFORM_DEFAULT_ID + " or Europe/Copenhagen") String timeZone,
        @Pattern(regexp = "nb|nn|da|en", message = "must be nb, nn, da or en") String language) {
}
