package no.ks.led.foundation.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;

/**
 * Honours an {@code Idempotency-Key} on a create: the first request with a key does the work and records
 * (operation, tenant, caller, key) with a fingerprint of its command and the id of what it created; a
 * retry with the same command gets that first result, the same key with another command is a 422
 * {@link ProblemType#IDEMPOTENCY_KEY_REUSED} (as the IETF draft on the Idempotency-Key header recommends).
 * Keys are the caller's own: another person's same key is another key. Concurrent retries wait for each
 * other (a transaction-scoped lock on the key), so none of them races the first to a unique constraint.
 * A key is honoured for {@code led.idempotency.retention} (24 h); a scheduled purge deletes older ones.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /** Who sends a key, where, for which operation: keys are unique only within one scope. */
    public record Scope(String operation, String tenantId, String caller) {
    }

    /** The result of a create, and whether this request created it (false: a retry found the first one's). */
    public record Outcome<T>(T result, boolean isNew) {
    }

    /**
     * Runs {@code create} once per key in the scope, inside the caller's transaction.
     *
     * @param command what the request asks for (the service's command record); its canonical JSON is fingerprinted
     * @param idOf    the id of what {@code create} made, remembered for retries
     * @param first   loads what the first request created, by that id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(IdempotencyKey key, Scope scope, Object command, Supplier<T> create,
            Function<T, UUID> idOf, Function<UUID, T> first) {
        String fingerprint = fingerprint(command);
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, String.join("\n", scope.operation(), scope.tenantId(), scope.caller(), key.value()))
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = entityManager.createNativeQuery("""
                SELECT fingerprint, result_id FROM idempotency_key
                WHERE operation = ?1 AND tenant_id = ?2 AND caller = ?3 AND idempotency_key = ?4""")
                .setParameter(1, scope.operation()).setParameter(2, scope.tenantId()).setParameter(3, scope.caller())
                .setParameter(4, key.value()).getResultList();
        if (!earlier.isEmpty()) {
            Object recorded = earlier.get(0)[0];
            // keys recorded before fingerprints existed (null) replay whatever the body, as they did then
            if (recorded != null && !fingerprint.equals(recorded)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used with a different request");
            }
            return new Outcome<>(first.apply((UUID) earlier.get(0)[1]), false);
        }
        T created = create.get();
        entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (operation, tenant_id, caller, idempotency_key, fingerprint, result_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, scope.operation()).setParameter(2, scope.tenantId()).setParameter(3, scope.caller())
                .setParameter(4, key.value()).setParameter(5, fingerprint).setParameter(6, idOf.apply(created))
                .executeUpdate();
        return new Outcome<>(created, true);
    }

    @Scheduled(every = "${led.idempotency.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeScheduled() {
        purgeExpired();
    }

    /** Deletes the keys older than the retention; answers how many. A retry with one of them is a new request. */
    @Transactional
    public int purgeExpired() {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) config.retention().toSeconds())
                .executeUpdate();
    }

    /** SHA-256 (hex) of the command as canonical JSON: object keys sorted at every level. */
    String fingerprint(Object command) {
        try {
            byte[] canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(json.convertValue(command, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint " + command.getClass().getName(), e);
        }
    }
}
