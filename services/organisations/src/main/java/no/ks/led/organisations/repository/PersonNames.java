package no.ks.led.organisations.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The names under which each organisation knows its people (table {@code person_name}). */
@ApplicationScoped
public class PersonNames {

    @Inject
    EntityManager entityManager;

    /** Records the name the organisation gave the person, unless it knows them by a name already. */
    public void remember(String organisationId, UUID personId, String name) {
        entityManager.createNativeQuery("""
                INSERT INTO person_name (organisation_id, person_id, name) VALUES (:organisation, :person, :name)
                ON CONFLICT (organisation_id, person_id) DO NOTHING""")
                .setParameter("organisation", organisationId).setParameter("person", personId)
                .setParameter("name", name).executeUpdate();
    }

    /** The name under which the organisation knows the person, if it does. */
    public Optional<String> in(String organisationId, UUID personId) {
        return in(organisationId, List.of(personId)).values().stream().findFirst();
    }

    /** The names under which the organisation knows these people, by person id. */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> in(String organisationId, Collection<UUID> personIds) {
        Map<UUID, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        List<Tuple> rows = entityManager.createNativeQuery("""
                SELECT person_id, name FROM person_name WHERE organisation_id = :organisation AND person_id IN (:people)""",
                Tuple.class)
                .setParameter("organisation", organisationId).setParameter("people", personIds).getResultList();
        for (Tuple row : rows) {
            names.put(row.get("person_id", UUID.class), row.get("name", String.class));
        }
        return names;
    }

    /** Replaces every organisation's name for the person (erasure). */
    public void replaceAll(UUID personId, String name) {
        entityManager.createNativeQuery("UPDATE person_name SET name = :name WHERE person_id = :person")
                .setParameter("name", name).setParameter("person", personId).executeUpdate();
    }
}
