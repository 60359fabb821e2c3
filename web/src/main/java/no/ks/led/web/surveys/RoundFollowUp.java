package no.ks.led.web.surveys;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.Completion;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.api.SurveyRound;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The coordinator's and the executive's rounds: the list, and one round's completion per school with the
 * reminder to everyone who has not answered. Rounds close by themselves after their last day.
 */
@Path("/tenants/{tenantId}/rounds")
@Produces(MediaType.TEXT_HTML)
public class RoundFollowUp {

    /** A round in the list, with where it stands on the tenant's day. */
    @TemplateData
    public record Row(SurveyRound round, String status) {

        public String statusKey() {
            return "round.status." + status;
        }
    }

    /** One school of a round: its name and how many of its leaders have finished. */
    @TemplateData
    public record SchoolCompletion(UUID schoolId, String name, long finished) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rounds(Page page, List<Row> rows);

        static native TemplateInstance round(Page page, SurveyRoundDetail round, String status, String statusKey,
                List<SchoolCompletion> schools, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance rounds(@PathParam("tenantId") String tenantId) {
        List<SurveyRound> rounds = api.surveyRounds(tenantId);
        Page page = pages.page("rounds.title", tenantId);
        LocalDate today = page.t().today();
        List<Row> rows = rounds.stream().sorted(Comparator.comparing(SurveyRound::opensOn).reversed())
                .map(r -> new Row(r, status(r.opensOn(), r.closesOn(), today))).toList();
        return Templates.rounds(page, rows);
    }

    @GET
    @Path("{roundId}")
    public TemplateInstance round(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @QueryParam("reminded") boolean reminded, @QueryParam("opened") boolean opened,
            @QueryParam("closed") boolean closed) {
        String notice = reminded ? "round.reminded" : opened ? "round.opened" : closed ? "round.closed" : null;
        return view(tenantId, roundId, notice, null);
    }

    /** Closes the round before its last day: no answers from today, and its results are final. */
    @POST
    @Path("{roundId}/closing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        return act(tenantId, roundId, () -> api.closeRound(tenantId, roundId), "closed");
    }

    /** Queues one reminder to everyone of the round who has not submitted; the API allows it once a day. */
    @POST
    @Path("{roundId}/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remind(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId) {
        return act(tenantId, roundId, () -> api.remind(tenantId, roundId), "reminded");
    }

    /** Does one thing to the round, then back to its page with a notice, or with the API's 409 said there. */
    private Response act(String tenantId, UUID roundId, Runnable call, String done) {
        try {
            call.run();
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            return Response.status(409).entity(view(tenantId, roundId, null, problem.type())).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/rounds/" + roundId + "?" + done + "=true")).build();
    }

    private TemplateInstance view(String tenantId, UUID roundId, String noticeKey, String problemType) {
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        List<Completion> completion = api.completion(tenantId, roundId);
        Map<UUID, String> names = api.schools(tenantId).stream().collect(Collectors.toMap(School::id, School::name, (a, b) -> a));
        Map<UUID, Long> finished = completion.stream().collect(Collectors.groupingBy(Completion::schoolId, Collectors.counting()));
        List<SchoolCompletion> schools = round.schoolIds().stream()
                .map(id -> new SchoolCompletion(id, names.getOrDefault(id, id.toString()), finished.getOrDefault(id, 0L)))
                .sorted(Comparator.comparing(SchoolCompletion::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Page page = pages.titled(round.title(), tenantId);
        String status = status(round.opensOn(), round.closesOn(), page.t().today());
        return Templates.round(page, round, status, "round.status." + status, schools,
                noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }

    /** {@code upcoming}, {@code open} or {@code closed} on the day. */
    static String status(LocalDate opensOn, LocalDate closesOn, LocalDate today) {
        return today.isBefore(opensOn) ? "upcoming" : today.isAfter(closesOn) ? "closed" : "open";
    }
}
