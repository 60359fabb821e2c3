package no.ks.led.organisations.identity.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.organisations.identity.IdentitySyncConfig;
import no.ks.led.organisations.identity.IdentitySyncTask;
import org.jboss.logging.Logger;

/**
 * The worker that applies identity sync tasks to Keycloak: due tasks oldest first, one organisation's
 * tasks strictly in the order of their events. A task is claimed with {@code FOR UPDATE SKIP LOCKED}
 * and reserved for {@code claim-lease}, so several replicas never apply the same task at once. A
 * failure waits with exponential backoff; after {@code max-attempts} the task is marked failed until
 * an administrator retries it.
 */
@ApplicationScoped
public class IdentitySync {

    private static final Logger LOG = Logger.getLogger(IdentitySync.class);
    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    IdentitySyncConfig config;

    @Inject
    IdentityTaskApplier applier;

    @Inject
    KeycloakAdmin admin;

    /**
     * Set when the service stops: the batch in hand ends after its current task (the rest stay due for
     * the next start), so a stop does not wait for Keycloak to answer the whole batch.
     */
    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(every = "${led.identity-sync.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void applyDueTasks() {
        for (int i = 0; i < config.batchSize() && !stopping; i++) {
            if (!applyNext()) {
                return;
            }
        }
    }

    /**
     * Claims the next due task (reserving it for {@code claim-lease}), applies it outside any database
     * transaction, so no connection or row lock is held while Keycloak answers, then marks it done or
     * records the failure. False when no task is due.
     */
    public boolean applyNext() {
        IdentitySyncTask task = QuarkusTransaction.requiringNew().call(() -> claim().map(t -> {
            t.nextAttemptAt = now().plus(config.claimLease());
            return t;
        }).orElse(null));
        if (task == null) {
            return false;
        }
        String warning;
        try {
            warning = applier.apply(task);
        } catch (Exception e) {
            recordFailure(task.id, e);
            return true;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            IdentitySyncTask current = entityManager.find(IdentitySyncTask.class, task.id,
                    LockModeType.PESSIMISTIC_WRITE);
            if (current != null && IdentitySyncTask.PENDING.equals(current.status)) {
                current.attempts++;
                current.status = IdentitySyncTask.DONE;
                current.doneAt = now();
                if (warning != null) {
                    current.lastError = warning;
                }
            }
        });
        return true;
    }

    @SuppressWarnings("unchecked")
    private Optional<IdentitySyncTask> claim() {
        List<IdentitySyncTask> found = entityManager.createNativeQuery("""
                SELECT t.* FROM identity_sync_task t
                WHERE t.status = 'pending' AND t.next_attempt_at <= now()
                  AND NOT EXISTS (SELECT 1 FROM identity_sync_task e
                                  WHERE e.tenant_id = t.tenant_id AND e.id < t.id AND e.status <> 'done')
                ORDER BY t.id
                LIMIT 1
                FOR UPDATE OF t SKIP LOCKED""", IdentitySyncTask.class).getResultList();
        return found.stream().findFirst();
    }

    void recordFailure(long id, Exception error) {
        String message = describe(error);
        if (!(error instanceof IdentitySyncException)) {
            // Keycloak unreachable, timed out or restarted: start with a fresh client and token next time.
            admin.reset();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            IdentitySyncTask task = entityManager.find(IdentitySyncTask.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (task == null || !IdentitySyncTask.PENDING.equals(task.status)) {
                return;
            }
            task.attempts++;
            task.lastError = message;
            boolean permanent = error instanceof IdentitySyncException e && e.permanent();
            if (permanent || task.attempts >= config.maxAttempts()) {
                task.status = IdentitySyncTask.FAILED;
                LOG.errorf("Identity sync task %d (%s, %s) failed %d times, giving up until retried: %s", id,
                        task.kind, task.eventId, task.attempts, message);
            } else {
                task.nextAttemptAt = now().plus(backoff(task.attempts));
                LOG.warnf("Identity sync task %d (%s) failed (attempt %d), next at %s: %s", id, task.kind,
                        task.attempts, task.nextAttemptAt, message);
            }
        });
    }

    /** The wait after the given number of failed attempts: initial × 2^(attempts − 1), at most max. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** Makes a pending or failed task due at once, with a fresh count of attempts. */
    @Transactional
    public IdentitySyncTask retry(long id) {
        IdentitySyncTask task = entityManager.find(IdentitySyncTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw ProblemException.notFound("Identity sync task " + id);
        }
        if (IdentitySyncTask.DONE.equals(task.status)) {
            throw new ProblemException(ProblemType.IDENTITY_SYNC_TASK_DONE, "Identity sync task " + id + " is done already");
        }
        task.status = IdentitySyncTask.PENDING;
        task.attempts = 0;
        task.nextAttemptAt = now();
        return task;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
