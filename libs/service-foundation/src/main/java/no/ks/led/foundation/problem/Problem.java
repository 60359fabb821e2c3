package no.ks.led.foundation.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details document, the body of every error a Led API returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** How long a client should wait before retrying after a 503 (the {@code Retry-After} header). */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** One invalid field of a request. */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of());
    }

    public Problem withViolations(List<Violation> fieldViolations) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldViolations));
    }

    /** The response; a 503 (a dependency is down, try again) carries {@code Retry-After}. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Answers a request on a Vert.x route with this problem: the same status, headers and body as {@link #toResponse()}. */
    public Future<Void> send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        return response.end(Json.encode(this));
    }
}
