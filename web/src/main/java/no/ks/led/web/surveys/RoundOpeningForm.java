package no.ks.led.web.surveys;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.NewRound;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.api.SurveyRound;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The coordinator's and the executive's form to open a round: title, answering alone or as a team, the days,
 * the schools, k, how many years the answers are kept, and up to {@value #LOCAL_ITEMS} items of the tenant's own.
 * The API decides what is valid.
 */
@Path("/tenants/{tenantId}/rounds/new")
@Produces(MediaType.TEXT_HTML)
public class RoundOpeningForm {

    /** How many of the tenant's own items the form offers. */
    static final int LOCAL_ITEMS = 3;

    /** The years a round's answers are kept unless the owner chooses otherwise (the API's default too). */
    static final int DEFAULT_RETENTION_YEARS = 5;

    /** What the form shows: the values entered so far (empty at first) and the idempotency key of this form. */
    @TemplateData
    public record Entered(String key, String title, String mode, String opensOn, String closesOn, List<String> schoolIds,
            String minGroupSize, String retentionYears, List<LocalItemEntry> items) {

        public boolean chosen(UUID school) {
            return schoolIds.contains(school.toString());
        }
    }

    /** One of the tenant's own items as entered: its number on the form, kind and text. */
    @TemplateData
    public record LocalItemEntry(int number, String kind, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, List<School> schools, Entered entered, String problem,
                String itemLanguage);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance form(@PathParam("tenantId") String tenantId) {
        Page page = pages.page("open-round.title", tenantId);
        LocalDate today = page.t().today();
        List<LocalItemEntry> items = new ArrayList<>();
        for (int i = 1; i <= LOCAL_ITEMS; i++) {
            items.add(new LocalItemEntry(i, "scale", ""));
        }
        Entered empty = new Entered(UUID.randomUUID().toString(), "", "individual", today.toString(),
                today.plusWeeks(3).toString(), List.of(), "", String.valueOf(DEFAULT_RETENTION_YEARS), items);
        return Templates.form(page, schools(tenantId), empty, null, itemLanguage(tenantId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        Entered entered = entered(form);
        boolean danish = api.tenant(tenantId).danish();
        NewRound round;
        try {
            round = new NewRound(entered.title().strip(), entered.mode(), day(entered.opensOn()), day(entered.closesOn()),
                    entered.schoolIds().stream().map(UUID::fromString).toList(),
                    entered.minGroupSize().isBlank() ? null : Integer.valueOf(entered.minGroupSize().strip()),
                    entered.retentionYears().isBlank() ? null : Integer.valueOf(entered.retentionYears().strip()),
                    entered.items().stream().filter(i -> !i.text().isBlank())
                            .map(i -> NewRound.LocalItem.inOwnLanguage(i.kind(), i.text().strip(), danish)).toList());
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            return again(tenantId, entered, "validation-failed");
        }
        SurveyRound opened;
        try {
            opened = api.openRound(tenantId, entered.key(), round);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return again(tenantId, entered, problem.type());
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/rounds/" + opened.id() + "?opened=true")).build();
    }

    private Response again(String tenantId, Entered entered, String problemType) {
        Page page = pages.page("open-round.title", tenantId);
        return Response.status(400).entity(Templates.form(page, schools(tenantId), entered, page.t().problem(problemType),
                itemLanguage(tenantId))).build();
    }

    /** The language the tenant's own items are written in: Danish for a Danish tenant, else bokmål. */
    private String itemLanguage(String tenantId) {
        return api.tenant(tenantId).danish() ? "da" : "nb";
    }

    private List<School> schools(String tenantId) {
        return api.schools(tenantId).stream().sorted(Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    static Entered entered(MultivaluedMap<String, String> form) {
        List<LocalItemEntry> items = new ArrayList<>();
        for (int i = 1; i <= LOCAL_ITEMS; i++) {
            String kind = "text".equals(form.getFirst("item-kind-" + i)) ? "text" : "scale";
            items.add(new LocalItemEntry(i, kind, value(form, "item-text-" + i)));
        }
        String key = value(form, "key");
        return new Entered(key.isBlank() ? UUID.randomUUID().toString() : key, value(form, "title"),
                "team".equals(form.getFirst("mode")) ? "team" : "individual", value(form, "opensOn"),
                value(form, "closesOn"), form.getOrDefault("schoolId", List.of()), value(form, "minGroupSize"),
                value(form, "retentionYears"), items);
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static LocalDate day(String value) {
        return value.isBlank() ? null : LocalDate.parse(value.strip());
    }
}
