package no.ks.led.web.page;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.WebConfig;
import no.ks.led.web.i18n.Language;

/** The pages anyone may see without logging in, and the language switcher. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accessibility(Page page);

        static native TemplateInstance loggedOut(Page page);
    }

    @Inject
    Pages pages;

    @Inject
    WebConfig config;

    /** The accessibility statement (tilgjengelighetserklæring) the Norwegian rules require. */
    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility(pages.page("accessibility.title"));
    }

    @GET
    @Path("logged-out")
    public TemplateInstance loggedOut() {
        return Templates.loggedOut(pages.page("logout.title"));
    }

    /**
     * Remembers the chosen language in a cookie for a year and goes back to the page the person was on (a
     * path on this site only, never another origin).
     */
    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseLanguage(@FormParam("lang") String code, @FormParam("return") String back) {
        Language language = Language.of(code).orElse(Language.NB);
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(Pages.LANGUAGE_COOKIE).value(language.code()).path("/")
                        .maxAge(365 * 24 * 3600).httpOnly(true).secure(config.secureCookies())
                        .sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }
}
