package no.ks.led.web.surveys;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.Answer;
import no.ks.led.web.api.Answers;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.MyResponse;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A principal or school leader answers the status analysis: one form, saved as a draft as often as they
 * like ("save and continue later") and submitted when done. Works without JavaScript; with it, saving
 * stays on the page (htmx). The page's URL is the one the invitation e-mail links to.
 */
@Path("/tenants/{tenantId}/survey-rounds/{roundId}")
@Produces(MediaType.TEXT_HTML)
public class Answering {

    static final String FIELD_PREFIX = "answer.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, SurveyRoundDetail round, MyResponse mine, String key,
                String notice, String problem);

        static native TemplateInstance form$saved(Page page, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance form(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @QueryParam("saved") boolean saved) {
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        MyResponse mine = api.myResponse(tenantId, roundId);
        Page page = pages.titled(round.title(), tenantId);
        return Templates.form(page, round, mine, UUID.randomUUID().toString(),
                saved ? page.t().msg("answer.saved") : null, null);
    }

    /**
     * {@code action=save} keeps the answers as a draft; {@code action=submit} saves and submits them, with the
     * form's own idempotency key, so a double click or a retried post submits once.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            MultivaluedMap<String, String> form, @HeaderParam("HX-Request") boolean htmx) {
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        List<Answer> answers = answersOf(round, form);
        boolean submit = "submit".equals(form.getFirst("action"));
        try {
            api.saveDraft(tenantId, roundId, new Answers(answers));
            if (submit) {
                String key = form.getFirst("key");
                api.submit(tenantId, roundId, key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
                return Response.seeOther(URI.create("/tenants/" + tenantId + "?submitted=" + roundId)).build();
            }
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 404) {
                throw problem;
            }
            Page page = pages.titled(round.title(), tenantId);
            String message = page.t().problem(problem.type());
            if (htmx) {
                return Response.status(problem.status()).entity(Templates.form$saved(page, null, message)).build();
            }
            MyResponse typed = new MyResponse(null, round.mode(), answers, List.of(), null);
            return Response.status(problem.status())
                    .entity(Templates.form(page, round, typed, form.getFirst("key"), null, message)).build();
        }
        if (htmx) {
            Page page = pages.titled(round.title(), tenantId);
            return Response.ok(Templates.form$saved(page, page.t().msg("answer.saved"), null)).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/survey-rounds/" + roundId + "?saved=true")).build();
    }

    /** The answers in the form to the round's own items; anything else in the form is ignored. */
    static List<Answer> answersOf(SurveyRoundDetail round, MultivaluedMap<String, String> form) {
        List<Answer> answers = new ArrayList<>();
        for (SurveyRoundDetail.Section section : round.questions().sections()) {
            for (SurveyRoundDetail.Item item : section.items()) {
                String value = form.getFirst(FIELD_PREFIX + item.code());
                if (value == null || value.isBlank()) {
                    continue;
                }
                if (!item.isScale()) {
                    answers.add(new Answer(item.code(), null, null, value.strip()));
                } else if (value.equals("dont-know")) {
                    answers.add(new Answer(item.code(), null, true, null));
                } else if (value.matches("[1-5]")) {
                    answers.add(new Answer(item.code(), Integer.parseInt(value), null, null));
                }
            }
        }
        return answers;
    }
}
