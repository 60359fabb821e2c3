package no.ks.led.organisations.identity.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.jackson.runtime.serialisers.ClientJacksonMessageBodyWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import no.ks.led.organisations.identity.IdentitySyncConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.impl.ClientBuilderImpl;
import org.jboss.resteasy.reactive.server.jackson.JacksonBasicMessageBodyReader;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The identity sync's admin client of the realm: the organisations service's own confidential
 * client, with short timeouts, started afresh after Keycloak was away.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    String serverUrl;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret")
    String clientSecret;

    @Inject
    IdentitySyncConfig config;

    private Keycloak keycloak;

    /** The realm, through a client logged in as the service. */
    public synchronized RealmResource realm() {
        if (keycloak == null) {
            keycloak = client(realm, clientId, clientSecret);
        }
        return keycloak.realm(realm);
    }

    /** A new admin client of a realm on this Keycloak, logged in as the given confidential client. */
    public Keycloak client(String realmName, String confidentialClientId, String secret) {
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realmName)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(confidentialClientId)
                .clientSecret(secret)
                .resteasyClient(httpClient())
                .build();
    }

    /** The server's base URL (without a realm). */
    public String serverUrl() {
        return serverUrl;
    }

    /**
     * The extension's client has no timeouts, so a hanging Keycloak would hold a task (and its row
     * lock) for long; this one is built the same way, with short timeouts.
     */
    private jakarta.ws.rs.client.Client httpClient() {
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ClientBuilderImpl builder = (ClientBuilderImpl) ClientBuilder.newBuilder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<String> json = List.of("application/json");
        builder.registerMessageBodyReader(new JacksonBasicMessageBodyReader(mapper), Object.class, json, true, 4900);
        builder.registerMessageBodyWriter(new ClientJacksonMessageBodyWriter(mapper), Object.class, json, true, 5100);
        return builder.build();
    }

    /**
     * Forgets the client and its token, so the next call starts afresh (after Keycloak was away). The
     * old client is closed a little later: another thread may still be waiting for its answer.
     */
    public synchronized void reset() {
        if (keycloak != null) {
            Keycloak old = keycloak;
            keycloak = null;
            CompletableFuture.delayedExecutor(config.readTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> closeQuietly(old));
        }
    }

    private static void closeQuietly(Keycloak client) {
        try {
            client.close();
        } catch (RuntimeException e) {
            // closing a client whose server is gone may fail; it is dropped either way
        }
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            closeQuietly(keycloak);
            keycloak = null;
        }
    }

    /** The REST client reports a 404 as a plain WebApplicationException, not always as NotFoundException. */
    static boolean notFound(WebApplicationException e) {
        return e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    /** Keycloak's refusal as an exception that names what was being done, its status and the start of its answer. */
    static IdentitySyncException failure(String what, Response response) {
        String body = "";
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            // the status says enough
        }
        if (body.length() > 300) {
            body = body.substring(0, 300);
        }
        return new IdentitySyncException("Keycloak answered " + response.getStatus() + " when " + what
                + (body.isBlank() ? "" : ": " + body));
    }
}
