package no.ks.led.web.api;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A round's owner view split by the respondents' level: per level ({@code principal}, {@code middle-leader}) its
 * figures, suppressed where the API's k rule and complementary suppression say so.
 */
@TemplateData
public record LevelResults(UUID roundId, int minGroupSize, String basis, Results.Group total, List<Level> levels) {

    public LevelResults {
        levels = levels == null ? List.of() : levels;
    }

    /** One level's figures (a suppressed group carries no number). */
    @TemplateData
    public record Level(String level, Results.Group results) {
    }
}
