package no.ks.led.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.restassured.path.json.JsonPath;

/**
 * Every operation under {@code /api/} of every service, read from the services' own OpenAPI documents
 * ({@code /q/openapi?format=json}) of the running platform, so a route added to a service is covered by
 * the access tests without anyone listing it. Also reads the gateway's route allow-list.
 */
final class ApiOperations {

    /** The services whose OpenAPI documents are read (the gateway has no API of its own). */
    static final List<String> SERVICES = List.of("organisations", "surveys", "programmes", "scheduling", "funding");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern GATEWAY_ROUTE = Pattern.compile("^led\\.gateway\\.routes\\[\\d+]\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)(\\s+timeout=\\S+)?\\s*$");
    private static final Pattern ALTERNATIVES = Pattern.compile("^\\^?\\(?([a-z][a-z0-9-]*)(\\|[a-z][a-z0-9-]*)+\\)?\\$?$");
    private static final Pattern DIGITS = Pattern.compile("^\\^?\\[0-9]\\{(\\d+)(,\\d+)?}\\$?$");

    /** One operation: the service that answers it, its method and path template, and what it takes. */
    record Operation(String service, String method, String path, List<String> pathParameters,
            Map<String, Boolean> queryParameters, String bodyType, Map<String, Object> bodySchema,
            Map<String, Object> components) {

        String key() {
            return method + " " + path;
        }

        boolean isTenantScoped() {
            return path.startsWith("/api/tenants/{tenantId}");
        }

        boolean isNational() {
            return path.startsWith("/api/national/");
        }

        /** Whether the OpenAPI document describes a request body. */
        boolean takesBody() {
            return bodyType != null;
        }

        boolean writes() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }

        /** The path with its parameters filled from {@code values}. */
        String fill(Map<String, String> values) {
            Matcher m = PATH_PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("No value for {" + m.group(1) + "} in " + path);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /**
         * A minimal valid JSON body from the request schema: its required properties, each from
         * {@code named} (by property name) or else made up from its schema; {@code {}} when there
         * is no schema, an empty body for other media types, and null when the operation takes none.
         */
        String jsonBody(Function<String, Optional<Object>> named) {
            if (bodyType == null) {
                return null;
            }
            if (!bodyType.contains("json")) {
                return "";
            }
            if (bodySchema == null) {
                return "{}";
            }
            return Json.write(example(bodySchema, named, 0));
        }

        /** The request body's properties by name, each with its schema ({@code $ref}s resolved), for the fuzzer. */
        Map<String, Map<String, Object>> bodyProperties() {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            if (bodySchema != null) {
                map(resolve(bodySchema).get("properties")).forEach((name, schema) -> out.put(name, resolve(map(schema))));
            }
            return out;
        }

        private Object example(Map<String, Object> schema, Function<String, Optional<Object>> named, int depth) {
            Map<String, Object> s = resolve(schema);
            Object type = s.get("type");
            if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return values.get(0);
            }
            if ("object".equals(type) || s.containsKey("properties")) {
                Map<String, Object> out = new LinkedHashMap<>();
                if (depth > 4) {
                    return out;
                }
                Map<String, Object> properties = map(s.get("properties"));
                List<?> required = s.get("required") instanceof List<?> r ? r : List.of();
                for (Object name : required) {
                    Map<String, Object> property = map(properties.get(String.valueOf(name)));
                    Optional<Object> value = named.apply(String.valueOf(name));
                    out.put(String.valueOf(name), value.isPresent() ? value.get() : example(property, named, depth + 1));
                }
                return out;
            }
            if ("array".equals(type)) {
                return List.of();
            }
            if ("boolean".equals(type)) {
                return true;
            }
            if ("integer".equals(type) || "number".equals(type)) {
                return 1;
            }
            String format = String.valueOf(s.get("format"));
            if (format.equals("date")) {
                return LocalDate.now().toString();
            }
            if (format.equals("uuid")) {
                return UUID.randomUUID().toString();
            }
            if (s.get("pattern") instanceof String pattern) {
                Matcher alternatives = ALTERNATIVES.matcher(pattern);
                if (alternatives.matches()) {
                    return alternatives.group(1);
                }
                Matcher digits = DIGITS.matcher(pattern);
                if (digits.matches()) {
                    return "1".repeat(Integer.parseInt(digits.group(1)));
                }
            }
            return "matrise";
        }

