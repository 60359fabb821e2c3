package no.ks.led.funding;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.TenantIsolationTests;

/** The tenant-scoped list of funding applications against the real database and realm: each tenant sees only its own rows. */
@QuarkusTest
class FundingApplicationResourceTests extends TenantIsolationTests {

    @Inject
    EntityManager entityManager;

    @Override
    protected String listPath(String tenant) {
        return "/api/tenants/" + tenant + "/funding-applications";
    }

    @Override
    protected UUID insert(String tenant) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO funding_application (id, tenant_id, title, status, policy_id, policy_version, requested_ore) VALUES (?1, ?2, 'Ledersamling mars', 'draft', 'ou-2024', 1, 1800000)")
                .setParameter(1, id).setParameter(2, tenant).executeUpdate());
        return id;
    }
}
