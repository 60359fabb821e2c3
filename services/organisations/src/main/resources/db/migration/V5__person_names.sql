-- The name under which an organisation (tenant or consultancy) knows a person: the name it gave
-- when it added them. A person's registered name (person.name) is never shown to an organisation,
-- so adding someone by e-mail reveals nothing another organisation said about them.
CREATE TABLE person_name (
    organisation_id text NOT NULL,
    -- deferred: an import persists people through the ORM, which writes them at flush, after this insert
    person_id       uuid NOT NULL REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    name            text NOT NULL,
    PRIMARY KEY (organisation_id, person_id)
);

CREATE INDEX person_name_person ON person_name (person_id);

-- Every organisation that has given a person a role so far knew them by the registered name.
INSERT INTO person_name (organisation_id, person_id, name)
SELECT DISTINCT m.organisation_id, m.person_id, p.name
FROM membership m JOIN person p ON p.id = m.person_id;
