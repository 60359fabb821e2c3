package no.ks.led.funding.rest;

import java.util.UUID;

import no.ks.led.funding.FundingApplication;

/** A funding application as the API shows it; money in whole øre. */
public record FundingApplicationView(UUID id, String title, String status, String policyVersion, long requestedOre) {

    static FundingApplicationView of(FundingApplication application) {
        return new FundingApplicationView(application.id, application.title, application.status,
                application.policyVersion, application.requestedOre);
    }
}
