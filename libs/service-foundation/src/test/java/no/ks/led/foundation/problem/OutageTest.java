package no.ks.led.foundation.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class OutageTest {

    @Test
    void aLostDatabaseConnectionIsAnOutageWhereverItIsInTheCauseChain() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001");
        assertEquals(Optional.of(new Outage("database")), Outage.of(refused));
        assertEquals(Optional.of(new Outage("database")),
                Outage.of(new PersistenceException("commit failed", new JDBCConnectionException("I/O", refused))));
        assertEquals(Optional.of(new Outage("database")),
                Outage.of(new IllegalStateException(new SQLException("terminating connection", "57P01"))));
    }

    @Test
    void thePoolsAcquisitionTimeoutIsAnOutage() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());
        assertEquals(Optional.of(new Outage("database")), Outage.of(new RuntimeException(timeout)));
    }

    @Test
    void kafkaAndUnreachableServicesAreOutages() {
        assertEquals(Optional.of(new Outage("Kafka")),
                Outage.of(new RuntimeException(new org.apache.kafka.common.errors.TimeoutException("metadata"))));
        assertTrue(Outage.of(new RuntimeException(new ConnectException("refused"))).isPresent());
    }

    @Test
    void aBugIsNoOutage() {
        assertEquals(Optional.empty(), Outage.of(new NullPointerException()));
        // a constraint violation is the request's fault (or a bug), never a reason to retry later
        assertEquals(Optional.empty(), Outage.of(new PersistenceException(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void anOutageAnswers503ProblemWithRetryAfter() {
        Response response = new Outage("database").toProblem("/api/x").toResponse();
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(String.valueOf(Problem.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.uri(), ((Problem) response.getEntity()).type());
    }
}
