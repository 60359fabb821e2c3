package no.ks.led.surveys.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The surveys service's settings. */
@ConfigMapping(prefix = "led.surveys")
public interface SurveysConfig {

    /**
     * The server secret that keys the tags linking a respondent to their own anonymous answer set.
     * Without it the answer sets name nobody; changing it during a round loses respondents' drafts.
     */
    String answerKey();

    /** The national minimum group size k: no figure about fewer respondents is shown. */
    @WithDefault("3")
    int nationalMinimumGroupSize();

    /** How often rounds whose closing date has passed are closed ({@code off} in tests: they close them themselves). */
    @WithDefault("60s")
    String roundCloseEvery();

    /** How often answers past their round's retention period are deleted ({@code off} in tests: they purge themselves). */
    @WithDefault("1h")
    String answerPurgeEvery();
}
