package no.ks.led.web.api;

import java.time.LocalDate;

/** A step of an application: submitted, approved (case number, amount, expiry), refused (reason) or withdrawn. */
public record FundingDecision(String status, LocalDate on, String caseNumber, Long approvedOre, LocalDate expiresOn,
        String reason) {
}
