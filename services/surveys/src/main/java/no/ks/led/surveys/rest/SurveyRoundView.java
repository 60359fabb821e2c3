package no.ks.led.surveys.rest;

import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.surveys.SurveyRound;

/** A survey round as the API lists it. */
public record SurveyRoundView(UUID id, String title, String mode, LocalDate opensOn, LocalDate closesOn,
        int instrumentVersion, int minGroupSize, int retentionYears) {

    static SurveyRoundView of(SurveyRound round) {
        return new SurveyRoundView(round.id, round.title, round.mode, round.opensOn, round.closesOn,
                round.instrumentVersion, round.minGroupSize, round.retentionYears);
    }
}
