package no.ks.led.scheduling.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.paging.PageRequest;
import no.ks.led.scheduling.SchoolCalendarEntry;
import no.ks.led.scheduling.service.SchoolCalendar;
import org.jboss.resteasy.reactive.RestResponse;

/** A tenant's school calendar: school-free days and exam periods, by hand or from CSV. */
@Path("/api/tenants/{tenantId}/school-calendar")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolCalendarResource {

    @Inject
    TenantAccess access;

    @Inject
    SchoolCalendar calendar;

    @GET
    public RestResponse<List<EntryView>> list(@PathParam("tenantId") String tenantId, @BeanParam PageRequest page) {
        access.require(tenantId);
        return page.of(SchoolCalendarEntry.<SchoolCalendarEntry>find("tenantId = ?1 order by startsOn, id", tenantId))
                .map(EntryView::of).toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId,
            @NotNull(message = "a JSON body is required") @Valid NewEntry request) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        SchoolCalendarEntry entry = calendar.add(tenantId,
                new SchoolCalendar.Entry(request.kind(), request.from(), request.to(), request.name()));
        return Response.created(URI.create("/api/tenants/" + tenantId + "/school-calendar")).entity(EntryView.of(entry)).build();
    }

    /** Imports a CSV ({@code kind,from,to,name}, one entry a line): all lines or none. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public List<EntryView> importCsv(@PathParam("tenantId") String tenantId, String csv) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        return calendar.importCsv(tenantId, csv).stream().map(EntryView::of).toList();
    }

    @DELETE
    @Path("{entryId}")
    public Response remove(@PathParam("tenantId") String tenantId, @PathParam("entryId") UUID entryId) {
        access.require(tenantId, TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);
        calendar.remove(tenantId, entryId);
        return Response.noContent().build();
    }

    /** A school-free day (or days) or an exam period; {@code to} defaults to {@code from}. */
    public record NewEntry(@NotBlank(message = "is required") String kind,
            @NotNull(message = "is required") LocalDate from, LocalDate to,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name) {
    }

    /** An entry as the API shows it. */
    public record EntryView(UUID id, String kind, LocalDate from, LocalDate to, String name) {
        static EntryView of(SchoolCalendarEntry e) {
            return new EntryView(e.id, e.kind, e.startsOn, e.endsOn, e.name);
        }
    }
}
