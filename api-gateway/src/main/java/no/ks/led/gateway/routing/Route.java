package no.ks.led.gateway.routing;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One allowed route: an HTTP method, a path template, the service that answers it and, for the few
 * routes that do long work in one request (a 10,000-row roster import), a longer upstream timeout; a
 * route may also name a request limit of its own (a public route), else the {@code api} limit applies.
 */
public record Route(String method, String template, String service, Pattern pattern, boolean tenantScoped,
        Optional<Duration> timeout, Optional<String> rateLimit) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern TIMEOUT = Pattern.compile("timeout=([1-9][0-9]{0,3})s");
    private static final Pattern RATE_LIMIT = Pattern.compile("rate-limit=([a-z][a-z0-9-]{0,62})");

    /** Parses {@code "METHOD /path/{param} service [timeout=<seconds>s] [rate-limit=<name>]"}. */
    public static Route parse(String line) {
        String[] parts = line.trim().split("\\s+");
        Matcher timeout = null;
        Matcher rateLimit = null;
        boolean valid = parts.length >= 3 && parts[1].startsWith("/");
        for (int i = 3; valid && i < parts.length; i++) {
            Matcher t = TIMEOUT.matcher(parts[i]);
            Matcher r = RATE_LIMIT.matcher(parts[i]);
            if (t.matches() && timeout == null) {
                timeout = t;
            } else if (r.matches() && rateLimit == null) {
                rateLimit = r;
            } else {
                valid = false;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException(
                    "A route is 'METHOD /path service [timeout=<seconds>s] [rate-limit=<name>]', not: " + line);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(parts[1]);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(parts[1].substring(last, m.start())));
            regex.append("(?<").append(m.group(1)).append(">[^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(parts[1].substring(last)));
        return new Route(parts[0].toUpperCase(), parts[1], parts[2], Pattern.compile(regex.toString()),
                parts[1].contains("{tenantId}"),
                timeout == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(timeout.group(1)))),
                rateLimit == null ? Optional.empty() : Optional.of(rateLimit.group(1)));
    }

    /** The tenant named in the path if this route matches it, or an empty string for a matching route without one. */
    public Optional<String> match(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(tenantScoped ? m.group("tenantId") : "");
    }
}
