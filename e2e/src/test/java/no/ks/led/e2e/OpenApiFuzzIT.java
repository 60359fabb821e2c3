package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import no.ks.led.e2e.ApiOperations.Operation;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzing from the services' OpenAPI documents: for every operation, requests made from its description
 * and then broken on purpose (wrong types, out-of-bounds and huge values, missing and extra fields,
 * malformed JSON, wrong content types, bad path and query parameters), sent through the gateway with
 * real tokens of the demo users. No answer may be a 5xx, and every 4xx must be a problem document
 * ({@code application/problem+json}) with a {@code type}.
 *
 * <p>Deterministic for a seed ({@code -Dled.fuzz.seed}, printed), bounded by
 * {@code -Dled.fuzz.cases-per-operation} (default {@value #DEFAULT_CASES}) and by
 * {@code -Dled.fuzz.max-seconds} (default {@value #DEFAULT_SECONDS}).
 */
@ExtendWith(Platform.class)
class OpenApiFuzzIT {

    static final long DEFAULT_SEED = 20261202L;
    static final int DEFAULT_CASES = 16;
    static final int DEFAULT_SECONDS = 120;
    private static final String TENANT = "fjordvik";
    private static final int ONE_MEGABYTE = 1024 * 1024;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** What the fuzzer does to a request; each operation gets every kind that applies to it, in a seeded order. */
    enum Mutation {
        WRONG_TYPE, OUT_OF_BOUNDS, MISSING_FIELD, EXTRA_FIELD, HUGE_STRING, HUGE_NUMBER, BAD_DATE, NULL_FIELDS,
        MALFORMED_JSON, NOT_AN_OBJECT, DEEP_NESTING, INVALID_UTF8, WRONG_CONTENT_TYPE, NO_CONTENT_TYPE, EMPTY_BODY,
        BAD_PATH_PARAMETER, BAD_QUERY_PARAMETER, BAD_HEADER, VALID
    }

    private static final List<Mutation> BODY_MUTATIONS = List.of(Mutation.WRONG_TYPE, Mutation.OUT_OF_BOUNDS,
            Mutation.MISSING_FIELD, Mutation.EXTRA_FIELD, Mutation.HUGE_STRING, Mutation.HUGE_NUMBER, Mutation.BAD_DATE,
            Mutation.NULL_FIELDS, Mutation.MALFORMED_JSON, Mutation.NOT_AN_OBJECT, Mutation.DEEP_NESTING,
            Mutation.INVALID_UTF8, Mutation.WRONG_CONTENT_TYPE, Mutation.NO_CONTENT_TYPE, Mutation.EMPTY_BODY);
    private static final List<Mutation> ANY_MUTATIONS = List.of(Mutation.BAD_PATH_PARAMETER, Mutation.BAD_QUERY_PARAMETER,
            Mutation.BAD_HEADER, Mutation.VALID);

    /** Path parameter values that are not what the route expects: not UUIDs, path tricks, encodings, long. */
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "..", "%2e%2e", "%2e%2e%2f%2e%2e%2fq%2fmetrics",
            "%00", "%2F", "null", "-1", "0", "99999999999999999999999", "%27%20OR%201%3D1%20--", "%C3%A6%C3%B8%C3%A5",
            "%F0%9F%98%80", "a".repeat(2000), UUID.randomUUID().toString().toUpperCase(),
            "00000000-0000-0000-0000-000000000000", "%7B%7D", "1e10", "true");
    private static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "0", "100000", "99999999999999999999999",
            "abc", "1.5", "%00", "null", "%27", "x".repeat(1000), "2027-02-30", "9999-12-31", "-2147483649", "NaN");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ebcdic",
            "application/octet-stream", "*/*", "application/problem+json", "text/csv", "garbage");
    private static final List<String> MALFORMED_BODIES = List.of("{", "{\"name\":", "{\"name\" \"x\"}", "{'name':'x'}",
            "{\"a\":1,}", "[1,2", "nul", "{\"a\":NaN}", "{\"a\":01}", "\"\\ud800\"", "{\"a\":\"\\x\"}", "}{", "{}{}",
            "{\"a\":1}trailing", "/* comment */ {}");

    private final Random random = new Random(seed());
    /** Real ids seen in answers, by path parameter name, for requests that should reach the route's own checks. */
    private final Map<String, List<String>> known = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<Mutation, Integer> perMutation = new TreeMap<>();
    private int sent;

    @Test
    void noOperationAnswersA5xxOrA4xxThatIsNotAProblem() {
        long seed = seed();
        int cases = Integer.getInteger("led.fuzz.cases-per-operation", DEFAULT_CASES);
        long maxNanos = Long.getLong("led.fuzz.max-seconds", DEFAULT_SECONDS) * 1_000_000_000L;
        System.out.printf("[fuzz] seed %d (-Dled.fuzz.seed=%d repeats this run), %d cases per operation%n", seed, seed, cases);
        List<Operation> operations = ApiOperations.all();
        Map<String, String> routes = ApiOperations.gatewayRoutes();
        List<Operation> fuzzed = operations.stream()
                .filter(op -> routes.containsKey(op.method() + " " + ApiOperations.shape(op.path()))).toList();
        known.put("version", List.of("1"));
        long started = System.nanoTime();
        // first one valid call of each, so later cases can name real objects
        for (Operation op : fuzzed) {
            if (!isDestructive(op)) {
                send(op, Mutation.VALID);
            }
        }
        boolean stoppedEarly = false;
        outer:
        for (Operation op : fuzzed) {
            for (Mutation mutation : plan(op, cases)) {
                if (System.nanoTime() - started > maxNanos) {
                    stoppedEarly = true;
                    break outer;
                }
                send(op, mutation);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("[fuzz] %d requests sent over %d operations through the gateway in %d s%s; 5xx %d; statuses %s; "
                + "per mutation %s; findings %d%n", sent, fuzzed.size(), seconds,
                stoppedEarly ? " (stopped at the time limit)" : "", serverErrors, statuses, perMutation, findings.size());
        assertTrue(fuzzed.size() > 10, "the OpenAPI documents described only " + fuzzed.size() + " operations on the gateway");
        if (!findings.isEmpty()) {
            fail(findings.size() + " answers were a 5xx or a 4xx without a problem document (seed " + seed + "):\n  "
                    + String.join("\n  ", findings.stream().limit(100).toList()));
        }
    }

    private static long seed() {
        return Long.getLong("led.fuzz.seed", DEFAULT_SEED);
    }

    /** The mutations for one operation: each kind that applies, in a seeded order, repeated up to {@code cases}. */
    private List<Mutation> plan(Operation op, int cases) {
        List<Mutation> kinds = new ArrayList<>(ANY_MUTATIONS);
        if (op.takesBody()) {
            kinds.addAll(BODY_MUTATIONS);
        }
        if (op.pathParameters().isEmpty()) {
            kinds.remove(Mutation.BAD_PATH_PARAMETER);
        }
        List<Mutation> plan = new ArrayList<>();
        while (plan.size() < cases) {
            List<Mutation> round = new ArrayList<>(kinds);
            Collections.shuffle(round, random);
            plan.addAll(round.subList(0, Math.min(round.size(), cases - plan.size())));
        }
        return plan;
    }

    private void send(Operation op, Mutation mutation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : op.pathParameters()) {
            values.put(name, pathValue(op, name));
        }
        if (mutation == Mutation.BAD_PATH_PARAMETER) {
            String name = pick(op.pathParameters());
            values.put(name, pick(BAD_PATH_VALUES));
        }
        String path = op.fill(values) + query(op, mutation);
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.writes()) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (mutation == Mutation.BAD_HEADER) {
            switch (random.nextInt(4)) {
                case 0 -> headers.put("Idempotency-Key", "k".repeat(5000));
                case 1 -> headers.put("Accept", pick(List.of("application/xml", "text/html", "image/png", "garbage", "*/*;q=x")));
                case 2 -> headers.put("Accept-Language", "x".repeat(3000));
                default -> headers.put("Idempotency-Key", "");
            }
        }
        byte[] body = null;
        if (op.takesBody()) {
            headers.put("Content-Type", op.bodyType());
            body = body(op, mutation, headers);
        }
        String user = user(op);
        Http.Exchange exchange = Http.exchange(Platform.url("gateway"), op.method(), path, RealmLogin.accessToken(user),
                headers, body);
        Http.Reply reply = exchange.reply();
        sent++;
        statuses.merge(reply.status(), 1, Integer::sum);
        perMutation.merge(mutation, 1, Integer::sum);
        remember(op, reply);
        String where = op.key() + " [" + mutation + "] as " + user + ": " + op.method() + " " + abbreviate(path, 160)
                + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8), 160))
                + " " + headers.keySet();
        if (reply.status() >= 500) {
            findings.add(where + " -> " + reply.status() + " " + abbreviate(reply.body(), 300));
        } else if (reply.status() >= 400 && !hasProblemType(reply)) {
            findings.add(where + " -> " + reply.status() + " " + reply.contentType() + " " + abbreviate(reply.body(), 300));
        }
    }

    private static boolean hasProblemType(Http.Reply reply) {
        if (!reply.isProblem() || reply.body() == null || reply.body().isBlank()) {
            return false;
        }
        try {
            String type = JsonPath.from(reply.body()).getString("type");
            return type != null && !type.isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** Destructive operations never name a real object: the fuzzer must not end the demo tenants' access. */
    private static boolean isDestructive(Operation op) {
        return op.method().equals("DELETE") || op.path().endsWith("/erasure") || op.path().endsWith("/deactivation");
    }

    private String pathValue(Operation op, String name) {
        if (name.equals("tenantId")) {
            return TENANT;
        }
        List<String> ids = known.getOrDefault(name, List.of());
        if (isDestructive(op) || ids.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        return pick(ids);
    }

    private String query(Operation op, Mutation mutation) {
        List<String> parts = new ArrayList<>();
        for (String name : op.queryParameters().keySet()) {
            if (name.equals("dryRun")) {
                parts.add("dryRun=true");
            }
        }
        if (mutation == Mutation.BAD_QUERY_PARAMETER) {
            List<String> names = new ArrayList<>(op.queryParameters().keySet());
            names.add("unknown");
            String name = pick(names);
            parts.removeIf(p -> p.startsWith(name + "="));
            parts.add(name + "=" + pick(BAD_QUERY_VALUES));
            if (random.nextBoolean()) {
                // the same parameter twice
                parts.add(name + "=" + pick(BAD_QUERY_VALUES));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private byte[] body(Operation op, Mutation mutation, Map<String, String> headers) {
        Map<String, Object> valid = validBody(op);
        Map<String, Map<String, Object>> properties = op.bodyProperties();
        Set<String> fields = new LinkedHashSet<>(properties.keySet());
        fields.addAll(valid.keySet());
        if (fields.isEmpty()) {
            fields.add("name");
        }
        String field = pick(new ArrayList<>(fields));
        Map<String, Object> body = new LinkedHashMap<>(valid);
        switch (mutation) {
            case WRONG_TYPE -> body.put(field, wrongType(body.get(field)));
            case OUT_OF_BOUNDS -> body.put(field, pick(List.of(-1, 0, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                    new BigDecimal("1e308"), new BigDecimal("-0.000001"), "", " ", "\u0000", "a".repeat(301),
                    List.of(), List.of(UUID.randomUUID().toString(), "x"), Map.of())));
            case MISSING_FIELD -> {
                if (body.isEmpty()) {
                    return "{}".getBytes(StandardCharsets.UTF_8);
                }
                body.remove(pick(new ArrayList<>(body.keySet())));
            }
            case EXTRA_FIELD -> {
                body.put("unexpected" + random.nextInt(1000), pick(List.of("x", 1, true, List.of(1), Map.of("a", 1))));
                body.put("tenantId", "nordhei");
                body.put("id", UUID.randomUUID().toString());
            }
            case HUGE_STRING -> body.put(field, "å".repeat(ONE_MEGABYTE / 2));
            case HUGE_NUMBER -> body.put(field, pick(List.of(new BigInteger("9".repeat(40)),
                    new BigInteger("-" + "9".repeat(40)), new BigDecimal("1e400"), new BigDecimal("9".repeat(400)))));
            case BAD_DATE -> body.put(field, pick(List.of("2027-02-30", "9999-12-31", "0000-01-01", "-999999999-01-01",
                    "+1000000000-01-01", "2027-13-01", "01.02.2027", "2027-01-01T25:00:00Z", "")));
            case NULL_FIELDS -> body.replaceAll((k, v) -> null);
            case MALFORMED_JSON -> {
                return pick(MALFORMED_BODIES).getBytes(StandardCharsets.UTF_8);
            }
            case NOT_AN_OBJECT -> {
                return pick(List.of("[]", "null", "\"text\"", "42", "true", "[{}]")).getBytes(StandardCharsets.UTF_8);
            }
            case DEEP_NESTING -> {
                int depth = 5000;
                return ("{\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case INVALID_UTF8 -> {
                byte[] prefix = ("{\"" + field + "\":\"").getBytes(StandardCharsets.UTF_8);
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[prefix.length + bad.length + suffix.length];
                System.arraycopy(prefix, 0, out, 0, prefix.length);
                System.arraycopy(bad, 0, out, prefix.length, bad.length);
                System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
                return out;
            }
            case WRONG_CONTENT_TYPE -> headers.put("Content-Type", pick(WRONG_CONTENT_TYPES));
            case NO_CONTENT_TYPE -> headers.remove("Content-Type");
            case EMPTY_BODY -> {
                return new byte[0];
            }
            default -> {
                // VALID and the mutations outside the body send the valid body
            }
        }
        return ApiOperations.Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private Object wrongType(Object value) {
        if (value instanceof String) {
            return pick(List.of(12345, true, List.of("a"), Map.of("a", "b")));
        }
        if (value instanceof Number) {
            return pick(List.of("tolv", true, List.of(1), Map.of()));
        }
        if (value instanceof Boolean) {
            return pick(List.of("kanskje", 2, List.of(true)));
        }
        if (value instanceof List<?>) {
            return pick(List.of("not-a-list", 7, Map.of("0", "x"), List.of(1, true, Map.of())));
        }
        return pick(List.of("text", 1, false, List.of(), Map.of("nested", Map.of("deeper", 1))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> validBody(Operation op) {
        String json = op.jsonBody(this::namedValue);
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object root = JsonPath.from(json).get("$");
        return root instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    /** Valid values for request body properties by name; everything else comes from the schema. */
    private Optional<Object> namedValue(String name) {
        String id = shortId();
        return Optional.ofNullable(switch (name) {
            case "name" -> "Fuzz " + id;
            case "title" -> "Fuzz " + id;
            case "email" -> "fuzz-" + UUID.randomUUID() + "@example.org";
            case "role" -> "school-leader";
            case "organisationNumber" -> CrossTenantMatrixIT.organisationNumber();
            case "slug" -> "fuzz-" + id;
            case "consultancyId" -> "veiviser";
            case "startsOn", "opensOn" -> LocalDate.now().toString();
            case "closesOn" -> LocalDate.now().plusDays(30).toString();
            case "schoolId" -> known.containsKey("schoolId") ? pick(known.get("schoolId")) : null;
            case "schoolIds" -> known.containsKey("schoolId") ? List.of(pick(known.get("schoolId"))) : null;
            default -> null;
        });
    }

    /**
     * Keeps the ids of objects in successful answers under the path parameter that names them: an
     * object's {@code id} under the parameter that follows the route's last segment
     * ({@code /programmes} gives {@code programmeId}), and a nested {@code person.id} as {@code personId}.
     */
    private void remember(Operation op, Http.Reply reply) {
        if (!reply.is2xx() || reply.contentType() == null || !reply.contentType().contains("json") || reply.body() == null) {
            return;
        }
        String parameter = parameterFor(op);
        Object root;
        try {
            root = JsonPath.from(reply.body()).get("$");
        } catch (RuntimeException notJson) {
            return;
        }
        List<?> rows = root instanceof List<?> l ? l : List.of(root);
        for (Object row : rows.stream().limit(5).toList()) {
            if (!(row instanceof Map<?, ?> object)) {
                continue;
            }
            if (parameter != null) {
                Object id = object.get(parameter.equals("slug") ? "slug" : "id");
                if (id != null) {
                    add(parameter, String.valueOf(id));
                }
            }
            object.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested && nested.get("id") != null) {
                    add(key + "Id", String.valueOf(nested.get("id")));
                }
            });
        }
    }

    private void add(String parameter, String id) {
        List<String> ids = known.computeIfAbsent(parameter, k -> new ArrayList<>());
        if (!ids.contains(id) && ids.size() < 10) {
            ids.add(id);
        }
    }

    /** The path parameter an object of this route's answer is named by, from the routes that take one after it. */
    private static final Map<String, String> PARAMETER_AFTER_SEGMENT = new LinkedHashMap<>();

    private String parameterFor(Operation op) {
        if (PARAMETER_AFTER_SEGMENT.isEmpty()) {
            for (Operation other : ApiOperations.all()) {
                Matcher m = Pattern.compile("/([a-z-]+)/\\{([^}/]+)}").matcher(other.path());
                while (m.find()) {
                    PARAMETER_AFTER_SEGMENT.putIfAbsent(m.group(1), m.group(2));
                }
            }
        }
        String[] segments = op.path().split("/");
        String last = segments[segments.length - 1];
        return last.startsWith("{") ? PATH_PARAMETER.matcher(last).replaceAll("$1") : PARAMETER_AFTER_SEGMENT.get(last);
    }

    /** Mostly the tenant's coordinator, who reaches the most; sometimes another role; KS for national routes. */
    private String user(Operation op) {
        if (op.isNational()) {
            return random.nextInt(5) == 0 ? "ks.analyst" : "ks.admin";
        }
        return switch (random.nextInt(10)) {
            case 0 -> TENANT + ".executive";
            case 1 -> TENANT + ".leader";
            case 2 -> DemoUsers.CONSULTANT;
            default -> TENANT + ".coordinator";
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String shortId() {
        return Long.toHexString(random.nextLong()).substring(0, 6) + UUID.randomUUID().toString().substring(0, 4);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max) + "…(" + text.length() + " chars)" : text;
    }
}
