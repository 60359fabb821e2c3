package no.ks.led.organisations.identity.rest;

import java.util.List;
import java.util.Set;

import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.identity.IdentitySyncTask;
import no.ks.led.organisations.identity.service.IdentitySync;
import org.jboss.resteasy.reactive.RestResponse;

/** KS's view of the identity sync to Keycloak: what is pending, failed or done, and a retry. */
@Path("/api/national/identity-sync")
@Produces(MediaType.APPLICATION_JSON)
public class IdentitySyncResource {

    static final String KS_ADMIN = "ks-admin";
    private static final Set<String> STATUSES = Set.of(IdentitySyncTask.PENDING, IdentitySyncTask.FAILED,
            IdentitySyncTask.DONE);

    @Inject
    TenantAccess access;

    @Inject
    IdentitySync sync;

    /** The tasks, newest first, of one status if asked, a page at a time. */
    @GET
    public RestResponse<List<IdentitySyncTaskView>> list(@QueryParam("status") String status, @BeanParam PageRequest page) {
        access.requireNational(KS_ADMIN);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "must be one of pending, failed, done");
        }
        var query = status == null ? IdentitySyncTask.<IdentitySyncTask>findAll(Sort.descending("id"))
                : IdentitySyncTask.<IdentitySyncTask>find("status", Sort.descending("id"), status);
        return page.of(query).map(IdentitySyncTaskView::of).toResponse();
    }

    @POST
    @Path("{id}/retry")
    public IdentitySyncTaskView retry(@PathParam("id") String id) {
        access.requireNational(KS_ADMIN);
        long taskId;
        try {
            taskId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Identity sync task " + id);
        }
        return IdentitySyncTaskView.of(sync.retry(taskId));
    }
}
