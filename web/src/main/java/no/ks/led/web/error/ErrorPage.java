package no.ks.led.web.error;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.i18n.Texts;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;

/**
 * The error pages: 403, 404, 500, 503 and a refused form, in the person's language, with what to do next
 * and never a stack trace. They ask the API nothing, so they render when the API is down too.
 */
@ApplicationScoped
public class ErrorPage {

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance page(Page page, int status, String message);
    }

    @Inject
    Messages messages;

    @Inject
    RoutingContext request;

    /** The page for a status, with the message of its key ({@code error.<status>.text} unless given). */
    public Response of(int status, String message) {
        return of(status, message, language());
    }

    /** The page in a given language (outside a page request, where the request's cookie is not at hand). */
    public Response of(int status, String message, Language language) {
        Texts t = new Texts(messages, language, Pages.DEFAULT_ZONE);
        String title = t.msg(titleKey(status));
        Page page = new Page(t, title, null, null, null, null, "/", List.of(Language.values()));
        String html = Templates.page(page, status, message == null ? t.msg(textKey(status)) : message).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    public Response of(int status) {
        return of(status, null);
    }

    /** A form that did not come from this app's own page (or whose page is too old): nothing was changed. */
    public Response forgedRequest() {
        return of(403, texts().msg("error.forged.text"));
    }

    /** An API problem's page: its status, with the problem type's own message. */
    public Response problem(int status, String type) {
        int shown = status == 401 || status == 403 || status == 404 || status == 503 ? status : status >= 500 ? 500 : status;
        return of(shown, texts().problem(type));
    }

    Texts texts() {
        return new Texts(messages, language(), Pages.DEFAULT_ZONE);
    }

    private Language language() {
        return languageOf(request);
    }

    /**
     * The language of the page this request was building (the person's choice, else their tenant's language),
     * else the one the person chose (the cookie), else bokmål.
     */
    public static Language languageOf(RoutingContext request) {
        if (request != null && request.get(Pages.LANGUAGE_OF_REQUEST) instanceof Language ofThePage) {
            return ofThePage;
        }
        Cookie chosen = request == null ? null : request.request().getCookie(Pages.LANGUAGE_COOKIE);
        return chosen == null ? Language.NB : Language.of(chosen.getValue()).orElse(Language.NB);
    }

    private static String titleKey(int status) {
        return switch (status) {
            case 401, 403, 404, 503 -> "error." + status + ".title";
            default -> status >= 500 ? "error.500.title" : "error.400.title";
        };
    }

    private static String textKey(int status) {
        return switch (status) {
            case 401, 403, 404, 503 -> "error." + status + ".text";
            default -> status >= 500 ? "error.500.text" : "error.400.text";
        };
    }
}
