package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An application to prepare: its title, the policy, the scheduled activities it is for, and the participants' study
 * fees (OU 2024 from version 2), each a person's fee of the semester its date falls in.
 */
public record NewFundingApplication(String title, String policy, List<UUID> activityIds, List<StudyFee> studyFees) {

    /** One person's study fee, in whole øre, for the semester the date falls in. */
    public record StudyFee(String person, LocalDate date, long feeOre) {
    }
}