        private Map<String, Object> resolve(Map<String, Object> schema) {
            Map<String, Object> s = schema;
            for (int i = 0; i < 10 && s.get("$ref") instanceof String ref; i++) {
                s = map(map(components.get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1)));
            }
            if (s.get("allOf") instanceof List<?> parts) {
                Map<String, Object> merged = new LinkedHashMap<>(s);
                merged.remove("allOf");
                for (Object part : parts) {
                    Map<String, Object> resolved = resolve(map(part));
                    resolved.forEach(merged::putIfAbsent);
                }
                return merged;
            }
            return s;
        }
    }

    private ApiOperations() {
    }

    /** Every {@code /api/} operation of every service, sorted by path then method. */
    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            Http.Reply reply = Http.send(Platform.managementUrl(service), "GET", "/q/openapi?format=json", null, null, null);
            if (reply.status() != 200) {
                throw new IllegalStateException(service + " gave no OpenAPI document: " + reply.status());
            }
            operations.addAll(parse(service, reply.body()));
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    static List<Operation> parse(String service, String document) {
        JsonPath json = JsonPath.from(document);
        Map<String, Object> paths = json.getMap("paths");
        Map<String, Object> components = json.getMap("components") == null ? Map.of() : json.getMap("components");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Map<String, Object> item = map(path.getValue());
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!item.containsKey(method)) {
                    continue;
                }
                Map<String, Object> operation = map(item.get(method));
                Map<String, Boolean> query = new LinkedHashMap<>();
                List<Object> parameters = new ArrayList<>();
                if (item.get("parameters") instanceof List<?> shared) {
                    parameters.addAll(shared);
                }
                if (operation.get("parameters") instanceof List<?> own) {
                    parameters.addAll(own);
                }
                for (Object p : parameters) {
                    Map<String, Object> parameter = map(p);
                    if ("query".equals(parameter.get("in"))) {
                        query.put(String.valueOf(parameter.get("name")), Boolean.TRUE.equals(parameter.get("required")));
                    }
                }
                String bodyType = null;
                Map<String, Object> bodySchema = null;
                Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
                if (!content.isEmpty()) {
                    bodyType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
                    Object schema = map(content.get(bodyType)).get("schema");
                    bodySchema = schema == null ? null : map(schema);
                }
                operations.add(new Operation(service, method.toUpperCase(), path.getKey(), parameterNames(path.getKey()),
                        query, bodyType, bodySchema, components));
            }
        }
        return operations;
    }

    static List<String> parameterNames(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The gateway's allow-list, "METHOD /path/{}" (parameter names left out) to service, from the
     * configuration packaged in the gateway that runs (the source file if there is no package).
     */
    static Map<String, String> gatewayRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String line : gatewayConfiguration().split("\\R")) {
            Matcher m = GATEWAY_ROUTE.matcher(line.trim());
            if (m.matches()) {
                routes.put(m.group(1).toUpperCase() + " " + shape(m.group(2)), m.group(3));
            }
        }
        return routes;
    }

    private static String gatewayConfiguration() {
        Path app = Platform.packaged("gateway").resolve("app");
        try {
            if (Files.isDirectory(app)) {
                try (Stream<Path> jars = Files.list(app)) {
                    for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                        try (ZipFile zip = new ZipFile(jar.toFile())) {
                            ZipEntry entry = zip.getEntry("application.properties");
                            if (entry != null) {
                                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                    }
                }
            }
            Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
            return Files.readString(root.resolve("api-gateway/src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the gateway's configuration", e);
        }
    }

    /** A path template with its parameter names left out, so {@code {id}} and {@code {programmeId}} compare equal. */
    static String shape(String path) {
        return PATH_PARAMETER.matcher(path).replaceAll("{}");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Just enough JSON writing for request bodies. */
    static final class Json {

        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> m) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> l) {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(l.get(i), out);
                }
                out.append(']');
            } else if (value instanceof Boolean || value instanceof Number) {
                out.append(value);
            } else {
                out.append('"');
                for (char c : String.valueOf(value).toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            }
        }
    }
}
