package no.ks.led.surveys;

import java.util.List;
import java.util.UUID;

/**
 * A round's owner view split by the respondents' level: the tenant's aggregate as in {@link Results}, and one entry
 * per level ({@code principal}, {@code middle-leader}) whose figures are {@code suppressed: true} unless the level has
 * at least k respondents and nothing below k follows from it together with the owner's other figures. Answer sets
 * without a level (submitted before levels were recorded, a team's agreed set) count in the total only. Which
 * respondent has which level is never shown.
 *
 * @param basis {@code aggregate}, or {@code team} (a team round's sets have no level: every level is suppressed)
 */
public record LevelResults(UUID roundId, int minGroupSize, String basis, Results.Group total, List<Level> levels) {

    /** One level's figures, in the shape of a {@link Results.Group}. */
    public record Level(String level, Results.Group results) {
    }
}
