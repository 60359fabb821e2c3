package no.ks.led.web.scheduling;

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
import no.ks.led.web.api.Activity;
import no.ks.led.web.api.Evaluation;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The evaluation after an activity: the form for those who attended (two ratings from 1 to 5 and a free text, once),
 * and the results for the coordinator and the executive, shown only from k answers.
 */
@Path("/tenants/{tenantId}/activities/{activityId}/evaluation")
@Produces(MediaType.TEXT_HTML)
public class EvaluationPage {

    /** A rated question: its form field and its text. */
    @TemplateData
    public record Rating(String field, String textKey) {
    }

    /** A point of the scale: its value and its text. */
    @TemplateData
    public record Point(String value, String textKey) {
    }

    /** The rated questions, in order; each is answered on the points 1 to 5. */
    static final List<Rating> RATINGS = List.of(new Rating("usefulness", "evaluation.usefulness"),
            new Rating("relevance", "evaluation.relevance"));
    static final List<Point> POINTS = java.util.stream.IntStream.rangeClosed(1, 5)
            .mapToObj(p -> new Point(String.valueOf(p), "evaluation.point." + p)).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluation(Page page, Activity activity, Evaluation evaluation, List<Rating> ratings,
                List<Point> points, Map<String, String> entered, String notice, String problem);

        static native TemplateInstance results(Page page, Activity activity, Evaluation.Results results);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance evaluation(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @QueryParam("answered") boolean answered) {
        return form(tenantId, activityId, Map.of(), answered ? "evaluation.thanks" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            MultivaluedMap<String, String> form) {
        Map<String, Object> answer = new HashMap<>();
        for (Rating rating : RATINGS) {
            answer.put(rating.field(), point(FormAnswer.value(form, rating.field())));
        }
        answer.put("comment", FormAnswer.optional(form, "comment"));
        return FormAnswer.of(() -> api.answerEvaluation(tenantId, activityId, answer),
                "/tenants/" + tenantId + "/activities/" + activityId + "/evaluation?answered=true", form,
                refusal -> form(tenantId, activityId, refusal.entered(), null, refusal.problemType()));
    }

    @GET
    @Path("results")
    public TemplateInstance results(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId) {
        Activity activity = api.activity(tenantId, activityId);
        Evaluation.Results results = api.evaluationResults(tenantId, activityId);
        return Templates.results(pages.titled(activity.title(), tenantId), activity, results);
    }

    private TemplateInstance form(String tenantId, UUID activityId, Map<String, String> entered, String noticeKey,
            String problemType) {
        Activity activity = api.activity(tenantId, activityId);
        Evaluation evaluation = api.evaluation(tenantId, activityId);
        Page page = pages.titled(activity.title(), tenantId);
        return Templates.evaluation(page, activity, evaluation, RATINGS, POINTS, entered,
                noticeKey == null ? null : page.t().msg(noticeKey), problemType == null ? null : page.t().problem(problemType));
    }

    /** A point from 1 to 5 as the form sent it, or null (the API names the field) when it is missing or not a number. */
    private static Integer point(String value) {
        return value.matches("[1-5]") ? Integer.valueOf(value) : null;
    }
}
