-- The inbox remembers applied events per consumer (the @Incoming channel): two consumers of one
-- topic in one service (organisations' access-events and identity-sync) each apply every event once.
ALTER TABLE inbox_event ADD COLUMN consumer text;
-- Until now a database had at most one consumer using the inbox: scheduling's programmes-events or
-- organisations' identity-sync.
UPDATE inbox_event SET consumer = CASE
    WHEN type LIKE 'no.ks.led.programmes.%' THEN 'programmes-events'
    WHEN type LIKE 'no.ks.led.organisations.%' THEN 'identity-sync'
    ELSE 'unknown' END;
ALTER TABLE inbox_event ALTER COLUMN consumer SET NOT NULL;
ALTER TABLE inbox_event DROP CONSTRAINT inbox_event_pkey;
ALTER TABLE inbox_event ADD PRIMARY KEY (consumer, event_id);
