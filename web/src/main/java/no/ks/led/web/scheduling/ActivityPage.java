package no.ks.led.web.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.Activity;
import no.ks.led.web.api.Evaluation;
import no.ks.led.web.api.Me;
import no.ks.led.web.api.Person;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.SignUp;
import no.ks.led.web.api.Speaker;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One activity: its time in the tenant's zone, place, speakers, warnings and funding status; the person's own sign-up
 * (with dietary needs) or its cancellation; for the coordinator and the executive the sign-ups, the waiting list and
 * attendance; for planners booking a speaker from the directory.
 */
@Path("/tenants/{tenantId}/activities/{activityId}")
@Produces(MediaType.TEXT_HTML)
public class ActivityPage {

    /** What a finished form says when the page comes back. */
    private static final Set<String> NOTICES = Set.of("signed-up", "cancelled", "attendance", "booked");
    private static final int ALL = 500;

    /** A signed-up person as the organisers see them: the name the tenant knows, and the place in line. */
    @TemplateData
    public record Participant(SignUp signUp, String name, int position) {
    }

    /** Everything the page shows. */
    @TemplateData
    public record View(Activity activity, SignUp mine, List<Participant> confirmed, List<Participant> waiting,
            boolean organiser, boolean planner, List<Speaker> directory, Evaluation evaluation) {

        /** How many of the confirmed attended. */
        public long attended() {
            return confirmed.stream().filter(p -> Boolean.TRUE.equals(p.signUp().attended())).count();
        }

        /** How many of the confirmed did not attend. */
        public long absent() {
            return confirmed.stream().filter(p -> Boolean.FALSE.equals(p.signUp().attended())).count();
        }

        /** How many of the confirmed have no attendance recorded. */
        public long unrecorded() {
            return confirmed.stream().filter(p -> p.signUp().attended() == null).count();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(Page page, View view, Map<String, String> entered, String notice,
                String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance activity(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @QueryParam("done") String done) {
        return render(tenantId, activityId, Map.of(), done != null && NOTICES.contains(done) ? "activity.done." + done : null,
                null);
    }

    /** The signed-in person signs up, with their dietary needs if any. */
    @POST
    @Path("sign-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            MultivaluedMap<String, String> form) {
        String dietaryNeeds = FormAnswer.optional(form, "dietaryNeeds");
        return answer(tenantId, activityId, form, "signed-up",
                () -> api.signUp(tenantId, activityId, dietaryNeeds == null ? Map.of() : Map.of("dietaryNeeds", dietaryNeeds)));
    }

    @POST
    @Path("sign-ups/{signUpId}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId, MultivaluedMap<String, String> form) {
        return answer(tenantId, activityId, form, "cancelled", () -> api.cancelSignUp(tenantId, activityId, signUpId));
    }

    /** The organiser records whether the person attended ({@code attended=yes|no}). */
    @POST
    @Path("sign-ups/{signUpId}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId, MultivaluedMap<String, String> form) {
        boolean attended = "yes".equals(FormAnswer.value(form, "attended"));
        return answer(tenantId, activityId, form, "attendance",
                () -> api.recordAttendance(tenantId, activityId, signUpId, Map.of("attended", attended)));
    }

    /** A planner books a speaker from the directory; a busy speaker comes back as "busy at that time" and nothing else. */
    @POST
    @Path("speakers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response book(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            MultivaluedMap<String, String> form) {
        Map<String, Object> booking = Map.of("speakerId", FormAnswer.value(form, "speakerId"),
                "tentative", "yes".equals(FormAnswer.value(form, "tentative")));
        return answer(tenantId, activityId, form, "booked", () -> api.bookSpeaker(tenantId, activityId, booking));
    }

    private Response answer(String tenantId, UUID activityId, MultivaluedMap<String, String> form, String done,
            Runnable call) {
        return FormAnswer.of(call, "/tenants/" + tenantId + "/activities/" + activityId + "?done=" + done, form,
                refusal -> render(tenantId, activityId, refusal.entered(), null, refusal.problemType()));
    }

    private TemplateInstance render(String tenantId, UUID activityId, Map<String, String> entered, String noticeKey,
            String problemType) {
        Activity activity = api.activity(tenantId, activityId);
        Page page = pages.titled(activity.title(), tenantId);
        Me me = pages.me();
        boolean organiser = me.holds(tenantId, "coordinator", "owner-executive");
        boolean planner = organiser || me.holds(tenantId, "consultant");
        List<SignUp> signUps = api.signUps(tenantId, activityId, ALL);
        SignUp mine = signUps.stream().filter(s -> s.personId().equals(me.personId()) && !s.cancelled()).findFirst()
                .orElse(null);
        List<Participant> confirmed = new ArrayList<>();
        List<Participant> waiting = new ArrayList<>();
        if (organiser) {
            Map<UUID, String> names = api.people(tenantId, ALL).stream().filter(p -> p.name() != null)
                    .collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a));
            Function<SignUp, String> name = s -> names.getOrDefault(s.personId(), page.t().msg("activity.unknown-person"));
            for (SignUp s : signUps) {
                if (s.confirmed()) {
                    confirmed.add(new Participant(s, name.apply(s), confirmed.size() + 1));
                } else if (s.waiting()) {
                    waiting.add(new Participant(s, name.apply(s), waiting.size() + 1));
                }
            }
        }
        List<Speaker> directory = planner && activity.scheduled() ? api.speakers(tenantId, ALL) : List.of();
        Evaluation evaluation = api.evaluation(tenantId, activityId);
        return Templates.activity(page, new View(activity, mine, confirmed, waiting, organiser, planner, directory, evaluation),
                entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
