package no.ks.led.web.funding;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.Budget;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The programme's budget for a year: each activity's speaker fees and travel planned and actual, what the fund covers
 * and what the owner pays, and the suppliers approaching the procurement threshold, as the funding API computes them.
 */
@Path("/tenants/{tenantId}/budget")
@Produces(MediaType.TEXT_HTML)
public class BudgetPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance budget(Page page, int year, Budget budget, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    Messages messages;

    @Inject
    @RestClient
    PlatformApi api;

    /** The year's budget; this year's without {@code year}, a 400 naming the field for one that is not a year. */
    @GET
    public Response budget(@PathParam("tenantId") String tenantId, @QueryParam("year") String year) {
        Page page = pages.page("budget.title", tenantId);
        int thisYear = page.t().today().getYear();
        if (year == null || year.isBlank()) {
            return Response.ok(Templates.budget(page, thisYear, api.budget(tenantId, thisYear), null)).build();
        }
        int chosen;
        try {
            chosen = Integer.parseInt(year.strip());
        } catch (NumberFormatException notAYear) {
            chosen = 0;
        }
        if (chosen < 2000 || chosen > 2100) {
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, List.of("year"));
            return Response.status(refusal.status()).entity(Templates.budget(page, thisYear, null, refusal.text())).build();
        }
        return Response.ok(Templates.budget(page, chosen, api.budget(tenantId, chosen), null)).build();
    }
}
