package no.ks.led.organisations.identity.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.jackson.runtime.serialisers.ClientJacksonMessageBodyWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import no.ks.led.organisations.identity.IdentitySyncConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.impl.ClientBuilderImpl;
import org.jboss.resteasy.reactive.server.jackson.JacksonBasicMessageBodyReader;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's organizations and users as the identity sync changes them. Every operation first looks
 * at what Keycloak holds and changes only what differs, so applying the same change again does no harm.
 * Failures (Keycloak down, slow or refusing) are thrown as they are; the caller retries.
 */
@ApplicationScoped
public class KeycloakDirectory {

    /** The user attribute and token claim that carries the platform's personId. */
    public static final String PERSON_ID_ATTRIBUTE = "led_person_id";
    static final String ORG_NUMBER_ATTRIBUTE = "orgNumber";
    private static final int PAGE = 100;
    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    String serverUrl;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret")
    String clientSecret;

    @Inject
    IdentitySyncConfig config;

    private Keycloak keycloak;

    /** A person as the sync needs them: from the platform's person table. */
    public record PersonDetails(UUID id, String name, String email, String keycloakUserId) {
    }

    // ------------------------------------------------------------------ organizations

    /** Creates the organization unless one with the alias exists; answers its id. */
    public String ensureOrganization(String alias, String name, String orgNumber) {
        Optional<OrganizationRepresentation> existing = organization(alias);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(alias);
        org.setName(name);
        org.setEnabled(true);
        if (orgNumber != null) {
            org.setAttributes(Map.of(ORG_NUMBER_ATTRIBUTE, List.of(orgNumber)));
        }
        try (Response response = realm().organizations().create(org)) {
            // 409: created meanwhile by someone else, or another organization has the name
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw failure("creating organization " + alias, response);
            }
        }
        Optional<OrganizationRepresentation> created = organization(alias);
        if (created.isPresent()) {
            return created.get().getId();
        }
        // Keycloak wants unique names, the platform does not (there are two Herøy kommune): add the alias.
        org.setName(name + " (" + alias + ")");
        try (Response response = realm().organizations().create(org)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw failure("creating organization " + alias, response);
            }
        }
        return organization(alias)
                .orElseThrow(() -> new IdentitySyncException("Keycloak refused organization " + alias))
                .getId();
    }

    /** Disables the organization if it exists and is enabled. */
    public void disableOrganization(String alias) {
        Optional<OrganizationRepresentation> found = organization(alias);
        if (found.isEmpty()) {
            return;
        }
        OrganizationResource resource = realm().organizations().get(found.get().getId());
        OrganizationRepresentation org = resource.toRepresentation();
        if (!org.isEnabled()) {
            return;
        }
        org.setEnabled(false);
        try (Response response = resource.update(org)) {
            if (response.getStatus() >= 300) {
                throw failure("disabling organization " + alias, response);
            }
        }
    }

    /** The organization with the alias, if Keycloak has one. */
    public Optional<OrganizationRepresentation> organization(String alias) {
        for (int first = 0;; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            for (OrganizationRepresentation org : page) {
                if (alias.equals(org.getAlias())) {
                    return Optional.of(org);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    /** How many organizations have the alias (Keycloak keeps aliases unique: 0 or 1). */
    public long organizationCount(String alias) {
        long count = 0;
        for (int first = 0;; first += PAGE) {
            List<OrganizationRepresentation> page = realm().organizations().list(first, PAGE);
            count += page.stream().filter(org -> alias.equals(org.getAlias())).count();
            if (page.size() < PAGE) {
                return count;
            }
        }
    }

    /** Whether the organization with the alias exists and is enabled. */
    public boolean organizationEnabled(String alias) {
        return organization(alias)
                .map(org -> realm().organizations().get(org.getId()).toRepresentation().isEnabled())
                .orElse(false);
    }

    /** How many users have exactly this e-mail address. */
    public int usersWithEmail(String email) {
        return realm().users().searchByEmail(email, true).size();
    }

    /** Makes the user a member of the organization (unmanaged: the platform, not a broker, owns it). */
    public void ensureMember(String alias, String userId) {
        OrganizationRepresentation org = organization(alias)
                .orElseThrow(() -> new IdentitySyncException("Keycloak has no organization " + alias + " yet"));
        OrganizationResource resource = realm().organizations().get(org.getId());
        if (isMember(resource, userId)) {
            return;
        }
        try (Response response = resource.members().addMember(userId)) {
            if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw failure("adding user " + userId + " to organization " + alias, response);
            }
        }
    }

    /** Removes the user from the organization if they are a member. */
    public void removeMember(String alias, String userId) {
        Optional<OrganizationRepresentation> org = organization(alias);
        if (org.isEmpty()) {
            return;
        }
        OrganizationResource resource = realm().organizations().get(org.get().getId());
        if (!isMember(resource, userId)) {
            return;
        }
        try (Response response = resource.members().removeMember(userId)) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                throw failure("removing user " + userId + " from organization " + alias, response);
            }
        }
    }

    /** Whether the user is a member of the organization with the alias. */
    public boolean isMember(String alias, String userId) {
        return organization(alias)
                .map(org -> isMember(realm().organizations().get(org.getId()), userId))
                .orElse(false);
    }

    private static boolean isMember(OrganizationResource org, String userId) {
        try {
            return org.members().member(userId).toRepresentation() != null;
        } catch (WebApplicationException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ users

    /**
     * The Keycloak user of the person: the one carrying their personId, else the one with their e-mail
     * address (then linked by setting the personId), else a new user without a password (they log in
     * through a broker or set one by e-mail). Answers the user's id.
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
        user.setEmailVerified(true);
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

    // ------------------------------------------------------------------ the client

    private synchronized RealmResource realm() {
        if (keycloak == null) {
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(serverUrl)
                    .realm(realm)
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .resteasyClient(httpClient())
                    .build();
        }
        return keycloak.realm(realm);
    }

    /**
     * The extension's client has no timeouts, so a hanging Keycloak would hold a task (and its row
     * lock) for long; this one is built the same way, with short timeouts.
     */
    private jakarta.ws.rs.client.Client httpClient() {
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ClientBuilderImpl builder = (ClientBuilderImpl) ClientBuilder.newBuilder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<String> json = List.of("application/json");
        builder.registerMessageBodyReader(new JacksonBasicMessageBodyReader(mapper), Object.class, json, true, 4900);
        builder.registerMessageBodyWriter(new ClientJacksonMessageBodyWriter(mapper), Object.class, json, true, 5100);
        return builder.build();
    }

    /**
     * Forgets the client and its token, so the next call starts afresh (after Keycloak was away). The
     * old client is closed a little later: another thread may still be waiting for its answer.
     */
    public synchronized void reset() {
        if (keycloak != null) {
            Keycloak old = keycloak;
            keycloak = null;
            CompletableFuture.delayedExecutor(config.readTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> closeQuietly(old));
        }
    }

    private static void closeQuietly(Keycloak client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            // closing a client whose server is gone may fail; it is dropped either way
        }
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            closeQuietly(keycloak);
            keycloak = null;
        }
    }

    /** The REST client reports a 404 as a plain WebApplicationException, not always as NotFoundException. */
    private static boolean notFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    private static IdentitySyncException failure(String what, Response response) {
        String body = "";
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            // the status says enough
        }
        if (body.length() > 300) {
            body = body.substring(0, 300);
        }
        return new IdentitySyncException("Keycloak answered " + response.getStatus() + " when " + what
                + (body.isBlank() ? "" : ": " + body));
    }

    /** What Keycloak refused, said without personal data. */
    public static class IdentitySyncException extends RuntimeException {

        private final boolean permanent;

        public IdentitySyncException(String message) {
            this(message, false);
        }

        /** A permanent failure will not go away by waiting: the task is marked failed at once. */
        public IdentitySyncException(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
