package no.ks.led.organisations.identity.service;

import static no.ks.led.organisations.identity.service.KeycloakAdmin.failure;
import static no.ks.led.organisations.identity.service.KeycloakAdmin.notFound;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * Keycloak's organizations (one per tenant and consultancy) and their members, as the identity sync
 * changes them. Every operation first looks at what Keycloak holds and changes only what differs, so
 * applying the same change again does no harm. Failures are thrown as they are; the caller retries.
 */
@ApplicationScoped
public class KeycloakOrganizations {

    static final String ORG_NUMBER_ATTRIBUTE = "orgNumber";
    private static final int PAGE = 100;

    @Inject
    KeycloakAdmin admin;

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

    private RealmResource realm() {
        return admin.realm();
    }
}
