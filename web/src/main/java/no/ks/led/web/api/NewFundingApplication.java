package no.ks.led.web.api;

import java.util.List;
import java.util.UUID;

/** An application to prepare: its title, the policy and the scheduled activities it is for. */
public record NewFundingApplication(String title, String policy, List<UUID> activityIds) {
}
