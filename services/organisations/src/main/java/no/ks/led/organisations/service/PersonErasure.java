package no.ks.led.organisations.service;

import static no.ks.led.organisations.service.PlatformClock.now;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.organisations.Membership;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.repository.PersonNames;

/** A person's erasure (GDPR art. 17) in this service, announced to every service that holds something of them. */
@ApplicationScoped
public class PersonErasure {

    @Inject
    Outbox outbox;

    @Inject
    PersonNames names;

    @Inject
    Memberships memberships;

    /**
     * Erases a person: pseudonymises the row, ends their memberships (each with its event) and records
     * one {@link PersonErased} per organisation they belonged to. Erasing again changes nothing.
     */
    @Transactional
    public Person erase(UUID personId) {
        Person person = Person.<Person>findByIdOptional(personId)
                .orElseThrow(() -> ProblemException.notFound("Person " + personId));
        if (person.erased()) {
            return person;
        }
        Instant now = now();
        person.name = Person.ERASED_NAME;
        person.email = "erased-" + person.id + "@invalid";
        person.feideId = null;
        person.erasedAt = now;
        names.replaceAll(person.id, Person.ERASED_NAME);
        Set<String> organisations = new LinkedHashSet<>();
        for (Membership membership : Membership.ofPerson(person.id)) {
            organisations.add(membership.organisationId);
            if (membership.endedAt == null) {
                memberships.end(membership);
            }
        }
        for (String organisation : organisations) {
            outbox.record(organisation, new PersonErased(person.id, organisation, now));
        }
        return person;
    }
}
