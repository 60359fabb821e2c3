package no.ks.led.foundation.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The format of the demo organisations and people of the local dev realm: the same users as
 * {@code deploy/local/realm/led-realm.json}, whose {@code led_person_id} attributes are the ids here.
 * The data itself is not in any jar: it is {@code deploy/local/demo/demo-directory.json}, which the
 * local stack, e2e and the bench pass to the organisations service ({@code LED_DEMO_DATA_FILE}, read
 * only when {@code LED_DEMO_DATA_ENABLED=true}); tests of other services publish its access events.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoDirectory(List<Tenant> tenants, List<Consultancy> consultancies, List<School> schools,
        List<Person> people, List<Membership> memberships, List<Engagement> engagements) {

    /** Where the demo directory lives in the repository. */
    public static final String REPOSITORY_PATH = "deploy/local/demo/demo-directory.json";

    public record Tenant(String slug, String name, String kind, String organisationNumber, String municipalityNumber) {
    }

    public record Consultancy(String slug, String name, String organisationNumber) {
    }

    /** A school: a Norwegian one with its organisation number, a Danish one with its institution number. */
    public record School(UUID id, String tenantId, String name, String organisationNumber, String institutionNumber,
            String kind, boolean hasLeadershipTeam) {
    }

    public record Person(UUID id, String username, String name, String email) {
    }

    /** A role, with the person's own job title beside it where the directory gives one. */
    public record Membership(UUID id, String tenantId, UUID personId, String role, UUID schoolId, String title,
            LocalDate startsOn, LocalDate endsOn) {
    }

    public record Engagement(UUID id, String tenantId, String consultancyId, UUID consultantPersonId,
            List<UUID> schoolIds, LocalDate startsOn, LocalDate endsOn) {
    }

    /** Reads the directory from a file. */
    public static DemoDirectory load(Path file) {
        try {
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(Files.readAllBytes(file),
                    DemoDirectory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo directory " + file.toAbsolutePath(), e);
        }
    }

    /** The demo person with this user name. */
    public Person person(String username) {
        return people.stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo person " + username));
    }
}
