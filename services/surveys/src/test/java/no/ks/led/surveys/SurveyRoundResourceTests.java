package no.ks.led.surveys;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.TenantIsolationTests;

/** The tenant-scoped list of survey rounds against the real database and realm: each tenant sees only its own rows. */
@QuarkusTest
class SurveyRoundResourceTests extends TenantIsolationTests {

    @Inject
    EntityManager entityManager;

    @Override
    protected String listPath(String tenant) {
        return "/api/tenants/" + tenant + "/survey-rounds";
    }

    @Override
    protected String fjordvikMember() {
        return "fjordvik.leader";
    }

    @Override
    protected UUID insert(String tenant) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO survey_round (id, tenant_id, title, mode, opens_on, closes_on, instrument_version) VALUES (?1, ?2, 'Ståstedsanalyse våren 2027', 'team', DATE '2027-02-01', DATE '2027-03-01', 1)")
                .setParameter(1, id).setParameter(2, tenant).executeUpdate());
        return id;
    }
}
