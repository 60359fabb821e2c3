package no.ks.led.web.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.web.api.PlatformApi;
import no.ks.led.web.api.Results;
import no.ks.led.web.api.SurveyRoundDetail;
import no.ks.led.web.page.Page;
import no.ks.led.web.page.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A school's results for its leadership team to discuss: the team-meeting mode (the spread of the answers per
 * statement, no identities, and nothing the API suppresses below k) and the dialogue-conference view (one section
 * at a time in large type, for a projector). Both show only what the school's results route gives this person.
 */
@Path("/tenants/{tenantId}/survey-rounds/{roundId}/results/schools/{schoolId}/discussion")
@Produces(MediaType.TEXT_HTML)
public class ResultsDiscussion {

    /** The points of the scale in the order the spread shows them. */
    static final List<String> POINTS = List.of("1", "2", "3", "4", "5", "dont-know");
    /** The width (SVG units) of a spread's bar. */
    static final int BAR = 300;

    /** One statement's spread: the count per point of the scale, and each point's share of the bar. */
    @TemplateData
    public record Spread(String text, boolean suppressed, Long answers, List<Point> points) {
    }

    /** A point of the scale: its label, how many chose it, and where its part of the bar starts and how wide it is. */
    @TemplateData
    public record Point(String value, String label, long count, int x, int width) {
    }

    /** A section of the round with the spread of each of its statements. */
    @TemplateData
    public record SectionSpread(String code, String title, boolean suppressed, List<Spread> items) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teamMeeting(Page page, SurveyRoundDetail round, Results results,
                List<SectionSpread> sections, String resultsPath);

        static native TemplateInstance conference(Page page, SurveyRoundDetail round, Results.Group group,
                Results.Section section, int number, int count, String resultsPath, String conferencePath);
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlatformApi api;

    @GET
    @Path("team-meeting")
    public TemplateInstance teamMeeting(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId) {
        Results results = api.schoolResults(tenantId, roundId, schoolId);
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        Page page = pages.titled(round.title(), tenantId);
        return Templates.teamMeeting(page, round, results, spreads(round, results.total(), page.t().lang()),
                schoolPath(tenantId, roundId, schoolId));
    }

    @GET
    @Path("conference/{number}")
    public TemplateInstance conference(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId, @PathParam("number") int number) {
        Results results = api.schoolResults(tenantId, roundId, schoolId);
        SurveyRoundDetail round = api.surveyRound(tenantId, roundId);
        String path = schoolPath(tenantId, roundId, schoolId);
        return conferencePage(pages.titled(round.title(), tenantId), round, results.total(), number, path,
                path + "/discussion/conference/");
    }

    /** One section of a group's results as the conference view shows it; sections are numbered from 1. */
    static TemplateInstance conferencePage(Page page, SurveyRoundDetail round, Results.Group group, int number,
            String resultsPath, String conferencePath) {
        List<Results.Section> sections = group.sections();
        if (sections.isEmpty() && number == 1) {
            return Templates.conference(page, round, group, null, 1, 0, resultsPath, conferencePath);
        }
        if (number < 1 || number > sections.size()) {
            throw new NotFoundException();
        }
        return Templates.conference(page, round, group, sections.get(number - 1), number, sections.size(), resultsPath,
                conferencePath);
    }

    static List<SectionSpread> spreads(SurveyRoundDetail round, Results.Group group, String language) {
        Map<String, String> labels = new java.util.HashMap<>();
        round.questions().scale().forEach(l -> labels.put(l.value(), l.label().in(language)));
        List<SectionSpread> sections = new ArrayList<>();
        for (Results.Section section : group.sections()) {
            List<Spread> items = new ArrayList<>();
            for (Results.Item item : section.items()) {
                items.add(spread(round.itemText(item.code(), language), item, labels));
            }
            sections.add(new SectionSpread(section.code(), round.sectionTitle(section.code(), language),
                    section.suppressed(), items));
        }
        return sections;
    }

    private static Spread spread(String text, Results.Item item, Map<String, String> labels) {
        if (item.suppressed() || item.distribution() == null) {
            return new Spread(text, true, null, List.of());
        }
        long total = POINTS.stream().mapToLong(p -> item.distribution().getOrDefault(p, 0L)).sum();
        List<Point> points = new ArrayList<>();
        int x = 0;
        long counted = 0;
        for (String value : POINTS) {
            long count = item.distribution().getOrDefault(value, 0L);
            counted += count;
            // each part ends where its running total ends, so the parts always fill the bar exactly
            int end = total == 0 ? 0 : (int) (counted * BAR / total);
            points.add(new Point(value, labels.getOrDefault(value, value), count, x, end - x));
            x = end;
        }
        return new Spread(text, false, total, points);
    }

    private static String schoolPath(String tenantId, UUID roundId, UUID schoolId) {
        return "/tenants/" + tenantId + "/survey-rounds/" + roundId + "/results/schools/" + schoolId;
    }
}
