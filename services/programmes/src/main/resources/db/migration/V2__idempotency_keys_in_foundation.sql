-- Idempotency-Keys now live in the foundation's idempotency_key table, scoped to the caller and with a
-- fingerprint of the request. Keys recorded before keep replaying their programme (no fingerprint).
INSERT INTO idempotency_key (operation, tenant_id, caller, idempotency_key, fingerprint, result_id, created_at)
SELECT 'programme', tenant_id, created_by, idempotency_key, NULL, id, created_at
FROM programme WHERE idempotency_key IS NOT NULL
ON CONFLICT DO NOTHING;

ALTER TABLE programme DROP COLUMN idempotency_key;
