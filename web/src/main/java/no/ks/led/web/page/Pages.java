package no.ks.led.web.page;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.ks.led.web.api.Me;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Tenant;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.i18n.Texts;
import no.ks.led.web.security.CsrfToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Builds the {@link Page} of this request: language (the person's choice, remembered in a cookie), person, token. */
@RequestScoped
public class Pages {

    public static final String LANGUAGE_COOKIE = "led-lang";
    /** Where a request keeps the language its page was given, so its error page speaks the same one. */
    public static final String LANGUAGE_OF_REQUEST = "led-language";
    /** The zone of a tenant the app knows nothing else of, and of pages without a tenant; the platform's default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

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

    /**
     * The language of this request: the person's choice if they made one, else the tenant's own (Danish for a
     * Danish tenant), else on a page outside any tenant Danish for Denmark's national operator, else bokmål. The
     * request keeps it, so an error page of the same request speaks it too.
     */
    public Language language(Tenant tenant) {
        Cookie chosen = request.request().getCookie(LANGUAGE_COOKIE);
        Optional<Language> choice = chosen == null ? Optional.empty() : Language.of(chosen.getValue());
        Language language = choice.orElseGet(() -> tenant != null ? Language.defaultFor(tenant.language())
                : me() != null && "DK".equals(me().nationalCountry()) ? Language.DA : Language.NB);
        request.put(LANGUAGE_OF_REQUEST, language);
        return language;
    }

    /** Texts in the request's language, with dates in the tenant's time zone. */
    public Texts texts(Tenant tenant) {
        ZoneId zone = DEFAULT_ZONE;
        if (tenant != null && tenant.timeZone() != null) {
            try {
                zone = ZoneId.of(tenant.timeZone());
            } catch (DateTimeException unknown) {
                zone = DEFAULT_ZONE;
            }
        }
        return new Texts(messages, language(tenant), zone);
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
    public Page page(String titleKey, String tenantId) {
        Tenant tenant = tenant(tenantId);
        Texts t = texts(tenant);
        return new Page(t, t.msg(titleKey), me(), tenantId, tenant == null ? null : tenant.name(), csrf.value(),
                currentPath(), List.of(Language.values()));
    }

    /** A page whose title is data (a round's title), not a text of the app. */
    public Page titled(String title, String tenantId) {
        Tenant tenant = tenant(tenantId);
        return new Page(texts(tenant), title, me(), tenantId, tenant == null ? null : tenant.name(), csrf.value(),
                currentPath(), List.of(Language.values()));
    }

    /** The tenant as the API shows it to this person (its 404 for someone else's tenant ends on the 404 page). */
    private Tenant tenant(String tenantId) {
        return tenantId == null ? null : api.tenant(tenantId);
    }

    private String currentPath() {
        String path = request.request().path();
        String query = request.request().query();
        return query == null ? path : path + "?" + query;
    }
}
