package no.ks.led.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns the API's problem details (RFC 9457) into an {@link ApiProblem} with the problem's type. */
public class ApiProblems implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        return new ApiProblem(response.getStatus(), typeOf(response));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static String typeOf(Response response) {
        try {
            if (!response.hasEntity()) {
                return "unknown";
            }
            JsonNode problem = JSON.readTree(response.readEntity(String.class));
            String type = problem.path("type").asText("");
            return type.startsWith(ApiProblem.TYPE_PREFIX) ? type.substring(ApiProblem.TYPE_PREFIX.length()) : "unknown";
        } catch (Exception unreadable) {
            return "unknown";
        }
    }
}
