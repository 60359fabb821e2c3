package no.ks.led.web.api;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A round of the status analysis as the API lists it. */
@TemplateData
public record SurveyRound(UUID id, String title, String mode, LocalDate opensOn, LocalDate closesOn,
        int instrumentVersion, int minGroupSize) {

    /** Whether people may answer on this day (the tenant's day). */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
