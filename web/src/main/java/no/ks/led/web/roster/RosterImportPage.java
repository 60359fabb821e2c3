package no.ks.led.web.roster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Base64;
import java.util.UUID;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.web.api.ApiProblem;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The roster import (schools and leaders from a CSV file, docs/roster-import.md): upload, the API's dry-run report
 * before anything changes, then the import with its progress while it runs (htmx polls the status; without
 * JavaScript the page reloads itself). The checked file travels back with the form, so exactly what was checked is
 * imported, and the API checks it again.
 */
@Path("/tenants/{tenantId}/roster-import")
@Produces(MediaType.TEXT_HTML)
public class RosterImportPage {

    /** The API takes at most 4 MiB. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Page page, String problem);

        static native TemplateInstance report(Page page, RosterReport report, String file, String problem);

        static native TemplateInstance job(Page page, RosterImports.Job job, String problem);

        static native TemplateInstance job$status(Page page, RosterImports.Job job, String problem);
    }

    @Inject
    Pages pages;

    @Inject
    RosterImports imports;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessTokenCredential accessToken;

    @GET
    public TemplateInstance upload(@PathParam("tenantId") String tenantId) {
        return Templates.upload(pages.page("roster.title", tenantId), null);
    }

    /** The dry run: the API's report of the uploaded file; nothing changes. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@PathParam("tenantId") String tenantId, @RestForm("file") FileUpload file) throws IOException {
        Page page = pages.page("roster.title", tenantId);
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(Templates.upload(page, page.t().msg("roster.no-file"))).build();
        }
        if (file.size() > MAX_BYTES) {
            return Response.status(413).entity(Templates.upload(page, page.t().problem("roster-too-large"))).build();
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        RosterReport report = imports.dryRun(tenantId, accessToken.getToken(), bytes);
        return answer(page, report, Base64.getEncoder().encodeToString(bytes));
    }

    /** Starts the import of the checked file and shows its progress. */
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@PathParam("tenantId") String tenantId, @FormParam("file") String file, @FormParam("rows") int rows) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(file == null ? "" : file);
        } catch (IllegalArgumentException garbled) {
            bytes = new byte[0];
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            Page page = pages.page("roster.title", tenantId);
            return Response.status(400).entity(Templates.upload(page, page.t().msg("roster.no-file"))).build();
        }
        RosterImports.Job job = imports.start(tenantId, person(), accessToken.getToken(), bytes, rows);
        return Response.seeOther(URI.create("/tenants/" + tenantId + "/roster-import/jobs/" + job.id())).build();
    }

    @GET
    @Path("jobs/{jobId}")
    public TemplateInstance job(@PathParam("tenantId") String tenantId, @PathParam("jobId") UUID jobId) {
        RosterImports.Job job = find(tenantId, jobId);
        Page page = pages.page("roster.title", tenantId);
        return Templates.job(page, job, problem(page, job));
    }

    /** The progress alone, for htmx's polling; done, it carries no poll, so the polling stops. */
    @GET
    @Path("jobs/{jobId}/status")
    public TemplateInstance status(@PathParam("tenantId") String tenantId, @PathParam("jobId") UUID jobId) {
        RosterImports.Job job = find(tenantId, jobId);
        Page page = pages.page("roster.title", tenantId);
        return Templates.job$status(page, job, problem(page, job));
    }

    private Response answer(Page page, RosterReport report, String file) {
        String problem = report.status() == 200 ? null : page.t().problem(report.problem());
        int status = report.status() == 200 ? 200 : report.status() >= 500 ? 502 : report.status();
        if (report.status() == 401 || report.status() == 403 || report.status() == 404) {
            throw new ApiProblem(report.status(), report.problem());
        }
        return Response.status(status).entity(Templates.report(page, report, file, problem)).build();
    }

    private RosterImports.Job find(String tenantId, UUID jobId) {
        return imports.find(jobId, tenantId, person()).orElseThrow(NotFoundException::new);
    }

    private static String problem(Page page, RosterImports.Job job) {
        return job.done() && !job.report().accepted() ? page.t().problem(job.report().problem()) : null;
    }

    private String person() {
        return identity.getPrincipal().getName();
    }
}
