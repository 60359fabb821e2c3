package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.now;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.repository.PersonNames;

/**
 * The platform's people: one identity across organisations (one e-mail address, one Keycloak user), found
 * by e-mail or created, and known to each organisation under the name it gave first (see
 * docs/architecture.md, "People across tenants").
 */
@ApplicationScoped
public class PersonRegister {

    @Inject
    PersonNames names;

    /**
     * The person with this id, created with it if missing (and not known by the e-mail under another id): the
     * demo data's people, whose ids the dev realm's users carry.
     */
    @Transactional
    Person ensurePerson(UUID personId, String name, String email) {
        return person(name, email, personId).person();
    }

    /**
     * A person found or created for an organisation. {@code created} says this call created them: the
     * organisation then vouches for the address alone, and nobody else knows the person yet.
     */
    record Registered(Person person, boolean created) {
    }

    /** The person with the e-mail address (created if new), known to the organisation by the name given unless it knew them already. */
    Registered findOrCreate(String organisationId, String name, String email, UUID fixedId) {
        Registered registered = person(name, email, fixedId);
        names.remember(organisationId, registered.person().id, name.strip());
        return registered;
    }

    private Registered person(String name, String email, UUID fixedId) {
        Person existing = Person.findByEmail(email).orElse(null);
        if (existing != null) {
            return new Registered(existing, false);
        }
        if (fixedId != null) {
            Person byId = Person.findById(fixedId);
            if (byId != null) {
                return new Registered(byId, false);
            }
        }
        Person person = new Person();
        person.id = fixedId == null ? UUID.randomUUID() : fixedId;
        person.name = name.strip();
        person.email = Person.normaliseEmail(email);
        person.createdAt = now();
        person.persist();
        return new Registered(person, true);
    }
}
