package no.ks.led.web.page;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;

/**
 * How the owner's forms answer: after the API's yes, back to the page with a notice (post, redirect, get); after its
 * refusal (400, 409, 422), the page again with the API's problem translated and what the person entered kept.
 */
public final class FormAnswer {

    private FormAnswer() {
    }

    /**
     * Runs {@code call}; on success redirects to {@code done}; on a problem the person can fix renders
     * {@code again} with the entered values and the problem's type.
     */
    public static Response of(Runnable call, String done, MultivaluedMap<String, String> form,
            Function<Refusal, TemplateInstance> again) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return Response.status(problem.status()).entity(again.apply(new Refusal(entered(form), problem.type()))).build();
        }
        return Response.seeOther(URI.create(done)).build();
    }

    /** What the person entered (first value of each field, never the anti-forgery token) and the problem's type. */
    public record Refusal(Map<String, String> entered, String problemType) {
    }

    public static Map<String, String> entered(MultivaluedMap<String, String> form) {
        Map<String, String> entered = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> {
                if (!"csrf".equals(name) && !values.isEmpty()) {
                    entered.put(name, values.get(0));
                }
            });
        }
        return entered;
    }

    /** A form field's value, blank when missing. */
    public static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** A form field's value, or null when it is blank (the API's "not given"). */
    public static String optional(MultivaluedMap<String, String> form, String name) {
        String value = value(form, name);
        return value.isEmpty() ? null : value;
    }
}
