package no.ks.led.web.funding;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import no.ks.led.web.api.FundingApplication;
import no.ks.led.web.api.FundingClaim;
import no.ks.led.web.api.NewClaim;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.ReceivedRefund;
import no.ks.led.web.api.RefundLine;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The claim builder: a refund claim from an approved application (the actual costs per day and speaker, filled from
 * the application's lines, and the owner's own organisation and account numbers), its invoices and the approval
 * letter uploaded as PDF (the API checks type and size), submission (blocked by the API before the last activity),
 * the claim bundle as one PDF, and the refund the fund paid.
 */
@Path("/tenants/{tenantId}/funding/claims")
@Produces(MediaType.TEXT_HTML)
public class ClaimPages {

    /** The notices a claim page shows after a post, by the key in its address. */
    private static final Set<String> NOTICES = Set.of("prepared", "attached", "submitted", "paid");

    /** One speaker's day on the claim form, filled from the application's lines. */
    @TemplateData
    public record CostRow(int index, String date, String name, String fee, String travel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claims(Page page, List<FundingClaim> claims, List<FundingApplication> approved);

        static native TemplateInstance form(Page page, List<FundingApplication> approved, FundingApplication application,
                List<CostRow> rows, Map<String, String> entered, String problem);

        static native TemplateInstance claim(Page page, FundingClaim claim, FundingApplication application, boolean owner,
                Map<String, String> entered, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    Messages messages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance claims(@PathParam("tenantId") String tenantId) {
        List<FundingClaim> claims = api.fundingClaims(tenantId, 500);
        return Templates.claims(pages.page("claims.title", tenantId), claims, approved(tenantId));
    }

    /** The claim form for an approved application; without one, the choice of application. */
    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("tenantId") String tenantId, @QueryParam("application") String applicationId) {
        Page page = pages.page("claim.new", tenantId);
        FundingApplication application = application(tenantId, applicationId);
        return Templates.form(page, approved(tenantId), application, application == null ? List.of() : rows(application),
                Map.of(), null);
    }

    /** Builds the draft claim; the API refuses one before the last activity is held (claim-before-last-activity). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prepare(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        FundingApplication application = application(tenantId, form.getFirst("applicationId"));
        Page page = pages.page("claim.new", tenantId);
        if (application == null) {
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, List.of("applicationId"));
            return Response.status(refusal.status()).entity(Templates.form(page, approved(tenantId), null, List.of(),
                    FormAnswer.entered(form), refusal.text())).build();
        }
        List<String> invalid = new ArrayList<>();
        List<NewClaim.Day> days = days(form, invalid);
        List<CostRow> rows = enteredRows(form);
        if (!invalid.isEmpty()) {
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, invalid);
            return Response.status(refusal.status()).entity(Templates.form(page, approved(tenantId), application, rows,
                    FormAnswer.entered(form), refusal.text())).build();
        }
        try {
            FundingClaim claim = api.prepareClaim(tenantId, new NewClaim(application.id(), FormAnswer.value(form, "organisationNumber"),
                    FormAnswer.value(form, "accountNumber"), days));
            return Response.seeOther(URI.create(path(tenantId, claim.id()) + "?notice=prepared")).build();
        } catch (ApiProblem problem) {
            FundingForms.Refusal refusal = FundingForms.of(page, messages, problem);
            return Response.status(refusal.status()).entity(Templates.form(page, approved(tenantId), application, rows,
                    FormAnswer.entered(form), refusal.text())).build();
        }
    }

    @GET
    @Path("{claimId}")
    public TemplateInstance claim(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            @QueryParam("notice") String notice) {
        FundingClaim claim = api.fundingClaim(tenantId, claimId);
        Page page = pages.page("claim.title", tenantId);
        return view(page, tenantId, claim, Map.of(),
                notice != null && NOTICES.contains(notice) ? page.t().msg("claim.notice." + notice) : null, null);
    }

    /** Uploads an invoice or the approval letter; the API checks that it is a readable PDF of at most 10 MB. */
    @POST
    @Path("{claimId}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            @RestForm("kind") String kind, @RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return refused(tenantId, claimId, Map.of("kind", kind == null ? "" : kind), List.of("file"), null);
        }
        byte[] content = Files.readAllBytes(file.uploadedFile());
        String name = file.fileName() == null || file.fileName().isBlank() ? "vedlegg.pdf" : file.fileName().strip();
        try {
            api.attachToClaim(tenantId, claimId, kind, name, content);
        } catch (ApiProblem problem) {
            return refused(tenantId, claimId, Map.of("kind", kind == null ? "" : kind), List.of(), problem);
        }
        return Response.seeOther(URI.create(path(tenantId, claimId) + "?notice=attached#attachments-title")).build();
    }

    @POST
    @Path("{claimId}/submission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId) {
        try {
            api.submitClaim(tenantId, claimId);
        } catch (ApiProblem problem) {
            return refused(tenantId, claimId, Map.of(), List.of(), problem);
        }
        return Response.seeOther(URI.create(path(tenantId, claimId) + "?notice=submitted")).build();
    }

