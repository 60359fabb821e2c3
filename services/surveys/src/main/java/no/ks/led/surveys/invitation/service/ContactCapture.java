package no.ks.led.surveys.invitation.service;

import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import no.ks.led.foundation.access.CallerToken;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Learns a respondent's e-mail address from the {@code email} claim of their own token whenever they call a
 * tenant route of this service. A failure here never fails the request: the address is only a convenience
 * for invitations, which wait ({@code pending-address}) until one is known.
 */
public class ContactCapture {

    private static final Logger LOG = Logger.getLogger(ContactCapture.class);
    /** Deliberately loose: the identity provider has checked the address; this only refuses junk. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    CallerToken caller;

    @Inject
    RespondentContacts contacts;

    @ServerRequestFilter
    public void capture(ContainerRequestContext request) {
        if (identity.isAnonymous() || !request.getUriInfo().getPath().startsWith("/api/tenants/")
                || Context.isOnEventLoopThread()) {
            return;
        }
        String email = string(token.getClaim("email"));
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()
                || "false".equals(string(token.getClaim("email_verified")))) {
            return;
        }
        UUID person = caller.personId().orElse(null);
        if (person == null) {
            return;
        }
        try {
            contacts.rememberFromToken(person, email);
        } catch (RuntimeException e) {
            LOG.warnf("Could not store the caller's e-mail address: %s", e.toString());
        }
    }

    private static String string(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim == JsonValue.TRUE) {
            return "true";
        }
        if (claim == JsonValue.FALSE) {
            return "false";
        }
        return claim.toString();
    }
}
