package no.ks.led.web.api;

import java.util.UUID;

/** A cost the fund never refunds, for an activity (or a programme's year), as the funding API takes it. */
public record NewBudgetCost(String kind, String description, long amountOre, UUID activityId, UUID programmeId, Integer year) {
}
