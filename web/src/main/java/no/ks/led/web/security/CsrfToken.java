package no.ks.led.web.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

/**
 * This request's anti-forgery token: the one the browser's {@code led-csrf} cookie carries, or a new one
 * that the response sets. Every form carries it as the field {@code csrf}; {@link CsrfFilter} compares the two.
 */
@RequestScoped
public class CsrfToken {

    public static final String COOKIE = "led-csrf";
    public static final String FIELD = "csrf";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private String value;
    private boolean issued;

    /** Takes the cookie's token if it is well formed, else makes a new one for the response to set. */
    void begin(String cookie) {
        if (cookie != null && WELL_FORMED.matcher(cookie).matches()) {
            value = cookie;
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = true;
        }
    }

    public String value() {
        return value;
    }

    boolean issued() {
        return issued;
    }

    /** Whether a submitted token is this one (in constant time). */
    boolean matches(String submitted) {
        return submitted != null && value != null && !issued
                && MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
}
