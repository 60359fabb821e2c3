package no.ks.led.gateway.routing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One allowed route: an HTTP method, a path template and the service that answers it. */
public record Route(String method, String template, String service, Pattern pattern, boolean tenantScoped) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** Parses {@code "METHOD /path/{param} service"}. */
    public static Route parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("A route is 'METHOD /path service', not: " + line);
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
                parts[1].contains("{tenantId}"));
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
