package no.ks.led.web.api;

/** A person added to the tenant by e-mail address, with their first role (at a school where it applies). */
public record NewPerson(String name, String email, String role, String schoolId) {
}
