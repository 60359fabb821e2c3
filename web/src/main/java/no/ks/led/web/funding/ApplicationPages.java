package no.ks.led.web.funding;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.BookedActivity;
import no.ks.led.web.api.FundingApplication;
import no.ks.led.web.api.FundingDecision;
import no.ks.led.web.api.FundingPolicy;
import no.ks.led.web.api.FundingWarning;
import no.ks.led.web.api.NewFundingApplication;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.i18n.Messages;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Applications to the fund: the list with status and the warnings; a new one prepared from the tenant's scheduled
 * activities under a chosen policy (a draft, with the API's explained lines, before anything is submitted); one
 * application with its lines, the summary for KS's portal as PDF, submission and KS's decision. The API decides who
 * may do what: a consultant with an engagement prepares, only the owner executive or coordinator submits.
 */
@Path("/tenants/{tenantId}/funding/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    /** The notices an application page shows after a post, by the key in its address. */
    private static final Set<String> NOTICES = Set.of("prepared", "submitted", "approved", "refused", "withdrawn");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance applications(Page page, List<FundingApplication> applications,
                List<FundingWarning> warnings);

        static native TemplateInstance form(Page page, List<FundingPolicy> policies, List<BookedActivity> activities,
                Map<String, String> entered, List<String> chosen, List<StudyFeeRow> studyFees, boolean studyFeesRefused,
                String key, String problem);

        static native TemplateInstance application(Page page, FundingApplication application,
                List<BookedActivity> activities, boolean owner, Map<String, String> entered, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    Messages messages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance applications(@PathParam("tenantId") String tenantId) {
        List<FundingApplication> applications = api.fundingApplications(tenantId, 500);
        return Templates.applications(pages.page("applications.title", tenantId), applications, api.fundingWarnings(tenantId));
    }

    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("tenantId") String tenantId) {
        Page page = pages.page("application.new", tenantId);
        return form(page, tenantId, Map.of(), List.of(), StudyFeeRow.empty(), false, UUID.randomUUID().toString(), null);
    }

    /**
     * Prepares a draft from the chosen activities and the study fees typed (each field checked here first, its error
     * shown next to it); the form's key makes a repeated post prepare one.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prepare(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        List<String> chosen = form.getOrDefault("activityId", List.of());
        List<UUID> activityIds = new ArrayList<>();
        String key = FundingForms.key(form.getFirst("key"));
        List<StudyFeeRow> studyFees = StudyFeeRow.read(form);
        List<String> invalid = new ArrayList<>();
        try {
            for (String id : chosen) {
                activityIds.add(UUID.fromString(id));
            }
        } catch (IllegalArgumentException notAnId) {
            invalid.add("activityIds");
        }
        if (StudyFeeRow.anyInvalid(studyFees)) {
            invalid.add("studyFees");
        }
        if (!invalid.isEmpty()) {
            Page page = pages.page("application.new", tenantId);
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, invalid);
            return Response.status(refusal.status())
                    .entity(form(page, tenantId, FormAnswer.entered(form), chosen, studyFees, false, key, refusal.text())).build();
        }
        try {
            FundingApplication prepared = api.prepareFundingApplication(tenantId, new NewFundingApplication(
                    FormAnswer.value(form, "title"), FormAnswer.value(form, "policy"), activityIds, StudyFeeRow.fees(studyFees)), key);
            return Response.seeOther(URI.create(path(tenantId, prepared.id()) + "?notice=prepared")).build();
        } catch (ApiProblem problem) {
            Page page = pages.page("application.new", tenantId);
            FundingForms.Refusal refusal = FundingForms.of(page, messages, problem);
            boolean refused = problem.fields().stream().anyMatch(f -> f.startsWith("studyFees"));
            return Response.status(refusal.status())
                    .entity(form(page, tenantId, FormAnswer.entered(form), chosen, studyFees, refused, key, refusal.text())).build();
        }
    }

    @GET
    @Path("{applicationId}")
    public TemplateInstance application(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId,
            @QueryParam("notice") String notice) {
        FundingApplication application = api.fundingApplication(tenantId, applicationId);
        Page page = pages.titled(application.title(), tenantId);
        return view(page, tenantId, application, Map.of(),
                notice != null && NOTICES.contains(notice) ? page.t().msg("application.notice." + notice) : null, null);
    }

    /** Submitted (on a day), approved (case number, amount in kroner, expiry), refused (reason) or withdrawn. */
    @POST
    @Path("{applicationId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId,
            MultivaluedMap<String, String> form) {
        String status = FormAnswer.value(form, "status");
        List<String> invalid = new ArrayList<>();
        LocalDate on = date(form, "on", invalid);
        LocalDate expiresOn = date(form, "expiresOn", invalid);
        Long approvedOre = null;
        try {
            approvedOre = Kroner.parse(form.getFirst("approved"));
        } catch (IllegalArgumentException notAnAmount) {
            invalid.add("approvedOre");
        }
        if (!invalid.isEmpty()) {
            FundingApplication application = api.fundingApplication(tenantId, applicationId);
            Page page = pages.titled(application.title(), tenantId);
            FundingForms.Refusal refusal = FundingForms.invalid(page, messages, invalid);
            return Response.status(refusal.status())
                    .entity(view(page, tenantId, application, FormAnswer.entered(form), null, refusal.text())).build();
        }
        FundingDecision decision = new FundingDecision(status, on, FormAnswer.optional(form, "caseNumber"), approvedOre,
                expiresOn, FormAnswer.optional(form, "reason"));
        try {
            FundingApplication decided = api.decideFundingApplication(tenantId, applicationId, decision);
            return Response.seeOther(URI.create(path(tenantId, applicationId) + "?notice=" + decided.status())).build();
        } catch (ApiProblem problem) {
            FundingApplication application = api.fundingApplication(tenantId, applicationId);
            Page page = pages.titled(application.title(), tenantId);
            FundingForms.Refusal refusal = FundingForms.of(page, messages, problem);
            return Response.status(refusal.status())
                    .entity(view(page, tenantId, application, FormAnswer.entered(form), null, refusal.text())).build();
        }
    }

    /** The summary for KS's portal, fetched from the API with the person's token. */
    @GET
    @Path("{applicationId}/summary.pdf")
    @Produces("application/pdf")
    public Response summary(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId) {
        return pdf(api.fundingApplicationSummary(tenantId, applicationId), "soknad-" + applicationId + ".pdf");
    }

    /** A PDF from the API as a download that no cache keeps. */
    static Response pdf(byte[] content, String fileName) {
        return Response.ok(content, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    private TemplateInstance form(Page page, String tenantId, Map<String, String> entered, List<String> chosen,
            List<StudyFeeRow> studyFees, boolean studyFeesRefused, String key, String problem) {
        LocalDate today = page.t().today();
        List<BookedActivity> activities = api.bookedActivities(tenantId, today.minusYears(1).toString(),
                today.plusYears(2).toString(), 500).stream().filter(a -> !a.cancelled())
                .sorted(Comparator.comparing(BookedActivity::startsAt)).toList();
        Map<String, String> values = new HashMap<>(entered);
        values.putIfAbsent("policy", "ou-2024");
        return Templates.form(page, api.fundingPolicies(), activities, values, chosen, studyFees, studyFeesRefused, key, problem);
    }

    private TemplateInstance view(Page page, String tenantId, FundingApplication application, Map<String, String> entered,
            String notice, String problem) {
        LocalDate today = page.t().today();
        Set<UUID> ids = Set.copyOf(application.activityIds());
        List<BookedActivity> activities = ids.isEmpty() ? List.of()
                : api.bookedActivities(tenantId, today.minusYears(2).toString(), today.plusYears(3).toString(), 500).stream()
                        .filter(a -> ids.contains(a.id())).sorted(Comparator.comparing(BookedActivity::startsAt)).toList();
        Map<String, String> values = new HashMap<>(entered);
        values.putIfAbsent("on", today.toString());
        if (application.requestedOre() > 0) {
            values.putIfAbsent("approved", Kroner.field(application.requestedOre()));
        }
        values.putIfAbsent("expiresOn", today.plusYears(1).toString());
        return Templates.application(page, application, activities, FundingForms.owner(page, tenantId), values, notice, problem);
    }

    private static LocalDate date(MultivaluedMap<String, String> form, String field, List<String> invalid) {
        String value = FormAnswer.optional(form, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            invalid.add(field);
            return null;
        }
    }

    static String path(String tenantId, UUID applicationId) {
        return "/tenants/" + tenantId + "/funding/applications/" + applicationId;
    }
}
