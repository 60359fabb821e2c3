package no.ks.led.foundation.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

/** What reaches the REST layer unhandled, as the client sees it. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aValueTheDatabaseRefusesIsAValidationProblemNotAServerError() {
        // as the fuzzer found: a NUL character in a name passes Bean Validation, and PostgreSQL refuses it
        // (SQLSTATE 22021) at the flush, wrapped by Hibernate and the transaction
        SQLException refused = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        RuntimeException wrapped = new RuntimeException("could not commit", new IllegalStateException("flush", refused));

        Response response = mappers.internal(wrapped, uri("/api/tenants/fjordvik/programmes"));

        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemType.VALIDATION_FAILED.uri(), problem.type());
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalError() {
        SQLException lost = new SQLException("relation does not exist", "42P01");

        Response response = mappers.internal(new RuntimeException(lost), uri("/api/tenants/fjordvik/programmes"));

        assertEquals(500, response.getStatus());
        assertEquals(ProblemType.INTERNAL_ERROR.uri(), ((Problem) response.getEntity()).type());
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getRequestUri" -> URI.create("http://localhost" + path);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
