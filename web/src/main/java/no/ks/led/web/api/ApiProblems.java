package no.ks.led.web.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns the API's problem details (RFC 9457) into an {@link ApiProblem} with the problem's type. */
public class ApiProblems implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiProblem toThrowable(Response response) {
        JsonNode problem = read(response);
        List<String> fields = new ArrayList<>();
        problem.path("violations").forEach(violation -> {
            String field = violation.path("field").asText("");
            if (!field.isEmpty() && !fields.contains(field)) {
                fields.add(field);
            }
        });
        return new ApiProblem(response.getStatus(), typeOf(problem), fields);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static JsonNode read(Response response) {
        try {
            return response.hasEntity() ? JSON.readTree(response.readEntity(String.class)) : JSON.missingNode();
        } catch (Exception unreadable) {
            return JSON.missingNode();
        }
    }

    private static String typeOf(JsonNode problem) {
        String type = problem.path("type").asText("");
        return type.startsWith(ApiProblem.TYPE_PREFIX) ? type.substring(ApiProblem.TYPE_PREFIX.length()) : "unknown";
    }
}
