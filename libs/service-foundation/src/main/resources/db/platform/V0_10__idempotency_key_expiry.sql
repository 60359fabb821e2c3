-- Idempotency keys expire after led.idempotency.retention (IdempotencyKeys.purgeExpired): the purge finds
-- the old ones by age.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
