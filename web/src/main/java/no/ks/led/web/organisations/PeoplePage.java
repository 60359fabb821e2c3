package no.ks.led.web.organisations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import no.ks.led.web.api.NewPerson;
import no.ks.led.web.api.NewRole;
import no.ks.led.web.api.Person;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.School;
import no.ks.led.web.page.FormAnswer;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The tenant's people and their roles for the coordinator and the executive: add a person by e-mail address with a
 * role, grant a person another role, end a role. Who may grant which role is the API's rule.
 */
@Path("/tenants/{tenantId}/people")
@Produces(MediaType.TEXT_HTML)
public class PeoplePage {

    /** A role the forms offer: its value for the API and the key of its name. */
    @TemplateData
    public record RoleChoice(String value) {

        public String key() {
            return "role." + value;
        }
    }

    /** A school the forms offer: its id as the form sends it, and its name. */
    @TemplateData
    public record SchoolChoice(String id, String name) {
    }

    /** The roles a tenant grants, in the order the forms offer them. */
    static final List<RoleChoice> ROLES = Stream.of("principal", "school-leader", "coordinator", "owner-executive")
            .map(RoleChoice::new).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(Page page, List<Person> people, List<SchoolChoice> schools,
                Map<UUID, String> schoolNames, List<RoleChoice> roles, Map<String, String> entered, String notice,
                String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance people(@PathParam("tenantId") String tenantId, @QueryParam("done") String done) {
        String notice = done != null && List.of("added", "granted", "ended").contains(done) ? "people." + done : null;
        return view(tenantId, Map.of(), notice, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("tenantId") String tenantId, MultivaluedMap<String, String> form) {
        NewPerson person = new NewPerson(FormAnswer.value(form, "name"), FormAnswer.value(form, "email"),
                FormAnswer.value(form, "role"), FormAnswer.optional(form, "schoolId"));
        return FormAnswer.of(() -> api.addPerson(tenantId, person), done(tenantId, "added"), form,
                refusal -> view(tenantId, refusal.entered(), null, refusal.problemType()));
    }

    @POST
    @Path("{personId}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("tenantId") String tenantId, @PathParam("personId") UUID personId,
            MultivaluedMap<String, String> form) {
        NewRole role = new NewRole(FormAnswer.value(form, "role"), FormAnswer.optional(form, "schoolId"));
        return FormAnswer.of(() -> api.grantRole(tenantId, personId, role), done(tenantId, "granted"), null,
                refusal -> view(tenantId, Map.of(), null, refusal.problemType()));
    }

    @POST
    @Path("roles/{membershipId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("tenantId") String tenantId, @PathParam("membershipId") UUID membershipId) {
        return FormAnswer.of(() -> api.endRole(tenantId, membershipId), done(tenantId, "ended"), null,
                refusal -> view(tenantId, Map.of(), null, refusal.problemType()));
    }

    private static String done(String tenantId, String what) {
        return "/tenants/" + tenantId + "/people?done=" + what;
    }

    private TemplateInstance view(String tenantId, Map<String, String> entered, String noticeKey, String problemType) {
        Page page = pages.page("people.title", tenantId);
        List<School> schools = api.schools(tenantId).stream()
                .sorted(Comparator.comparing(School::name, String.CASE_INSENSITIVE_ORDER)).toList();
        Map<UUID, String> names = schools.stream().collect(Collectors.toMap(School::id, School::name, (a, b) -> a));
        List<Person> people = api.people(tenantId, 500).stream()
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
        List<SchoolChoice> choices = schools.stream().map(sc -> new SchoolChoice(sc.id().toString(), sc.name())).toList();
        return Templates.people(page, people, choices, names, ROLES, entered,
                noticeKey == null ? null : page.t().msg(noticeKey),
                problemType == null ? null : page.t().problem(problemType));
    }
}
