package no.ks.led.organisations.rest;

import no.ks.led.organisations.service.PeopleDirectory;

/**
 * The answer to adding a person: the person's id with the name and e-mail address the caller gave
 * (never what another organisation registered), and the membership granted. It has the same shape
 * whether the address was new or linked to a known person.
 */
public record PersonAdded(PersonView person, MembershipView membership) {

    static PersonAdded of(PeopleDirectory.Granted granted) {
        return new PersonAdded(new PersonView(granted.person().id, granted.name(), granted.email()),
                MembershipView.of(granted.membership()));
    }
}
