package no.ks.led.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Each service's own database on the local stack, read over JDBC as the application user. */
final class ServiceDatabases {

    /** The services: the applications with a database (of their own name). */
    static final List<String> SERVICES = Platform.APPLICATIONS.values().stream()
            .filter(Application::hasDatabase).map(Application::name).toList();

    private ServiceDatabases() {
    }

    /** The first column of every row, as text. */
    static Set<String> strings(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    static long count(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** An MD5 of the rows' columns in a fixed order: equal hashes, equal content ({@code table} may end in a WHERE clause). */
    static String hash(String database, String table, String columns, String orderBy) {
        Set<String> hash = strings(database, "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY " + orderBy
                + ")), 'empty') FROM (SELECT " + columns + " FROM " + table + ") t");
        return hash.iterator().next();
    }

    /** Runs one change (a test setting up what the API does not allow, such as a round that opened days ago). */
    static int update(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        String host = System.getenv().getOrDefault("LED_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("LED_DB_PORT", "15432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                System.getenv().getOrDefault("LED_DB_USER", "led"), System.getenv().getOrDefault("LED_DB_PASSWORD", "led"));
    }
}
