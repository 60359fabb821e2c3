package no.ks.led.web.page;

import java.util.List;

import io.quarkus.qute.TemplateData;
import no.ks.led.web.api.Me;
import no.ks.led.web.i18n.Language;
import no.ks.led.web.i18n.Texts;

/**
 * What the layout needs on every page: the texts in the page's language, the title, the signed-in person
 * (null on public pages), the active tenant's slug and name (null outside one), the anti-forgery token for its forms and
 * the path the language switcher returns to.
 */
@TemplateData
public record Page(Texts t, String title, Me me, String tenant, String tenantName, String csrf, String path,
        List<Language> languages) {

    /** Whether the person may switch to another tenant (consultants, people of several tenants). */
    public boolean switchesTenants() {
        return me != null && me.tenants().size() > 1;
    }
}
