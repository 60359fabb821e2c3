package no.ks.led.foundation.paging;

import java.util.List;
import java.util.function.Function;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * One page of a list: its rows, and the address of the next page if there is one. Sent as the JSON
 * array of the rows with the next page in an RFC 8288 {@code Link} header ({@code rel="next"}).
 */
public record Page<T>(List<T> items, String next) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    /** A 200 response with the rows as its body and, unless this is the last page, the {@code Link} to the next. */
    public RestResponse<List<T>> toResponse() {
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(items);
        if (next != null) {
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
