package no.ks.led.foundation.testing;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import no.ks.led.foundation.access.AccessReplica;

/**
 * Before each {@code @QuarkusTest} of a service with an access replica, makes sure the demo users'
 * access has arrived through Kafka ({@link DemoAccess}). Registered through
 * {@code META-INF/services}, so every service's tests get it without asking; an application without
 * a replica (the gateway) is left alone.
 */
public class DemoAccessCallback implements QuarkusTestBeforeEachCallback {

    private static volatile boolean ready;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (ready || !hasReplica()) {
            return;
        }
        DemoAccess.awaitReplica();
        ready = true;
    }

    private static boolean hasReplica() {
        try {
            return Arc.container() != null && Arc.container().select(AccessReplica.class).isResolvable();
        } catch (LinkageError notOnThisClassPath) {
            return false;
        }
    }
}
