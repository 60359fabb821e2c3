package no.ks.led.organisations.rest;

import java.util.UUID;

import no.ks.led.organisations.Person;

/** A person as the API shows them to those who may see their e-mail. */
public record PersonView(UUID id, String name, String email) {

    static PersonView of(Person person) {
        return new PersonView(person.id, person.name, person.email);
    }
}
