package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.calendar.Horizon;
import no.ks.led.scheduling.calendar.PublicHolidays;
import no.ks.led.scheduling.calendar.Warning;
import no.ks.led.scheduling.service.CalendarChecks;

/** The calendar rules a tenant plans by: its country's public holidays and the horizon of its gatherings. */
@Path("/api/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarRulesResource {

    @Inject
    TenantAccess access;

    @Inject
    TenantZones zones;

    @Inject
    CalendarChecks checks;

    /** The public holidays of the tenant's country in a year (this year by default), one entry per date. */
    @GET
    @Path("public-holidays")
    public List<PublicHolidays.Day> holidays(@PathParam("tenantId") String tenantId, @QueryParam("year") String year) {
        access.require(tenantId);
        int y;
        try {
            y = year == null || year.isEmpty() ? LocalDate.now(zones.of(tenantId)).getYear() : Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("year", "must be a year from 1900 to 2200");
        }
        if (y < 1900 || y > 2200) {
            throw ProblemException.invalidField("year", "must be a year from 1900 to 2200");
        }
        return PublicHolidays.of(PublicHolidays.countryOf(zones.of(tenantId)), y);
    }

    /** Whether gatherings are planned twelve months ahead of {@code asOf} (today in the tenant's zone by default). */
    @GET
    @Path("horizon")
    public HorizonView horizon(@PathParam("tenantId") String tenantId, @QueryParam("asOf") String asOf) {
        access.require(tenantId);
        Horizon horizon = checks.horizon(tenantId, Dates.parse("asOf", asOf, LocalDate.now(zones.of(tenantId))));
        return new HorizonView(horizon.from(), horizon.to(), horizon.gatherings(), horizon.minimum(), horizon.months(),
                horizon.isThin() ? List.of(Warning.of(Warning.HORIZON, horizon.to(), null)) : List.of());
    }

    /** The horizon check as the API shows it. */
    public record HorizonView(LocalDate from, LocalDate to, int gatherings, int minimum, List<Horizon.Month> months,
            List<Warning> warnings) {
    }
}
