package no.ks.led.web.programmes;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.LocalPlan;
import no.ks.led.web.api.PlanChange;
import no.ks.led.web.api.PlanCycle;
import no.ks.led.web.api.PlanEvaluation;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Programme;
import no.ks.led.web.api.School;
import no.ks.led.web.api.SchoolFocus;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Writing the local plan: the editor of each of the three questions (entries; measures with responsible and due
 * date in "Hvordan kommer vi dit?"), the focus from the status analysis's results, and the history between cycles.
 */
@Path("/tenants/{tenantId}/programmes/{programmeId}")
@Produces(MediaType.TEXT_HTML)
public class PlanPages {

    /** The kinds of entry each phase takes, in the order the editor offers them. */
    static final Map<String, List<String>> KINDS = Map.of(
            "hvor-er-vi", List.of("note", "focus-area"),
            "hvor-vil-vi", List.of("future-picture"),
            "hvordan-kommer-vi-dit", List.of("goal", "theme", "module"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance phase(Page page, Programme programme, LocalPlan.PhaseView phase, List<EntryKind> kinds,
                List<LocalPlan.MeasureView> measures, boolean measuresHere, boolean owner, String key, String notice,
                String problem);

        static native TemplateInstance focus(Page page, Programme programme, List<SchoolFocus> schools,
                Map<UUID, String> schoolNames, Map<String, String> sectionTitles, boolean owner, String notice,
                String problem);

        static native TemplateInstance history(Page page, Programme programme, List<PlanCycle> cycles, boolean owner,
                String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    @Path("phases/{phase}")
    public TemplateInstance phase(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("phase") String phase, @QueryParam("notice") String notice, @QueryParam("problem") String problem) {
        List<String> kinds = KINDS.get(phase);
        if (kinds == null) {
            throw new NotFoundException();
        }
        Programme programme = api.programme(tenantId, programmeId);
        LocalPlan plan = api.plan(tenantId, programmeId);
        LocalPlan.PhaseView view = plan.phase(phase).orElseThrow(NotFoundException::new);
        Page page = pages.titled(view.question() + " – " + programme.name(), tenantId);
        return Templates.phase(page, programme, view, EntryKind.of(kinds), plan.measures(), phase.equals("hvordan-kommer-vi-dit"),
                PlanForms.owner(page, tenantId), UUID.randomUUID().toString(), PlanForms.notice(page, notice),
                PlanForms.problem(page, problem));
    }

    /** Adds an entry of the phase (its kind must be one of the phase's). */
    @POST
    @Path("phases/{phase}/entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEntry(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("phase") String phase, @FormParam("kind") String kind, @FormParam("text") String text,
            @FormParam("key") String key) {
        String editor = editor(tenantId, programmeId, phase);
        if (!KINDS.get(phase).contains(kind)) {
            return PlanForms.back(editor, new ApiProblem(400, "validation-failed"));
        }
        return change(tenantId, programmeId, editor, new PlanChange(new PlanChange.Entry(kind, null, text), null), key,
                "entry-added");
    }

    /** Adds a measure with the person responsible and a due date. */
    @POST
    @Path("measures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMeasure(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @FormParam("title") String title, @FormParam("responsible") String responsible,
            @FormParam("dueOn") String dueOn, @FormParam("key") String key) {
        String editor = editor(tenantId, programmeId, "hvordan-kommer-vi-dit");
        LocalDate due;
        try {
            due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
        } catch (DateTimeParseException e) {
            return PlanForms.back(editor, new ApiProblem(400, "validation-failed"));
        }
        return change(tenantId, programmeId, editor,
                new PlanChange(null, new PlanChange.Measure(title, responsible, due, null)), key, "measure-added");
    }

    /** Completes the phase in the current cycle. */
    @POST
    @Path("phases/{phase}/completion")
    public Response completePhase(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("phase") String phase) {
        String editor = editor(tenantId, programmeId, phase);
        try {
            api.completePhase(tenantId, programmeId, phase);
        } catch (ApiProblem problem) {
            return PlanForms.back(editor, problem);
        }
        return Response.seeOther(URI.create(editor + "?notice=phase-completed")).build();
    }

    @GET
    @Path("focus")
    public TemplateInstance focus(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @QueryParam("notice") String notice, @QueryParam("problem") String problem) {
        Programme programme = api.programme(tenantId, programmeId);
        List<SchoolFocus> schools = api.planFocus(tenantId, programmeId);
        Map<UUID, String> names = api.schools(tenantId).stream().collect(Collectors.toMap(School::id, School::name, (a, b) -> a));
        Page page = pages.page("focus.title", tenantId);
        return Templates.focus(page, programme, schools, names, sectionTitles(tenantId, schools, page.t().lang()),
                PlanForms.owner(page, tenantId), PlanForms.notice(page, notice), PlanForms.problem(page, problem));
    }

    /**
     * The sections' titles in the page's language, from the instrument of each round the focus comes from (as the
     * results pages name them); a section of a round this person may not read keeps its code.
     */
    private Map<String, String> sectionTitles(String tenantId, List<SchoolFocus> schools, String language) {
        Map<String, String> titles = new HashMap<>();
        schools.stream().map(SchoolFocus::roundId).distinct().forEach(roundId -> {
            try {
                SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
                round.questions().sections().forEach(s -> titles.putIfAbsent(s.code(), s.title().in(language)));
            } catch (ApiProblem unreadable) {
                // the codes stand in for the titles
            }
        });
        return titles;
    }

    /** Picks a section of a school's results as a focus area of "Hvor er vi?". */
    @POST
    @Path("focus")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pickFocus(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @FormParam("schoolId") UUID schoolId, @FormParam("section") String section, @FormParam("key") String key) {
        String focus = "/tenants/" + tenantId + "/programmes/" + programmeId + "/focus";
        return change(tenantId, programmeId, focus,
                new PlanChange(new PlanChange.Entry("focus-area", schoolId, section), null), key, "focus-picked");
    }

    @GET
    @Path("history")
    public TemplateInstance history(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @QueryParam("notice") String notice, @QueryParam("problem") String problem) {
        Programme programme = api.programme(tenantId, programmeId);
        List<PlanCycle> cycles = api.planHistory(tenantId, programmeId);
        Page page = pages.page("history.title", tenantId);
        return Templates.history(page, programme, cycles, PlanForms.owner(page, tenantId), PlanForms.notice(page, notice),
                PlanForms.problem(page, problem));
    }

    /** Evaluates the plan: the current cycle is kept with the summary and the next begins. */
    @POST
    @Path("evaluations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @FormParam("summary") String summary) {
        String history = "/tenants/" + tenantId + "/programmes/" + programmeId + "/history";
        try {
            api.evaluatePlan(tenantId, programmeId, new PlanEvaluation(summary));
        } catch (ApiProblem problem) {
            return PlanForms.back(history, problem);
        }
        return Response.seeOther(URI.create(history + "?notice=evaluated")).build();
    }

    private Response change(String tenantId, UUID programmeId, String back, PlanChange change, String key, String notice) {
        try {
            api.changePlan(tenantId, programmeId, change, PlanForms.key(key));
        } catch (ApiProblem problem) {
            return PlanForms.back(back, problem);
        }
        return Response.seeOther(URI.create(back + "?notice=" + notice)).build();
    }

    private static String editor(String tenantId, UUID programmeId, String phase) {
        if (!KINDS.containsKey(phase)) {
            throw new NotFoundException();
        }
        return "/tenants/" + tenantId + "/programmes/" + programmeId + "/phases/" + phase;
    }
}
