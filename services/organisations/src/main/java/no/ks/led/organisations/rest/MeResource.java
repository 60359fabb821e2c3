package no.ks.led.organisations.rest;

import java.util.Set;
import java.util.TreeSet;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own identity. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    TenantAccess access;

    @GET
    public Me me() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        return new Me(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("name"),
                new TreeSet<>(access.tenants()), roles);
    }
}
