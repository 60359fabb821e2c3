package no.ks.led.web.api;

import java.time.LocalDate;

/** What the fund paid for a claim, and when. */
public record ReceivedRefund(long receivedOre, LocalDate receivedOn) {
}
