package no.ks.led.organisations.identity.service;

import static no.ks.led.organisations.identity.service.KeycloakAdmin.failure;
import static no.ks.led.organisations.identity.service.KeycloakAdmin.notFound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's users as the identity sync links them to the platform's people through the
 * {@code led_person_id} attribute. A user is linked only when Keycloak vouches for it: it carries
 * the person's id already, or its e-mail address is verified (never one a user typed and nobody
 * checked). Every operation looks before it changes, so applying it again does no harm.
 */
@ApplicationScoped
public class KeycloakUsers {

    /** The user attribute and token claim that carries the platform's personId. */
    public static final String PERSON_ID_ATTRIBUTE = "led_person_id";
    /** Keycloak's required action that has the person confirm their e-mail address by a link sent to it. */
    public static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class);

    private final Supplier<RealmResource> realm;

    @Inject
    KeycloakUsers(KeycloakAdmin admin) {
        this(admin::realm);
    }

    /** Users of the given realm (a test points it at another realm). */
    public KeycloakUsers(Supplier<RealmResource> realm) {
        this.realm = realm;
    }

    /** A person as the sync needs them: from the platform's person table. */
    public record PersonDetails(UUID id, String name, String email, String keycloakUserId) {
    }

    /**
     * The Keycloak user of the person: the one carrying their personId, else the one with their
     * verified e-mail address (then linked by setting the personId), else a new user without a
     * password (they log in through a broker or set one by e-mail). A user with the address that is
     * not verified is never linked: anyone could have typed it. A new user's address is not verified
     * either: the platform was told it by a coordinator, so the person verifies it at their first login
     * ({@link #VERIFY_EMAIL}); until then nothing links to that user by address. Answers the user's id.
     */
    public String ensureUser(PersonDetails person) {
        Optional<UserRepresentation> linked = findUser(person.id(), person.keycloakUserId());
        if (linked.isPresent()) {
            return linked.get().getId();
        }
        List<UserRepresentation> byEmail = realm().users().searchByEmail(person.email(), true);
        if (!byEmail.isEmpty()) {
            return link(byEmail.get(0), person.id());
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(person.email());
        user.setEmail(person.email());
        user.setEmailVerified(false);
        user.setRequiredActions(List.of(VERIFY_EMAIL));
        user.setEnabled(true);
        user.setFirstName(firstName(person.name()));
        user.setLastName(lastName(person.name()));
        user.setAttributes(Map.of(PERSON_ID_ATTRIBUTE, List.of(person.id().toString())));
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() == 201) {
                String location = response.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
            if (response.getStatus() != 409) {
                throw failure("creating the user of person " + person.id(), response);
            }
        }
        // 409: a user with this username or e-mail appeared meanwhile; link it
        List<UserRepresentation> again = realm().users().searchByEmail(person.email(), true);
        if (again.isEmpty()) {
            throw new IdentitySyncException("Keycloak refused a user for person " + person.id()
                    + ": the username is taken by a user with another e-mail address");
        }
        return link(again.get(0), person.id());
    }

    /** The user linked to the person: by the remembered user id if it still carries the personId, else by attribute. */
    public Optional<UserRepresentation> findUser(UUID personId, String knownUserId) {
        if (knownUserId != null) {
            try {
                UserRepresentation user = realm().users().get(knownUserId).toRepresentation();
                if (personId.toString().equals(user.firstAttribute(PERSON_ID_ATTRIBUTE))) {
                    return Optional.of(user);
                }
            } catch (WebApplicationException e) {
                if (!notFound(e)) {
                    throw e;
                }
                // deleted in Keycloak: look it up by the attribute
            }
        }
        // not brief: the brief representation leaves out the attributes checked below
        return realm().users().searchByAttributes(0, 2, null, false, PERSON_ID_ATTRIBUTE + ":" + personId).stream()
                .filter(u -> personId.toString().equals(u.firstAttribute(PERSON_ID_ATTRIBUTE)))
                .findFirst();
    }

    /** How many users have exactly this e-mail address. */
    public int usersWithEmail(String email) {
        return realm().users().searchByEmail(email, true).size();
    }

    private String link(UserRepresentation found, UUID personId) {
        UserResource resource = realm().users().get(found.getId());
        UserRepresentation user = resource.toRepresentation();
        String current = user.firstAttribute(PERSON_ID_ATTRIBUTE);
        if (personId.toString().equals(current)) {
            return user.getId();
        }
        if (current != null && !current.isBlank()) {
            throw new IdentitySyncException("Keycloak user " + user.getId() + " with the e-mail address of person "
                    + personId + " belongs to another person (" + current + ")");
        }
        if (!Boolean.TRUE.equals(user.isEmailVerified())) {
            throw new IdentitySyncException("Keycloak user " + user.getId() + " has the e-mail address of person "
                    + personId + " but not verified: not linked until the address is verified or the user removed");
        }
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
        attributes.put(PERSON_ID_ATTRIBUTE, List.of(personId.toString()));
        user.setAttributes(attributes);
        resource.update(user);
        return user.getId();
    }

    /** Disables the person's user and clears what it holds about them; the personId stays for the audit. */
    public void eraseUser(UUID personId, String knownUserId) {
        Optional<UserRepresentation> found = findUser(personId, knownUserId);
        if (found.isEmpty()) {
            return;
        }
        UserResource resource = realm().users().get(found.get().getId());
        UserRepresentation user = resource.toRepresentation();
        String erasedName = "erased-" + personId;
        if (!user.isEnabled() && (user.getEmail() == null || user.getEmail().isEmpty())) {
            return;
        }
        String username = user.getUsername();
        user.setEnabled(false);
        user.setUsername(erasedName);
        user.setEmail("");
        user.setEmailVerified(false);
        user.setFirstName("");
        user.setLastName("");
        user.setAttributes(Map.of(PERSON_ID_ATTRIBUTE, List.of(personId.toString())));
        try {
            resource.update(user);
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                throw e;
            }
            // A realm whose usernames cannot be edited (editUsernameAllowed false) refuses the new
            // username: erase the rest; the username (the e-mail address) goes when the user is deleted.
            LOG.warnf("Keycloak refused to rename the erased user %s; its username stays", user.getId());
            user.setUsername(username);
            resource.update(user);
        }
    }

    static String firstName(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? n : n.substring(0, space).strip();
    }

    static String lastName(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? "" : n.substring(space + 1);
    }

    private RealmResource realm() {
        return realm.get();
    }
}
