package no.ks.led.web.api;

/** A new school, or what changes of one (the organisation number is set once, when it is added). */
public record SchoolChange(String name, String organisationNumber, String kind, Boolean hasLeadershipTeam) {
}
