package no.ks.led.foundation.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The demo organisations and people of the local dev realm ({@code led/demo-directory.json}): the
 * same users as {@code deploy/local/realm/led-realm.json}, whose {@code led_person_id} attributes are
 * the ids here. The organisations service loads it when {@code led.demo-data.enabled=true} (local runs
 * and tests); tests of other services publish its access events. Production never loads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoDirectory(List<Tenant> tenants, List<Consultancy> consultancies, List<School> schools,
        List<Person> people, List<Membership> memberships, List<Engagement> engagements) {

    public static final String RESOURCE = "/led/demo-directory.json";

    public record Tenant(String slug, String name, String kind, String organisationNumber, String municipalityNumber) {
    }

    public record Consultancy(String slug, String name, String organisationNumber) {
    }

    public record School(UUID id, String tenantId, String name, String organisationNumber, String kind,
            boolean hasLeadershipTeam) {
    }

    public record Person(UUID id, String username, String name, String email) {
    }

    public record Membership(UUID id, String tenantId, UUID personId, String role, UUID schoolId, LocalDate startsOn,
            LocalDate endsOn) {
    }

    public record Engagement(UUID id, String tenantId, String consultancyId, UUID consultantPersonId,
            List<UUID> schoolIds, LocalDate startsOn, LocalDate endsOn) {
    }

    /** Reads the directory from the class path. */
    public static DemoDirectory load() {
        try (InputStream in = DemoDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(in, DemoDirectory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The demo person with this user name. */
    public Person person(String username) {
        return people.stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo person " + username));
    }
}
