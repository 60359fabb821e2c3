package no.ks.led.funding.service;

import java.time.Duration;
import java.time.MonthDay;

import io.smallrye.config.ConfigMapping;

/** The platform's own funding settings (not the fund's rules, which are policy versions). */
@ConfigMapping(prefix = "led.funding")
public interface FundingConfig {

    /** Warn when an activity with paid speakers is closer than this and no application is submitted. */
    Duration applicationWarning();

    /** Total spend with one supplier from which procurement rules may apply, in øre excluding VAT. */
    long procurementThresholdOre();

    /** A claim after this day of the year counts the next year. */
    MonthDay claimYearEnd();
}
