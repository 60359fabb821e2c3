package no.ks.led.gateway;

import java.util.Map;
import java.util.TreeSet;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.CallerToken;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Test only: what the request's verified identity holds, as the gateway's code reads it. */
@Path("/token-probe")
@Authenticated
public class TokenProbe {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    CallerToken caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> identity() {
        return Map.of(
                "principal", identity.getPrincipal().getName(),
                "roles", new TreeSet<>(identity.getRoles()),
                "subject", token.getSubject(),
                "rawToken", token.getRawToken(),
                "national", caller.isNational(),
                "tenants", new TreeSet<>(caller.tenants()));
    }
}
