package no.ks.led.surveys;

import java.util.List;
import java.util.UUID;

import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;

/**
 * The level of the leader who submitted an answer set, from their role at the school on the day of submission.
 * Both countries' school leaders map onto the two roles a round asks: a principal (Norway's rektor; Denmark's
 * skoleleder and skoledistriktsleder) and a middle leader ({@code school-leader}: avdelingsleder, inspektør;
 * Denmark's afdelingsleder). {@link #UNKNOWN} for sets submitted before levels were recorded and a team's
 * agreed set, which no single level answers.
 */
public enum RespondentLevel {
    PRINCIPAL("principal"),
    MIDDLE_LEADER("middle-leader"),
    UNKNOWN("unknown");

    /** The levels an owner's split by level shows (never {@link #UNKNOWN}, which is only ever a remainder). */
    public static final List<RespondentLevel> SHOWN = List.of(PRINCIPAL, MIDDLE_LEADER);

    private final String code;

    RespondentLevel(String code) {
        this.code = code;
    }

    /** The level's code in the database and the API. */
    public String code() {
        return code;
    }

    /** The level a person's grant gives them at the school: principal before school leader, else unknown. */
    public static RespondentLevel at(Grant grant, UUID schoolId) {
        if (grant.coversSchool(schoolId, List.of(TenantRole.PRINCIPAL))) {
            return PRINCIPAL;
        }
        return grant.coversSchool(schoolId, List.of(TenantRole.SCHOOL_LEADER)) ? MIDDLE_LEADER : UNKNOWN;
    }

    /** The level of a code read from the tallies. */
    public static RespondentLevel ofCode(String code) {
        for (RespondentLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("no respondent level " + code);
    }
}
