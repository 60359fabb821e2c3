package no.ks.led.organisations.rest;

/** The answer to adding a person: the person (new or linked by e-mail) and the membership granted. */
public record PersonAdded(PersonView person, MembershipView membership) {
}
