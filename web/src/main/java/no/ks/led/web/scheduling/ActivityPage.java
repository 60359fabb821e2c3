package no.ks.led.web.scheduling;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.Activity;
import no.ks.led.web.api.ActivityAttachment;
import no.ks.led.web.api.ApiProblem;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One activity: its time in the tenant's zone, place, speakers, warnings and funding status; the person's own sign-up
 * (with dietary needs) or its cancellation; for the coordinator and the executive the sign-ups, the waiting list and
 * attendance; for planners booking a speaker from the directory; the agenda and materials, attached by planners.
 */
@Path("/tenants/{tenantId}/activities/{activityId}")
@Produces(MediaType.TEXT_HTML)
public class ActivityPage {

    /** What a finished form says when the page comes back. */
    private static final Set<String> NOTICES = Set.of("signed-up", "cancelled", "attendance", "booked", "attached",
            "removed");
    private static final int ALL = 500;

    /** A signed-up person as the organisers see them: the name the tenant knows, and the place in line. */
    @TemplateData
    public record Participant(SignUp signUp, String name, int position) {
    }

    /** Everything the page shows. */
    @TemplateData
    public record View(Activity activity, SignUp mine, List<Participant> confirmed, List<Participant> waiting,
            boolean organiser, boolean planner, List<Speaker> directory, Evaluation evaluation,
            List<ActivityAttachment> attachments) {

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
                null, null);
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

    /**
     * A planner attaches the agenda or a material. The type follows from the file's name; the API checks that the
     * content is of that type and at most 10 MB.
     */
    @POST
    @Path("attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @RestForm("kind") String kind, @RestForm("file") FileUpload file) throws IOException {
        String name = file == null || file.fileName() == null ? "" : file.fileName().strip();
        Optional<String> type = AttachmentFile.mediaType(name);
        String refusal = file == null || file.size() == 0 ? "activity.attachment-missing"
                : type.isEmpty() ? "activity.attachment-type"
                : file.size() > AttachmentFile.MAX_BYTES ? "activity.attachment-too-large" : null;
        if (refusal == null) {
            try {
                api.attachToActivity(tenantId, activityId, "agenda".equals(kind) ? "agenda" : "material", name, type.get(),
                        Files.readAllBytes(file.uploadedFile()));
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 409 && problem.status() != 415) {
                    throw problem;
                }
                return Response.status(problem.status()).entity(render(tenantId, activityId, Map.of(), null,
                        problem.fields().contains("file") ? "activity.attachment-invalid" : null, problem.type())).build();
            }
            return Response.seeOther(URI.create("/tenants/" + tenantId + "/activities/" + activityId
                    + "?done=attached#attachments-title")).build();
        }
        return Response.status(400).entity(render(tenantId, activityId, Map.of(), null, refusal, null)).build();
    }

    /** The file, fetched with the person's own token and handed on as the API names it. */
    @GET
    @Path("attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("attachmentId") UUID attachmentId) {
        try (Response file = api.activityAttachment(tenantId, activityId, attachmentId)) {
            return Response.ok(file.readEntity(byte[].class), file.getMediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, file.getHeaderString(HttpHeaders.CONTENT_DISPOSITION))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .header("X-Content-Type-Options", "nosniff").build();
        }
    }

    @POST
    @Path("attachments/{attachmentId}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeAttachment(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("attachmentId") UUID attachmentId, MultivaluedMap<String, String> form) {
        return answer(tenantId, activityId, form, "removed", () -> api.removeActivityAttachment(tenantId, activityId, attachmentId));
    }

    private Response answer(String tenantId, UUID activityId, MultivaluedMap<String, String> form, String done,
            Runnable call) {
        return FormAnswer.of(call, "/tenants/" + tenantId + "/activities/" + activityId + "?done=" + done, form,
                refusal -> render(tenantId, activityId, refusal.entered(), null, null, refusal.problemType()));
    }

    /** The page; a refusal is said by the page's own text ({@code problemKey}) or by the API's problem type. */
    private TemplateInstance render(String tenantId, UUID activityId, Map<String, String> entered, String noticeKey,
            String problemKey, String problemType) {
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
        List<ActivityAttachment> attachments = api.activityAttachments(tenantId, activityId);
        return Templates.activity(page, new View(activity, mine, confirmed, waiting, organiser, planner, directory, evaluation,
                attachments), entered, noticeKey == null ? null : page.t().msg(noticeKey),
                problemKey != null ? page.t().msg(problemKey) : problemType == null ? null : page.t().problem(problemType));
    }
}
