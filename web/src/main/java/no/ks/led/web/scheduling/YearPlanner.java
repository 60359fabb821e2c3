package no.ks.led.web.scheduling;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.web.api.Activity;
import no.ks.led.web.api.Horizon;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The year planner: the next twelve months' activities month by month, the horizon check and each activity's warnings. */
@Path("/tenants/{tenantId}/planner")
@Produces(MediaType.TEXT_HTML)
public class YearPlanner {

    /** A month and its activities. */
    @TemplateData
    public record Month(YearMonth month, String name, List<Activity> activities) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance planner(Page page, Horizon horizon, List<Month> months);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    public TemplateInstance planner(@PathParam("tenantId") String tenantId) {
        Page page = pages.page("planner.title", tenantId);
        Horizon horizon = api.horizon(tenantId);
        Map<YearMonth, List<Activity>> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(horizon.from()); !m.isAfter(YearMonth.from(horizon.to().minusDays(1))); m = m.plusMonths(1)) {
            byMonth.put(m, new java.util.ArrayList<>());
        }
        for (Activity activity : api.activities(tenantId, horizon.from().toString(), horizon.to().toString(), 500)) {
            byMonth.computeIfAbsent(YearMonth.from(activity.startsAt()), k -> new java.util.ArrayList<>()).add(activity);
        }
        List<Month> months = byMonth.entrySet().stream()
                .map(e -> new Month(e.getKey(), page.t().month(e.getKey()), e.getValue())).toList();
        return Templates.planner(page, horizon, months);
    }
}
