package no.ks.led.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.surveys.service.Responding;

/** Test steps: a respondent saves a draft and submits it through {@link Responding}, as the routes do. */
public final class Submitting {

    private Submitting() {
    }

    /** Saves the answers as the person's draft and submits it with a new Idempotency-Key. */
    public static void saveAndSubmit(SurveyRound round, UUID person, List<Answer> answers) {
        Responding responding = Arc.container().instance(Responding.class).get();
        responding.saveDraft(round, person, answers);
        responding.submit(round.tenantId, round.id, grantOf(round, person), UUID.randomUUID().toString());
    }

    /** The person's grant in the round's tenant today, as the routes find it for the caller. */
    static Grant grantOf(SurveyRound round, UUID person) {
        AccessReplica replica = Arc.container().instance(AccessReplica.class).get();
        TenantZones zones = Arc.container().instance(TenantZones.class).get();
        return QuarkusTransaction.requiringNew().call(
                () -> replica.grantFor(person, round.tenantId, LocalDate.now(zones.of(round.tenantId))));
    }
}
