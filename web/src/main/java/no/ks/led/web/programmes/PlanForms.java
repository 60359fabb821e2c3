package no.ks.led.web.programmes;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.page.Page;

/**
 * What the programme pages' forms share: where a post leads back to when the API refuses it (the problem's type
 * in the address, translated on the page), the notices they show, and whom they offer the owner's forms to.
 */
final class PlanForms {

    /** The notices a programme page shows after a post, by the key in its address. */
    private static final Set<String> NOTICES = Set.of("created", "step-done", "entry-added", "measure-added",
            "phase-completed", "evaluated", "proposed", "accepted", "rejected", "focus-picked");

    private PlanForms() {
    }

    /** Back to the page with the API's problem; a 404 or an outage stays the error page's. */
    static Response back(String path, ApiProblem problem) {
        if (problem.status() == 404 || problem.status() >= 500) {
            throw problem;
        }
        return Response.seeOther(URI.create(path + "?problem=" + URLEncoder.encode(problem.type(), StandardCharsets.UTF_8)))
                .build();
    }

    /** The translated problem named in the page's address, or null. */
    static String problem(Page page, String type) {
        return type == null || type.isBlank() ? null : page.t().problem(type);
    }

    /** The translated notice named in the page's address, or null for none or an unknown one. */
    static String notice(Page page, String key) {
        return key != null && NOTICES.contains(key) ? page.t().msg("plan.notice." + key) : null;
    }

    /** Whether to offer the owner's forms (the API decides whether they work). */
    static boolean owner(Page page, String tenantId) {
        return page.me().holds(tenantId, "owner-executive", "coordinator");
    }

    /** The form's idempotency key, or a fresh one for a form that had none. */
    static String key(String key) {
        return key == null || key.isBlank() || key.length() > 100 ? UUID.randomUUID().toString() : key;
    }
}
