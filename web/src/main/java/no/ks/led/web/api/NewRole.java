package no.ks.led.web.api;

/** A role granted to a person of the tenant, at a school where it applies. */
public record NewRole(String role, String schoolId) {
}
