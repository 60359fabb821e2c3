package no.ks.led.organisations.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.ks.led.organisations.SchoolKind;

/** A change to a school; a field left out (or null) stays as it is. */
public record SchoolChangeRequest(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = SchoolKind.PATTERN, message = "must be one of " + SchoolKind.PATTERN) String kind,
        Boolean hasLeadershipTeam) {
}
