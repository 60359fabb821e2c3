package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A person of the tenant with their current roles (the e-mail address only where the API shows it). */
@TemplateData
public record Person(UUID id, String name, String email, List<Role> roles) {

    public Person {
        roles = roles == null ? List.of() : roles;
    }

    /** One current membership: the role, at a school where it applies. */
    @TemplateData
    public record Role(UUID membershipId, String role, UUID schoolId, LocalDate startsOn, LocalDate endsOn) {

        public String roleKey() {
            return "role." + role;
        }
    }
}
