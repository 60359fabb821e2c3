package no.ks.led.surveys.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.surveys.LevelResults;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SurveyRound;

/**
 * The owner's view of a round for everyone who may see it. {@code owner-executive} and {@code coordinator}
 * see it whole. A consultant acts for the owner within their engagement's scope: only the schools the
 * engagement covers are listed (with the owner's suppression), and the tenant aggregate only when the
 * engagement covers the whole tenant, because an aggregate over schools outside the scope is the owner's.
 * What a consultant sees is a subset of what the owner is shown, so nothing in it can be subtracted to
 * reveal a hidden figure that the owner's view does not already protect. Free text is the school's own
 * leadership's alone: the owner's view (and so a consultant's, the exports and the charts) never carries it.
 */
@ApplicationScoped
public class OwnerResults {

    /** The roles that may see the owner's view (a consultant within their engagement). */
    public static final TenantRole[] VIEWERS = {TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR, TenantRole.CONSULTANT};

    private static final List<TenantRole> OWNER = List.of(TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR);

    @Inject
    RoundResults results;

    /** The owner's view of the round as this viewer may see it. */
    public Results of(SurveyRound round, Grant viewer) {
        Results whole = withoutFreeText(results.forTenant(round, viewer));
        return viewer.hasAny(OWNER) ? whole : withinEngagement(whole, viewer.roles().get(TenantRole.CONSULTANT));
    }

    /**
     * The owner's view split by level. A consultant sees it only with an engagement over the whole tenant: the
     * levels are aggregates over every school of the round, which are the owner's (as the tenant's total is).
     */
    public LevelResults byLevel(SurveyRound round, Grant viewer) {
        LevelResults split = results.byLevel(round, viewer);
        Grant.Scope engagement = viewer.roles().get(TenantRole.CONSULTANT);
        if (!viewer.hasAny(OWNER) && (engagement == null || !engagement.wholeTenant())) {
            return new LevelResults(split.roundId(), split.minGroupSize(), split.basis(), Results.Group.SUPPRESSED,
                    split.levels().stream().map(l -> new LevelResults.Level(l.level(), Results.Group.SUPPRESSED)).toList());
        }
        return new LevelResults(split.roundId(), split.minGroupSize(), split.basis(), withoutFreeText(split.total()),
                split.levels().stream().map(l -> new LevelResults.Level(l.level(), withoutFreeText(l.results()))).toList());
    }

    /** The figures without any free text: the school's leaders read it in their school's view, nobody else does. */
    static Results withoutFreeText(Results view) {
        return new Results(view.roundId(), view.scope(), view.schoolId(), view.minGroupSize(), view.basis(), view.shared(),
                withoutFreeText(view.total()), view.schools().stream()
                        .map(s -> new Results.School(s.schoolId(), s.status(), withoutFreeText(s.results()))).toList(),
                view.previousRoundId());
    }

    private static Results.Group withoutFreeText(Results.Group group) {
        return new Results.Group(group.suppressed(), group.respondents(), group.sections(), List.of());
    }

    /** The owner's view cut to an engagement's scope (none: nothing at all). */
    static Results withinEngagement(Results owner, Grant.Scope engagement) {
        boolean whole = engagement != null && engagement.wholeTenant();
        List<Results.School> schools = engagement == null ? List.of()
                : owner.schools().stream().filter(s -> engagement.covers(s.schoolId())).toList();
        return new Results(owner.roundId(), owner.scope(), owner.schoolId(), owner.minGroupSize(), owner.basis(),
                owner.shared(), whole ? owner.total() : Results.Group.SUPPRESSED, schools);
    }
}
