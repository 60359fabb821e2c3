-- Idempotency-Keys of round openings now live in the foundation's idempotency_key table, scoped to the
-- caller, with a fingerprint of the request (the old one hashed the person and the body another way, so
-- keys recorded before keep replaying their round whatever the body).
INSERT INTO idempotency_key (operation, tenant_id, caller, idempotency_key, fingerprint, result_id)
SELECT 'survey-round', tenant_id, opened_by::text, opening_key, NULL, id
FROM survey_round WHERE opening_key IS NOT NULL AND opened_by IS NOT NULL
ON CONFLICT DO NOTHING;

ALTER TABLE survey_round DROP COLUMN opening_key, DROP COLUMN opening_fingerprint;