    /** Records what the fund paid (kroner) and when. */
    @POST
    @Path("{claimId}/refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            MultivaluedMap<String, String> form) {
        List<String> invalid = new ArrayList<>();
        Long received = null;
        try {
            received = Kroner.parse(form.getFirst("received"));
        } catch (IllegalArgumentException notAnAmount) {
            invalid.add("receivedOre");
        }
        if (received == null && invalid.isEmpty()) {
            invalid.add("receivedOre");
        }
        LocalDate on = null;
        try {
            on = LocalDate.parse(FormAnswer.value(form, "receivedOn"));
        } catch (DateTimeParseException notADate) {
            invalid.add("receivedOn");
        }
        if (!invalid.isEmpty()) {
            return refused(tenantId, claimId, FormAnswer.entered(form), invalid, null);
        }
        try {
            api.recordRefund(tenantId, claimId, new ReceivedRefund(received, on));
        } catch (ApiProblem problem) {
            return refused(tenantId, claimId, FormAnswer.entered(form), List.of(), problem);
        }
        return Response.seeOther(URI.create(path(tenantId, claimId) + "?notice=paid")).build();
    }

    /** The claim with its approval letter and invoices as one PDF, fetched with the person's token. */
    @GET
    @Path("{claimId}/bundle.pdf")
    @Produces("application/pdf")
    public Response bundle(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId) {
        return ApplicationPages.pdf(api.claimBundle(tenantId, claimId), "refusjonskrav-" + claimId + ".pdf");
    }

    private Response refused(String tenantId, UUID claimId, Map<String, String> entered, List<String> invalid,
            ApiProblem problem) {
        FundingClaim claim = api.fundingClaim(tenantId, claimId);
        Page page = pages.page("claim.title", tenantId);
        FundingForms.Refusal refusal = problem == null ? FundingForms.invalid(page, messages, invalid)
                : FundingForms.of(page, messages, problem);
        return Response.status(refusal.status()).entity(view(page, tenantId, claim, entered, null, refusal.text())).build();
    }

    private TemplateInstance view(Page page, String tenantId, FundingClaim claim, Map<String, String> entered, String notice,
            String problem) {
        FundingApplication application = api.fundingApplication(tenantId, claim.applicationId());
        Map<String, String> values = new HashMap<>(entered);
        values.putIfAbsent("received", Kroner.field(claim.refundOre()));
        values.putIfAbsent("receivedOn", page.t().today().toString());
        return Templates.claim(page, claim, application, FundingForms.owner(page, tenantId), values, notice, problem);
    }

    private List<FundingApplication> approved(String tenantId) {
        return api.fundingApplications(tenantId, 500).stream().filter(FundingApplication::approved).toList();
    }

    /** The tenant's application named in the form or address, or null for none (or an id that is not one). */
    private FundingApplication application(String tenantId, String applicationId) {
        if (applicationId == null || applicationId.isBlank()) {
            return null;
        }
        try {
            return api.fundingApplication(tenantId, UUID.fromString(applicationId.strip()));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** One row per day and speaker of the application's lines, with the planned fee and travel to correct. */
    static List<CostRow> rows(FundingApplication application) {
        Map<String, long[]> costs = new LinkedHashMap<>();
        for (RefundLine line : application.lines()) {
            if (line.date() == null || line.name() == null || !(line.kind().equals("speaker") || line.kind().equals("travel"))) {
                continue;
            }
            long[] cost = costs.computeIfAbsent(line.date() + "\n" + line.name(), k -> new long[2]);
            cost[line.kind().equals("speaker") ? 0 : 1] += line.costOre();
        }
        List<CostRow> rows = new ArrayList<>();
        costs.forEach((day, cost) -> {
            String[] parts = day.split("\n", 2);
            rows.add(new CostRow(rows.size(), parts[0], parts[1], Kroner.field(cost[0]), Kroner.field(cost[1])));
        });
        return rows;
    }

    private static List<CostRow> enteredRows(MultivaluedMap<String, String> form) {
        List<CostRow> rows = new ArrayList<>();
        for (int i = 0; i < rowCount(form); i++) {
            rows.add(new CostRow(i, FormAnswer.value(form, "date-" + i), FormAnswer.value(form, "name-" + i),
                    FormAnswer.value(form, "fee-" + i), FormAnswer.value(form, "travel-" + i)));
        }
        return rows;
    }

    /** The form's rows as days with their speakers; the fields it cannot read are named in {@code invalid}. */
    static List<NewClaim.Day> days(MultivaluedMap<String, String> form, List<String> invalid) {
        Map<LocalDate, List<NewClaim.Speaker>> days = new LinkedHashMap<>();
        for (int i = 0; i < rowCount(form); i++) {
            LocalDate date;
            try {
                date = LocalDate.parse(FormAnswer.value(form, "date-" + i));
            } catch (DateTimeParseException notADate) {
                invalid.add("days.date");
                continue;
            }
            Long fee = null;
            Long travel = null;
            try {
                fee = Kroner.parse(form.getFirst("fee-" + i));
                travel = Kroner.parse(form.getFirst("travel-" + i));
            } catch (IllegalArgumentException notAnAmount) {
                invalid.add("days.speakers.feeOre");
                continue;
            }
            if (fee == null && travel == null) {
                continue;
            }
            days.computeIfAbsent(date, d -> new ArrayList<>()).add(new NewClaim.Speaker(FormAnswer.value(form, "name-" + i),
                    fee == null ? 0 : fee, travel == null ? 0 : travel));
        }
        List<NewClaim.Day> result = new ArrayList<>();
        days.forEach((date, speakers) -> result.add(new NewClaim.Day(date, speakers)));
        return result;
    }

    private static int rowCount(MultivaluedMap<String, String> form) {
        try {
            return Math.max(0, Math.min(400, Integer.parseInt(FormAnswer.value(form, "rows"))));
        } catch (NumberFormatException none) {
            return 0;
        }
    }

    static String path(String tenantId, UUID claimId) {
        return "/tenants/" + tenantId + "/funding/claims/" + claimId;
    }
}
