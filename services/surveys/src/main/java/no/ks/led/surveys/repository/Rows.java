package no.ks.led.surveys.repository;

import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.query.NativeQuery;

/**
 * The one way this service reads native query rows: as {@link Tuple}s whose columns are read by name, each
 * column declared with its Java type so the driver's own types (timestamps, dates) never leak out.
 */
public final class Rows {

    private Rows() {
    }

    /** A native query returning tuples with the given columns, each read as the given type. */
    @SuppressWarnings("unchecked")
    public static NativeQuery<Tuple> select(EntityManager entityManager, String sql, Map<String, Class<?>> columns) {
        NativeQuery<Tuple> query = entityManager.createNativeQuery(sql, Tuple.class).unwrap(NativeQuery.class);
        columns.forEach(query::addScalar);
        return query;
    }
}
