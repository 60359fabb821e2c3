package no.ks.led.foundation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way a service runs plain JDBC: statements in the caller's transaction on the connection Agroal has
 * enlisted in it (the one the ORM's native queries use too), without the ORM session's per-query cost. For the
 * hot paths: the access replica's grant on every request, and the surveys answering path, where a submission runs
 * a dozen statements. A statement here does not flush the ORM session first, so it does not see entities changed
 * but not yet flushed in the same transaction (the ORM's native queries do). Parameters are bound by position: a
 * {@link UUID}, string, number, boolean or {@link java.time.LocalDate} as it is, an {@link Instant} as a UTC
 * timestamp, an {@link ArrayOf} as a PostgreSQL array.
 *
 * <p>Writes need a transaction. Reads join the caller's transaction if there is one, and otherwise run on a
 * connection of their own in auto-commit.
 */
@ApplicationScoped
public class Jdbc {

    @Inject
    DataSource dataSource;

    /** An array parameter: its elements and their PostgreSQL type ({@code text}, {@code smallint}, …). */
    public record ArrayOf(String type, Object[] elements) {
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; how many rows it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns exactly one row (a {@code SELECT}, or a write with {@code RETURNING}), and reads it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T single(String sql, Row<T> row, Object... parameters) {
        return optional(sql, row, parameters).orElseThrow(() -> new IllegalStateException("SQL returned no row: " + sql));
    }

    /** Runs a statement that returns at most one row, and reads it if there is one (a row read as null counts as none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Optional<T> optional(String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(sql, row, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("SQL returned " + rows.size() + " rows, not at most one: " + sql);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Runs a statement that returns rows, and reads each in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(row.read(result));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Instant at) {
                    statement.setObject(i + 1, at.atOffset(ZoneOffset.UTC));
                } else if (p instanceof ArrayOf array) {
                    statement.setArray(i + 1, connection.createArrayOf(array.type(), array.elements()));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
