package no.ks.led.foundation.paging;

import java.net.URI;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import no.ks.led.foundation.problem.ProblemException;

/**
 * The page of a list a client asks for, taken by every list route as a {@code @BeanParam}:
 * {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) from {@code offset}
 * (default 0). The values are checked when the page is taken, after the route's access check, so a
 * caller who may not see the list learns nothing from a bad {@code limit}.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Keeps {@code offset + limit} an {@code int}, as the database query wants. */
    public static final int MAX_OFFSET = Integer.MAX_VALUE - MAX_LIMIT - 1;

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    @Context
    UriInfo uri;

    public PageRequest() {
    }

    /** A page request made in code (tests, or a list assembled from several queries). */
    public PageRequest(String limit, String offset, UriInfo uri) {
        this.limit = limit;
        this.offset = offset;
        this.uri = uri;
    }

    /** The page size asked for; a 400 problem naming {@code limit} if it is not a whole number from 1 to the maximum. */
    public int limit() {
        return parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** The number of rows to skip; a 400 problem naming {@code offset} if it is not a whole number from 0. */
    public int offset() {
        return parse("offset", offset, 0, 0, MAX_OFFSET);
    }

    /** This page of the query's rows; the query must order its rows completely (end with a unique column). */
    public <T> Page<T> of(PanacheQuery<T> query) {
        int size = limit();
        int from = offset();
        // one row more than asked for says whether there is a next page, without counting
        List<T> rows = query.range(from, from + size).list();
        return page(rows, size, from);
    }

    /** This page of a list already in memory, in its order. */
    public <T> Page<T> of(List<T> all) {
        int size = limit();
        int from = offset();
        if (from >= all.size()) {
            return new Page<>(List.of(), null);
        }
        return page(all.subList(from, Math.min(all.size(), from + size + 1)), size, from);
    }

    private <T> Page<T> page(List<T> rows, int size, int from) {
        if (rows.size() <= size) {
            return new Page<>(List.copyOf(rows), null);
        }
        return new Page<>(List.copyOf(rows.subList(0, size)), nextPage(size, from + size));
    }

    /**
     * The next page's address as a reference relative to this server's root (path and query, no
     * scheme or host), so it holds unchanged behind the gateway and never names an internal address.
     */
    private String nextPage(int size, int nextOffset) {
        URI next = uri.getRequestUriBuilder()
                .replaceQueryParam("limit", size)
                .replaceQueryParam("offset", nextOffset)
                .build();
        return next.getRawPath() + "?" + next.getRawQuery();
    }

    private static int parse(String field, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String message = "must be a whole number from " + min + " to " + max;
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalidField(field, message);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, message);
        }
    }
}
