package no.ks.led.organisations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.organisations.service.DemoData;
import org.junit.jupiter.api.Test;

/** The demo directory, loaded at start in tests, with its fixed ids and its events. */
@QuarkusTest
class DemoDataTests {

    @Inject
    EntityManager em;

    @Inject
    DemoData demoData;

    @Test
    void everythingOfTheDirectoryIsThereWithItsIdsAndEvents() {
        for (var p : Demo.DIRECTORY.people()) {
            assertEquals(1, Demo.count(em, "SELECT count(*) FROM person WHERE id = CAST(?1 AS uuid) AND email = ?2",
                    p.id().toString(), p.email()), p.username());
        }
        for (var m : Demo.DIRECTORY.memberships()) {
            assertEquals(1, Demo.events(em, Demo.GRANTED, m.tenantId(), m.id()), m.id().toString());
        }
        for (var e : Demo.DIRECTORY.engagements()) {
            assertEquals(1, Demo.events(em, Demo.ENGAGEMENT_STARTED, e.tenantId(), e.id()), e.id().toString());
        }
        for (var s : Demo.DIRECTORY.schools()) {
            assertEquals(1, Demo.count(em, "SELECT count(*) FROM school WHERE id = CAST(?1 AS uuid) AND tenant_id = ?2",
                    s.id().toString(), s.tenantId()));
        }
        assertEquals(1, Demo.count(em, "SELECT count(*) FROM consultancy WHERE slug = 'veiviser'"));
    }

    @Test
    void loadingAgainChangesNothing() {
        long events = Demo.count(em, "SELECT count(*) FROM outbox_event");
        long people = Demo.count(em, "SELECT count(*) FROM person");
        demoData.load(Demo.DIRECTORY);
        assertEquals(events, Demo.count(em, "SELECT count(*) FROM outbox_event"));
        assertEquals(people, Demo.count(em, "SELECT count(*) FROM person"));
    }
}
