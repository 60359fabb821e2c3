package no.ks.led.organisations.identity.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.organisations.identity.IdentitySyncTask;
import no.ks.led.organisations.identity.service.KeycloakUsers.PersonDetails;
import no.ks.led.organisations.service.PlatformClock;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What one identity sync task means in Keycloak. People, memberships and engagements are read as they
 * are now, so a task applied late does what the platform's current state asks; each step checks
 * Keycloak before it changes anything, so a task applied a second time (after a crash between
 * Keycloak's answer and the commit) changes nothing.
 *
 * <p>An event naming a person or engagement this service never had (its events come from this database's
 * outbox, so only an event from elsewhere can) has nothing to do in Keycloak: it is logged and done, never
 * retried, because the tasks of a tenant are applied in order and a retried task holds up all of them.
 */
@ApplicationScoped
public class IdentityTaskApplier {

    private static final Logger LOG = Logger.getLogger(IdentityTaskApplier.class);

    private static final UUID NONE = new UUID(0, 0);

    @Inject
    KeycloakOrganizations organizations;

    @Inject
    KeycloakUsers users;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Config config;

    /**
     * Applies the task. Called outside a transaction: each read and write of the database runs in a
     * short one of its own (or joins the caller's), never around a call to Keycloak. Answers a warning
     * when the task is done but could not do all it asked (kept on the task as its last error), else null.
     */
    public String apply(IdentitySyncTask task) throws JsonProcessingException {
        switch (task.kind) {
            case "TenantOnboarded" -> {
                TenantOnboarded e = json.readValue(task.payload, TenantOnboarded.class);
                organizations.ensureOrganization(e.tenantId(), e.name(), e.organisationNumber());
                return linkIdentityProvider(e.tenantId(), TenantOnboardedV2.from(e).country());
            }
            case "TenantDeactivated" -> organizations.disableOrganization(
                    json.readValue(task.payload, TenantDeactivated.class).tenantId());
            case "MembershipGranted" -> membershipGranted(json.readValue(task.payload, MembershipGranted.class));
            case "MembershipEnded" -> membershipEnded(json.readValue(task.payload, MembershipEnded.class));
            case "EngagementStarted" -> engagementStarted(json.readValue(task.payload, EngagementStarted.class));
            case "EngagementEnded" -> engagementEnded(json.readValue(task.payload, EngagementEnded.class));
            case "PersonErased" -> {
                PersonErased e = json.readValue(task.payload, PersonErased.class);
                users.eraseUser(e.personId(), person(e.personId()).map(PersonDetails::keycloakUserId).orElse(null));
            }
            default -> throw new IdentitySyncException("Unknown identity sync task kind " + task.kind, true);
        }
        return null;
    }

    /**
     * Links the identity provider of the tenant's country ({@code led.tenant-identity-provider.<country>},
     * empty for none) to its organization. A realm without that provider holds up no onboarding: the task is done,
     * with a warning logged and kept on the task.
     */
    private String linkIdentityProvider(String tenant, String country) {
        Optional<String> provider = identityProviderOf(country);
        if (provider.isEmpty()) {
            return null;
        }
        Optional<KeycloakOrganizations.LinkedProvider> linked = organizations.ensureIdentityProvider(tenant, provider.get());
        String warning;
        if (linked.isEmpty()) {
            warning = "The realm has no identity provider " + provider.get() + " (configured for " + country
                    + "): organization " + tenant + " was created without it";
        } else if (linked.get().needsSecret()) {
            warning = "Identity provider " + linked.get().alias() + " (a copy of " + provider.get() + ", linked to "
                    + tenant + ") is disabled until a realm administrator gives it its client secret";
        } else {
            return null;
        }
        LOG.warnf("Identity sync: %s", warning);
        return warning;
    }

    /** The alias of the identity provider configured for the country, if any. */
    Optional<String> identityProviderOf(String country) {
        return config.getOptionalValue("led.tenant-identity-provider." + country, String.class)
                .map(String::strip).filter(alias -> !alias.isEmpty());
    }

    private void membershipGranted(MembershipGranted granted) {
        Optional<PersonDetails> person = person(granted.personId());
        if (person.isEmpty()) {
            nothingToDo("person", granted.personId());
            return;
        }
        if (erased(granted.personId())) {
            return;
        }
        ensureOrganizationExists(granted.tenantId());
        organizations.ensureMember(granted.tenantId(), ensureUser(person.get()));
    }

    private void membershipEnded(MembershipEnded ended) {
        removeUnlessKept(ended.personId(), ended.tenantId(), ended.membershipId(), NONE);
    }

    private void engagementStarted(EngagementStarted started) {
        List<UUID> consultants = started.consultantPersonId() != null ? List.of(started.consultantPersonId())
                : consultantsOf(started.consultancyId(), true);
        ensureOrganizationExists(started.tenantId());
        for (UUID consultant : consultants) {
            Optional<PersonDetails> person = person(consultant);
            if (person.isEmpty()) {
                nothingToDo("person", consultant);
                continue;
            }
            if (erased(consultant)) {
                continue;
            }
            organizations.ensureMember(started.tenantId(), ensureUser(person.get()));
        }
    }

    private void engagementEnded(EngagementEnded ended) {
        List<Object[]> rows = rows(() -> entityManager.createNativeQuery(
                "SELECT consultancy_id, consultant_person_id FROM engagement WHERE id = ?1")
                .setParameter(1, ended.engagementId()).getResultList());
        if (rows.isEmpty()) {
            nothingToDo("engagement", ended.engagementId());
            return;
        }
        String consultancy = (String) rows.get(0)[0];
        UUID named = (UUID) rows.get(0)[1];
        List<UUID> consultants = named != null ? List.of(named) : consultantsOf(consultancy, false);
        for (UUID consultant : consultants) {
            removeUnlessKept(consultant, ended.tenantId(), NONE, ended.engagementId());
        }
    }

    /** Removes the person from the organization unless another current membership or engagement keeps them there. */
    private void removeUnlessKept(UUID personId, String alias, UUID exceptMembership, UUID exceptEngagement) {
        if (keptIn(personId, alias, exceptMembership, exceptEngagement)) {
            return;
        }
        Optional<UserRepresentation> user = users.findUser(personId,
                person(personId).map(PersonDetails::keycloakUserId).orElse(null));
        user.ifPresent(u -> organizations.removeMember(alias, u.getId()));
    }

    boolean keptIn(UUID personId, String alias, UUID exceptMembership, UUID exceptEngagement) {
        Object kept = inTransaction(() -> entityManager.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM membership m
                               WHERE m.organisation_id = ?1 AND m.person_id = ?2 AND m.id <> ?3
                                 AND m.ended_at IS NULL AND NOT m.awaiting_confirmation
                                 AND (m.ends_on IS NULL OR m.ends_on >= ?5))
                    OR EXISTS (SELECT 1 FROM engagement e
                               WHERE e.tenant_id = ?1 AND e.id <> ?4
                                 AND e.ended_at IS NULL AND (e.ends_on IS NULL OR e.ends_on >= ?5)
                                 AND (e.consultant_person_id = ?2
                                      OR (e.consultant_person_id IS NULL AND EXISTS (
                                          SELECT 1 FROM membership c
                                          WHERE c.organisation_id = e.consultancy_id AND c.person_id = ?2
                                            AND c.role = 'consultant' AND c.ended_at IS NULL
                                            AND NOT c.awaiting_confirmation
                                            AND (c.ends_on IS NULL OR c.ends_on >= ?5)))))""")
                .setParameter(1, alias).setParameter(2, personId).setParameter(3, exceptMembership)
                .setParameter(4, exceptEngagement).setParameter(5, PlatformClock.today(alias))
                .getSingleResult());
        return Boolean.TRUE.equals(kept);
    }

    /** The consultancy's consultants: the current ones, or everyone who ever was one. */
    @SuppressWarnings("unchecked")
    private List<UUID> consultantsOf(String consultancy, boolean currentOnly) {
        return (List<UUID>) inTransaction(() -> entityManager.createNativeQuery("""
                SELECT DISTINCT person_id FROM membership
                WHERE organisation_id = ?1 AND role = 'consultant' AND NOT awaiting_confirmation
                  AND (NOT ?2 OR (ended_at IS NULL AND (ends_on IS NULL OR ends_on >= ?3)))""")
                .setParameter(1, consultancy).setParameter(2, currentOnly)
                .setParameter(3, PlatformClock.today())
                .getResultList());
    }

    /** The Keycloak user of the person, found, linked or created; remembered on the person. */
    private String ensureUser(PersonDetails person) {
        String userId = users.ensureUser(person);
        if (!userId.equals(person.keycloakUserId())) {
            inTransaction(() -> entityManager.createNativeQuery("UPDATE person SET keycloak_user_id = ?1 WHERE id = ?2")
                    .setParameter(1, userId).setParameter(2, person.id()).executeUpdate());
        }
        return userId;
    }

    /** Creates a consultancy's organization on first use: consultancies have no onboarding event. */
    private void ensureOrganizationExists(String alias) {
        if (organizations.organization(alias).isPresent()) {
            return;
        }
        List<Object[]> rows = rows(() -> entityManager.createNativeQuery("""
                SELECT name, org_number FROM tenant WHERE slug = ?1
                UNION ALL
                SELECT name, org_number FROM consultancy WHERE slug = ?1""")
                .setParameter(1, alias).getResultList());
        if (rows.isEmpty()) {
            throw new IdentitySyncException("No tenant or consultancy " + alias);
        }
        organizations.ensureOrganization(alias, (String) rows.get(0)[0], ((String) rows.get(0)[1]).strip());
    }

    private static void nothingToDo(String what, UUID id) {
        LOG.warnf("Identity sync: no %s %s in this service, nothing to do in Keycloak", what, id);
    }

    private Optional<PersonDetails> person(UUID id) {
        List<Object[]> rows = rows(() -> entityManager.createNativeQuery(
                "SELECT name, email, keycloak_user_id FROM person WHERE id = ?1")
                .setParameter(1, id).getResultList());
        return rows.stream().findFirst()
                .map(r -> new PersonDetails(id, (String) r[0], (String) r[1], (String) r[2]));
    }

    private boolean erased(UUID id) {
        return !rows(() -> entityManager.createNativeQuery("SELECT 1 FROM person WHERE id = ?1 AND erased_at IS NOT NULL")
                .setParameter(1, id).getResultList()).isEmpty();
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.joiningExisting().call(work);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(Callable<List<?>> query) {
        return (List<T>) inTransaction(query);
    }
}
