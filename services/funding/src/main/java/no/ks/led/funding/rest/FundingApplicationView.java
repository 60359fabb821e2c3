package no.ks.led.funding.rest;

import java.util.UUID;

import no.ks.led.funding.FundingApplication;

/** A funding application in a list; money in whole øre. */
public record FundingApplicationView(UUID id, String title, String status, String policy, int policyVersion,
        long requestedOre, Long approvedOre) {

    static FundingApplicationView of(FundingApplication application) {
        return new FundingApplicationView(application.id, application.title, application.status, application.policyId,
                application.policyVersion, application.requestedOre, application.approvedOre);
    }
}
