package no.ks.led.web.funding;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.BookedActivity;
import no.ks.led.web.api.Budget;
import no.ks.led.web.api.NewBudgetCost;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Programme;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The programme's budget for a year: each activity's speaker fees and travel planned and actual, what the fund covers
 * and what the owner pays, the costs the fund never refunds (added and removed here), and the suppliers approaching the
 * procurement threshold, as the funding API computes them.
 */
@Path("/tenants/{tenantId}/budget")
@Produces(MediaType.TEXT_HTML)
public class BudgetPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance budget(Page page, int year, Budget budget, List<BookedActivity> activities,
                List<Programme> programmes, Map<UUID, String> programmeNames, List<CostKind> kinds, Map<String, String> entered,
                String problem);
    }

    /** A kind of cost the fund never refunds, as the funding API names it, and its text's key. */
    @TemplateData
    public record CostKind(String value) {
        public String key() {
            return "budget.category." + value;
        }
    }

    /** How the form's {@code for} names an activity or a programme. */
    private static final String ACTIVITY = "activity:";
    private static final String PROGRAMME = "programme:";

    /** The kinds the funding API takes, in the order the form offers them. */
    static final List<CostKind> KINDS = List.of("venue-hire", "board-and-lodging", "materials", "substitutes", "salaries",
            "travel-time").stream().map(CostKind::new).toList();

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
            return Response.ok(show(page, tenantId, thisYear, Map.of(), null)).build();
        }
        int chosen;
        try {
            chosen = Integer.parseInt(year.strip());
        } catch (NumberFormatException notAYear) {
            chosen = 0;
        }
        if (chosen < 2000 || chosen > 2100) {
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, List.of("year"));
            return Response.status(refusal.status()).entity(Templates.budget(page, thisYear, null, List.of(), List.of(), Map.of(),
                    KINDS, Map.of(), refusal.text())).build();
        }
        return Response.ok(show(page, tenantId, chosen, Map.of(), null)).build();
    }

    /**
     * Adds a cost the fund never refunds to an activity of the year, or to a programme for the year ({@code for} is
     * {@code activity:<id>} or {@code programme:<id>}); the page again with the problem otherwise.
     */
    @POST
    @Path("costs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCost(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        Page page = pages.page("budget.title", tenantId);
        int year = year(page, form.getFirst("year"));
        List<String> invalid = new ArrayList<>();
        Long amount = null;
        try {
            amount = Kroner.parse(form.getFirst("amount"));
        } catch (IllegalArgumentException notAnAmount) {
            invalid.add("amount");
        }
        if (amount == null && !invalid.contains("amount")) {
            invalid.add("amount");
        }
        UUID activity = null;
        UUID programme = null;
        String chosen = FormAnswer.value(form, "for");
        try {
            if (chosen.startsWith(ACTIVITY)) {
                activity = UUID.fromString(chosen.substring(ACTIVITY.length()));
            } else if (chosen.startsWith(PROGRAMME)) {
                programme = UUID.fromString(chosen.substring(PROGRAMME.length()));
            } else {
                invalid.add("for");
            }
        } catch (IllegalArgumentException notAnId) {
            invalid.add("for");
        }
        if (!invalid.isEmpty()) {
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, invalid);
            return Response.status(refusal.status()).entity(show(page, tenantId, year, FormAnswer.entered(form), refusal.text())).build();
        }
        try {
            api.addBudgetCost(tenantId, new NewBudgetCost(FormAnswer.value(form, "kind"), FormAnswer.optional(form, "description"),
                    amount, activity, programme, programme == null ? null : year));
        } catch (ApiProblem problem) {
            FundingForms.Refusal refusal = FundingForms.of(page, messages, problem);
            return Response.status(refusal.status()).entity(show(page, tenantId, year, FormAnswer.entered(form), refusal.text())).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/budget?year=" + year + "#other-costs-title")).build();
    }

    /** Removes a cost the fund never refunds (a form cannot send DELETE). */
    @POST
    @Path("costs/{costId}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeCost(@PathParam("tenantId") String tenantId, @PathParam("costId") UUID costId,
            MultivaluedMap<String, String> form) {
        Page page = pages.page("budget.title", tenantId);
        int year = year(page, form.getFirst("year"));
        try {
            api.removeBudgetCost(tenantId, costId);
        } catch (ApiProblem problem) {
            FundingForms.Refusal refusal = FundingForms.of(page, messages, problem);
            return Response.status(refusal.status()).entity(show(page, tenantId, year, Map.of(), refusal.text())).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/budget?year=" + year + "#other-costs-title")).build();
    }

    private TemplateInstance show(Page page, String tenantId, int year, Map<String, String> typed, String problem) {
        Map<String, String> entered = new HashMap<>(typed);
        // the option chosen, by its id alone (an activity's and a programme's ids never meet)
        String chosen = typed.getOrDefault("for", "");
        entered.put("forId", chosen.substring(chosen.indexOf(':') + 1));
        Budget budget = api.budget(tenantId, year);
        List<BookedActivity> activities = api.bookedActivities(tenantId, year + "-01-01", (year + 1) + "-01-01", 500).stream()
                .filter(a -> !a.cancelled()).sorted(Comparator.comparing(BookedActivity::startsAt)).toList();
        List<Programme> programmes = api.programmes(tenantId).stream().sorted(Comparator.comparing(Programme::name)).toList();
        Map<UUID, String> names = new HashMap<>();
        programmes.forEach(p -> names.put(p.id(), p.name()));
        return Templates.budget(page, year, budget, activities, programmes, names, KINDS, entered, problem);
    }

    private static int year(Page page, String typed) {
        try {
            int year = Integer.parseInt(typed == null ? "" : typed.strip());
            return year >= 2000 && year <= 2100 ? year : page.t().today().getYear();
        } catch (NumberFormatException notAYear) {
            return page.t().today().getYear();
        }
    }
}
