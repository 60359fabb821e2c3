package no.ks.led.funding.refund;

import java.time.LocalDate;

/**
 * One explained line of a refund: what a cost was, how much of it the policy counts, what it refunds and why.
 *
 * @param kind {@code speaker}, {@code travel}, {@code participant-fee}, {@code study-fee}, {@code other-cost} (never refunded), {@code vat}, {@code share} (the share of the counted
 *        costs) or {@code day-cap}.
 * @param date the day, or null for lines that are not a day's.
 * @param name the speaker, or the participant's place in the list.
 * @param rule the cap or share that decided the line ({@code cap-1}, {@code fee-cap}, {@code over-four}, ...).
 */
public record Line(String kind, LocalDate date, String name, long costOre, long countedOre, long refundOre, String rule,
        String explanation) {
}
