package no.ks.led.web.programmes;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.api.NewProposal;
import no.ks.led.web.api.PlanChange;
import no.ks.led.web.api.PlanProposal;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Programme;
import no.ks.led.web.api.ProposalDecision;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The proposals inbox: a consultant with an engagement proposes an entry for the plan, the owner's executive or
 * coordinator accepts or rejects each; the consultant builds the owner's capacity and never changes the plan alone.
 */
@Path("/tenants/{tenantId}/programmes/{programmeId}/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalPages {

    /** The kinds of entry a consultant may propose. */
    static final List<String> KINDS = List.of("note", "future-picture", "goal", "theme", "module");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Page page, Programme programme, List<PlanProposal> proposals,
                List<EntryKind> kinds, boolean owner, boolean consultant, String key, String notice, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance inbox(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @QueryParam("notice") String notice, @QueryParam("problem") String problem) {
        Programme programme = api.programme(tenantId, programmeId);
        List<PlanProposal> proposals = api.proposals(tenantId, programmeId);
        Page page = pages.page("proposals.title", tenantId);
        return Templates.inbox(page, programme, proposals, EntryKind.of(KINDS), PlanForms.owner(page, tenantId),
                page.me().holds(tenantId, "consultant"), UUID.randomUUID().toString(), PlanForms.notice(page, notice),
                PlanForms.problem(page, problem));
    }

    /** A consultant proposes an entry. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @FormParam("kind") String kind, @FormParam("text") String text, @FormParam("note") String note,
            @FormParam("key") String key) {
        String inbox = inbox(tenantId, programmeId);
        if (!KINDS.contains(kind)) {
            return PlanForms.back(inbox, new ApiProblem(400, "validation-failed"));
        }
        try {
            api.propose(tenantId, programmeId, new NewProposal(new PlanChange(new PlanChange.Entry(kind, null, text), null),
                    note == null || note.isBlank() ? null : note), PlanForms.key(key));
        } catch (ApiProblem problem) {
            return PlanForms.back(inbox, problem);
        }
        return Response.seeOther(URI.create(inbox + "?notice=proposed")).build();
    }

    /** The owner accepts ({@code decision=accept}) or rejects a proposal. */
    @POST
    @Path("{proposalId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("proposalId") UUID proposalId, @FormParam("decision") String decision,
            @FormParam("reason") String reason) {
        String inbox = inbox(tenantId, programmeId);
        boolean accept = "accept".equals(decision);
        try {
            api.decideProposal(tenantId, programmeId, proposalId,
                    new ProposalDecision(accept, reason == null || reason.isBlank() ? null : reason));
        } catch (ApiProblem problem) {
            return PlanForms.back(inbox, problem);
        }
        return Response.seeOther(URI.create(inbox + "?notice=" + (accept ? "accepted" : "rejected"))).build();
    }

    private static String inbox(String tenantId, UUID programmeId) {
        return "/tenants/" + tenantId + "/programmes/" + programmeId + "/proposals";
    }
}
