package no.ks.led.foundation.idempotency;

import java.util.Optional;
import java.util.regex.Pattern;

import no.ks.led.foundation.problem.ProblemException;

/**
 * The value of an {@code Idempotency-Key} header, checked once for every route that takes one: 1 to 100
 * visible ASCII characters (a UUID is the usual choice).
 */
public record IdempotencyKey(String value) {

    /** The header's name. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public IdempotencyKey {
        if (value == null || !VALID.matcher(value).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 100 visible ASCII characters");
        }
    }

    /** The key a request carries, if any; a 400 problem for one that is not valid. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    /** The key a request must carry; a 400 problem when it is missing or not valid. */
    public static IdempotencyKey requiredFromHeader(String header) {
        if (header == null) {
            throw ProblemException.invalidField(HEADER, "is required");
        }
        return new IdempotencyKey(header);
    }
}
