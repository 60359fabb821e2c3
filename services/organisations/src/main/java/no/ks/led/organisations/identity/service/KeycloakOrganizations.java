package no.ks.led.organisations.identity.service;

import static no.ks.led.organisations.identity.service.KeycloakAdmin.failure;
import static no.ks.led.organisations.identity.service.KeycloakAdmin.notFound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * Keycloak's organizations (one per tenant and consultancy) and their members, as the identity sync
 * changes them. Every operation first looks at what Keycloak holds and changes only what differs, so
 * applying the same change again does no harm. Failures are thrown as they are; the caller retries.
 */
@ApplicationScoped
public class KeycloakOrganizations {

    static final String ORG_NUMBER_ATTRIBUTE = "orgNumber";
    private static final String CLIENT_ID = "clientId";
    private static final String CLIENT_SECRET = "clientSecret";
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

    /**
     * Links the realm's identity provider to the organization unless the organization has it (or its own copy of
     * it) already; answers the alias linked, or nothing when the realm has no such provider. Keycloak links a
     * provider to one organization at most: when another organization has it (the dev realm's {@code norddal} has
     * {@code danish-login}), this organization gets its own copy, {@code <provider>-<organization>}, with the
     * provider's settings and mappers, the same client, and no e-mail domain of the other organization. Keycloak
     * never shows a stored client secret (only a vault reference, {@code ${vault.…}}, as production should use):
     * a copy of a provider with a plain secret is made disabled and without a secret, for a realm administrator
     * to complete ({@link LinkedProvider#needsSecret()}).
     */
    public Optional<LinkedProvider> ensureIdentityProvider(String alias, String providerAlias) {
        OrganizationRepresentation org = organization(alias)
                .orElseThrow(() -> new IdentitySyncException("Keycloak has no organization " + alias + " yet"));
        String ownCopy = providerAlias + "-" + alias;
        List<String> linked = linkedProviders(org);
        if (linked.contains(providerAlias)) {
            return Optional.of(new LinkedProvider(providerAlias, false));
        }
        if (linked.contains(ownCopy)) {
            return Optional.of(new LinkedProvider(ownCopy, lacksSecret(identityProvider(ownCopy).orElseThrow())));
        }
        Optional<IdentityProviderRepresentation> provider = identityProvider(providerAlias);
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        String linking = providerAlias;
        boolean needsSecret = false;
        if (provider.get().getOrganizationId() != null) {
            linking = ownCopy;
            if (identityProvider(ownCopy).isEmpty()) {
                copyIdentityProvider(provider.get(), ownCopy);
            }
            ensureMappers(providerAlias, ownCopy);
            needsSecret = lacksSecret(identityProvider(ownCopy).orElseThrow());
        }
        try (Response response = realm().organizations().get(org.getId()).identityProviders().addIdentityProvider(linking)) {
            // 409: linked meanwhile
            if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw failure("linking identity provider " + linking + " to organization " + alias, response);
            }
        }
        return Optional.of(new LinkedProvider(linking, needsSecret));
    }

    /** The provider linked to an organization; {@code needsSecret} when it is a copy still waiting for its client secret. */
    public record LinkedProvider(String alias, boolean needsSecret) {
    }

    private static boolean lacksSecret(IdentityProviderRepresentation provider) {
        Map<String, String> config = provider.getConfig() == null ? Map.of() : provider.getConfig();
        return !provider.isEnabled() && config.getOrDefault(CLIENT_SECRET, "").isEmpty()
                && config.containsKey(CLIENT_ID);
    }

    /** The aliases of the identity providers linked to the organization (none if there is no such organization). */
    public List<String> identityProviders(String alias) {
        return organization(alias).map(this::linkedProviders).orElse(List.of());
    }

    private List<String> linkedProviders(OrganizationRepresentation org) {
        return realm().organizations().get(org.getId()).identityProviders().getIdentityProviders().stream()
                .map(IdentityProviderRepresentation::getAlias).toList();
    }

    private Optional<IdentityProviderRepresentation> identityProvider(String alias) {
        try {
            return Optional.of(realm().identityProviders().get(alias).toRepresentation());
        } catch (WebApplicationException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void copyIdentityProvider(IdentityProviderRepresentation template, String alias) {
        IdentityProviderRepresentation copy = new IdentityProviderRepresentation();
        copy.setAlias(alias);
        copy.setDisplayName(template.getDisplayName());
        copy.setProviderId(template.getProviderId());
        copy.setEnabled(template.isEnabled());
        copy.setTrustEmail(template.isTrustEmail());
        copy.setStoreToken(template.isStoreToken());
        copy.setAddReadTokenRoleOnCreate(template.isAddReadTokenRoleOnCreate());
        copy.setAuthenticateByDefault(template.isAuthenticateByDefault());
        copy.setLinkOnly(template.isLinkOnly());
        copy.setHideOnLogin(template.isHideOnLogin());
        copy.setFirstBrokerLoginFlowAlias(template.getFirstBrokerLoginFlowAlias());
        copy.setPostBrokerLoginFlowAlias(template.getPostBrokerLoginFlowAlias());
        Map<String, String> config = new HashMap<>(template.getConfig() == null ? Map.of() : template.getConfig());
        // The other organization's e-mail domain and redirect are that organization's own.
        config.keySet().removeIf(key -> key.startsWith("kc.org."));
        String secret = config.getOrDefault(CLIENT_SECRET, "");
        if (!secret.isEmpty() && !secret.startsWith("${vault.")) {
            // Keycloak answered a stored secret's mask, never the secret: the copy waits for it, disabled.
            config.remove(CLIENT_SECRET);
            copy.setEnabled(false);
        }
        copy.setConfig(config);
        try (Response response = realm().identityProviders().create(copy)) {
            // 409: created meanwhile
            if (response.getStatus() >= 300 && response.getStatus() != 409) {
                throw failure("creating identity provider " + alias, response);
            }
        }
    }

    /** Gives the copy each of the template's mappers it lacks (by name), so a copy left half-made is completed. */
    private void ensureMappers(String template, String alias) {
        List<String> present = realm().identityProviders().get(alias).getMappers().stream()
                .map(IdentityProviderMapperRepresentation::getName).toList();
        for (IdentityProviderMapperRepresentation mapper : realm().identityProviders().get(template).getMappers()) {
            if (present.contains(mapper.getName())) {
                continue;
            }
            IdentityProviderMapperRepresentation own = new IdentityProviderMapperRepresentation();
            own.setName(mapper.getName());
            own.setIdentityProviderAlias(alias);
            own.setIdentityProviderMapper(mapper.getIdentityProviderMapper());
            own.setConfig(mapper.getConfig());
            try (Response response = realm().identityProviders().get(alias).addMapper(own)) {
                if (response.getStatus() >= 300 && response.getStatus() != 409) {
                    throw failure("adding mapper " + mapper.getName() + " to identity provider " + alias, response);
                }
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
