-- A membership that links an organisation to a person it did not create, and whom it has never been
-- confirmed to know, waits for that person to accept it (docs/architecture.md, "People across
-- tenants"): until then it grants nothing and no event announces it.
ALTER TABLE membership ADD COLUMN awaiting_confirmation boolean NOT NULL DEFAULT false;
-- When the person accepted it; null for a membership that never waited.
ALTER TABLE membership ADD COLUMN confirmed_at timestamptz;

CREATE INDEX membership_awaiting ON membership (person_id) WHERE awaiting_confirmation;

-- When the tenant's first roster import ran: that import grants every existing leader at once, so
-- its grants are marked as such (MembershipGranted v2, initialImport) and later ones are not.
ALTER TABLE tenant ADD COLUMN first_roster_import_at timestamptz;
