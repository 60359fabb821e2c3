package no.ks.led.foundation.problem;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A failure caused by a dependency that is down or unreachable (the database, Kafka, the identity
 * provider) rather than by the request: the client should try again later, so it answers 503 with
 * {@code Retry-After}, not 500.
 */
public record Outage(String dependency) {

    /** The outage behind a failure, found anywhere in its cause chain; empty for any other failure. */
    public static Optional<Outage> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isConnectionLoss(sql)) {
                return Optional.of(new Outage("database"));
            }
            if (cause instanceof RetriableException) {
                return Optional.of(new Outage("Kafka"));
            }
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException) {
                return Optional.of(new Outage("a service it depends on"));
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server is shutting down, crashed or
     * is starting), or the pool's acquisition timeout while no connection could be made.
     */
    private static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        return e.getCause() instanceof TimeoutException
                || (e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout"));
    }

    /** The problem a client sees: 503, to be retried after {@link Problem#RETRY_AFTER_SECONDS}. */
    public Problem toProblem(String instance) {
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The " + dependency + " is unavailable", instance);
    }
}
