package no.ks.led.web.api;

import java.util.List;

/** An engagement the owner starts: the consultancy (its short name), the schools it covers (none: all), the days. */
public record NewEngagement(String consultancyId, List<String> schoolIds, String startsOn, String endsOn) {
}
