package no.ks.led.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The gateway's one HTTP client to what stands behind it (the services, the web app): sends a request and
 * turns the answer into a response with only the headers the caller lets through.
 */
@ApplicationScoped
class Upstream {

    /** Which of an upstream answer's headers reach the client, and how (e.g. a rewritten {@code Location}). */
    interface Headers {
        void copy(String name, String value, Response.ResponseBuilder to);
    }

    @Inject
    Vertx vertx;

    private HttpClient client;

    @PostConstruct
    void createClient() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(200)
                .setConnectTimeout(2000));
    }

    @PreDestroy
    void closeClient() {
        client.closeAndAwait();
    }

    /** The same client (and connection pool) for a caller that streams bodies itself. */
    io.vertx.core.http.HttpClient streaming() {
        return client.getDelegate();
    }

    /** Sends the request (with the body, if any) and answers with the upstream's status, chosen headers and body. */
    Uni<Response> exchange(RequestOptions options, byte[] body, Headers headers) {
        return client.request(options)
                .chain((HttpClientRequest request) -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .chain((HttpClientResponse response) -> response.body().map(buffer -> {
                    Response.ResponseBuilder answer = Response.status(response.statusCode());
                    response.headers().forEach(header -> headers.copy(header.getKey(), header.getValue(), answer));
                    return answer.entity(buffer.length() == 0 ? null : buffer.getBytes()).build();
                }));
    }
}
