package no.ks.led.web.page;

import java.time.ZoneId;
import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.ks.led.web.api.Me;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.i18n.Texts;
import no.ks.led.web.security.CsrfToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Builds the {@link Page} of this request: language (the person's choice, remembered in a cookie), person, token. */
@RequestScoped
public class Pages {

    public static final String LANGUAGE_COOKIE = "led-lang";
    /** The zone of a tenant the app knows nothing else of; the platform's default. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

    @Inject
    Messages messages;

    @Inject
    CsrfToken csrf;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext request;

    @Inject
    @RestClient
    PlatformApi api;

    private Me me;

    /** The language of this request: the person's choice if they made one, else bokmål. */
    public Language language() {
        Cookie chosen = request.request().getCookie(LANGUAGE_COOKIE);
        return chosen == null ? Language.NB : Language.of(chosen.getValue()).orElse(Language.NB);
    }

    public Texts texts() {
        return new Texts(messages, language(), DEFAULT_ZONE);
    }

    /** The signed-in person as the API knows them (asked once per request), or null on a public page. */
    public Me me() {
        if (me == null && !identity.isAnonymous()) {
            me = api.me();
        }
        return me;
    }

    /** A page outside any tenant. */
    public Page page(String titleKey) {
        return page(titleKey, null);
    }

    /** A page in a tenant; its title from the message key. */
    public Page page(String titleKey, String tenant) {
        Texts t = texts();
        return new Page(t, t.msg(titleKey), me(), tenant, csrf.value(), currentPath(), List.of(Language.values()));
    }

    /** A page whose title is data (a round's title), not a text of the app. */
    public Page titled(String title, String tenant) {
        return new Page(texts(), title, me(), tenant, csrf.value(), currentPath(), List.of(Language.values()));
    }

    private String currentPath() {
        String path = request.request().path();
        String query = request.request().query();
        return query == null ? path : path + "?" + query;
    }
}
