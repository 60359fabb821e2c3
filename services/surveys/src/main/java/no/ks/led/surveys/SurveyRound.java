package no.ks.led.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;

/** A round of the status analysis (ståstedsanalyse) for chosen schools of a tenant. */
@Entity
@Table(name = "survey_round")
public class SurveyRound extends TenantScopedEntity {

    public static final String INDIVIDUAL = "individual";
    public static final String TEAM = "team";

    @Column(nullable = false)
    public String title;

    /** {@code individual} (each leader answers alone) or {@code team} (one agreed answer). */
    @Column(nullable = false)
    public String mode;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    /** The last day answers are taken (inclusive, platform time zone). */
    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    @Column(name = "instrument_version", nullable = false)
    public int instrumentVersion;

    /** k: no figure about fewer than this many respondents is shown. */
    @Column(name = "min_group_size", nullable = false)
    public int minGroupSize;

    @Column(name = "opened_by")
    public UUID openedBy;

    /** How many years after its last day the round's answers are kept (then only the tallies remain). */
    @Column(name = "retention_years", nullable = false)
    public int retentionYears;

    /** When the answers were deleted at the end of the retention period; null while they are kept. */
    @Column(name = "answers_purged_at")
    public Instant answersPurgedAt;

    public boolean isTeam() {
        return TEAM.equals(mode);
    }

    /** Whether answers are taken on this day. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /**
     * Refuses what may only be done while the round is open, on the tenant's {@code day}: 409
     * {@code survey-round-not-open-yet} before its first day, {@code survey-round-closed} after its last.
     */
    public void requireOpenOn(LocalDate day, String what) {
        if (day.isBefore(opensOn)) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_NOT_OPEN_YET, "The round opens on " + opensOn + "; " + what);
        }
        if (day.isAfter(closesOn)) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_CLOSED, "The round closed on " + closesOn + "; " + what);
        }
    }

    public static PanacheQuery<SurveyRound> findInTenant(String tenantId) {
        return find("tenantId = ?1 order by opensOn desc, id", tenantId);
    }

    /** The round, if it exists in this tenant: another tenant's round is as missing as a non-existent one. */
    public static Optional<SurveyRound> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
