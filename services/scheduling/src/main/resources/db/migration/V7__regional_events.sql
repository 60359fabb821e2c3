-- Regional events: a lead owner (the host tenant) publishes an event for its own people and those of the tenants
-- it invites, of its country, such as a network's joint gathering. They share national_event's sign-ups, capacity
-- and waiting list; a national event has no host and invites every tenant of its country. The slugs are varchar[],
-- the type Hibernate binds a String[] as, so array_contains in a query compares like with like.
ALTER TABLE national_event ADD COLUMN host_tenant_id text;
ALTER TABLE national_event ADD COLUMN invited_tenant_ids varchar[] NOT NULL DEFAULT '{}';

CREATE INDEX national_event_host ON national_event (host_tenant_id, starts_at, id) WHERE host_tenant_id IS NOT NULL;
