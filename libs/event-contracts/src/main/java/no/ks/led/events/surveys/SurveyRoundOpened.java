package no.ks.led.events.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.EventContract;

/** A school owner opened a round of the status analysis for some of its schools. Names no respondent. */
@EventContract(service = "surveys", name = "SurveyRoundOpened", version = 1)
public record SurveyRoundOpened(UUID roundId, String tenantId, String title, String mode, LocalDate opensOn,
        LocalDate closesOn, int instrumentVersion, List<UUID> schoolIds) {
}
