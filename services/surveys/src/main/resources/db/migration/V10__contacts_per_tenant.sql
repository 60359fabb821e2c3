-- E-mail addresses per (tenant, person). An address a coordinator gives is the tenant's own
-- (tenant_id set): another tenant's coordinator can no longer redirect this tenant's invitations
-- and reminders for a person who belongs to both. An address from the person's own token is theirs
-- (tenant_id NULL) and serves every tenant. A tenant uses the newer of its own and the person's.
ALTER TABLE respondent_contact DROP CONSTRAINT respondent_contact_pkey;
ALTER TABLE respondent_contact ADD COLUMN tenant_id text;

-- A coordinator's address so far had no tenant: it stays with every tenant that surveys the person,
-- which is what each of them used until now.
INSERT INTO respondent_contact (tenant_id, person_id, email, source, updated_at)
SELECT DISTINCT r.tenant_id, c.person_id, c.email, c.source, c.updated_at
FROM respondent_contact c
JOIN survey_respondent s ON s.person_id = c.person_id
JOIN survey_round r ON r.id = s.round_id
WHERE c.source = 'round-request' AND c.tenant_id IS NULL;
DELETE FROM respondent_contact WHERE source = 'round-request' AND tenant_id IS NULL;

ALTER TABLE respondent_contact
    ADD CONSTRAINT respondent_contact_owner CHECK ((source = 'token') = (tenant_id IS NULL)),
    ADD CONSTRAINT respondent_contact_once UNIQUE NULLS NOT DISTINCT (tenant_id, person_id);

-- The address a tenant may write to: what the tenant recorded or what the person's own token gave, the newer.
CREATE FUNCTION contact_email(tenant text, person uuid) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT email FROM respondent_contact
    WHERE person_id = person AND (tenant_id = tenant OR tenant_id IS NULL)
    ORDER BY updated_at DESC LIMIT 1
$$;
