package no.ks.led.web.funding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.page.Page;

/**
 * What the funding pages' forms share: the refusals a person can act on (the API's 400, 403, 409, 413, 415 and 422,
 * and the page's own check of a field) shown on the page in the person's language with the fields they name; whom
 * the owner's forms are offered to; the form's idempotency key.
 */
final class FundingForms {

    private FundingForms() {
    }

    /** A refusal to show on the page: its HTTP status and the translated text. */
    record Refusal(int status, String text) {
    }

    /** The API's refusal as the page shows it; a 404, 401 or an outage stays the error page's. */
    static Refusal of(Page page, Messages messages, ApiProblem problem) {
        int status = problem.status();
        if (status == 401 || status == 404 || status >= 500 || status < 400) {
            throw problem;
        }
        return new Refusal(status, text(page, messages, page.t().problem(problem.type()), problem.fields()));
    }

    /** The page's own refusal of fields it could not read (an amount, a date): a 400 naming them. */
    static Refusal invalid(Page page, Messages messages, List<String> fields) {
        return new Refusal(400, text(page, messages, page.t().problem("validation-failed"), fields));
    }

    private static String text(Page page, Messages messages, String problem, List<String> fields) {
        Set<String> labels = new LinkedHashSet<>();
        for (String field : fields) {
            String key = "funding.field." + field;
            String first = "funding.field." + field.split("\\.")[0];
            if (messages.has(key)) {
                labels.add(page.t().msg(key));
            } else if (messages.has(first)) {
                labels.add(page.t().msg(first));
            }
        }
        return labels.isEmpty() ? problem : problem + " " + page.t().msg("funding.check-fields", String.join(", ", new ArrayList<>(labels)));
    }

    /** Whether to offer the owner's forms (submit, decisions, refunds); the API decides whether they work. */
    static boolean owner(Page page, String tenantId) {
        return page.me().holds(tenantId, "owner-executive", "coordinator");
    }

    /** The form's idempotency key, or a fresh one for a form that had none. */
    static String key(String key) {
        return key == null || key.isBlank() || key.length() > 100 ? UUID.randomUUID().toString() : key;
    }
}
