package no.ks.led.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only once its access replica has read the organisations topic. */
@Readiness
@ApplicationScoped
public class AccessReplicaReadiness implements HealthCheck {

    @Inject
    OrganisationEventsFollower follower;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("access-replica").status(follower.caughtUp()).build();
    }
}
