package no.ks.led.surveys.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.SurveyRound;

/**
 * One round with its schools and what it asks (the instrument's sections and the local items), and how many years
 * its answers are kept.
 */
public record SurveyRoundDetail(UUID id, String title, String mode, LocalDate opensOn, LocalDate closesOn,
        int minGroupSize, int instrumentVersion, int retentionYears, List<UUID> schoolIds, Instrument questions) {

    static SurveyRoundDetail of(SurveyRound round, List<UUID> schoolIds, Instrument questions) {
        return new SurveyRoundDetail(round.id, round.title, round.mode, round.opensOn, round.closesOn,
                round.minGroupSize, round.instrumentVersion, round.retentionYears, schoolIds, questions);
    }
}
