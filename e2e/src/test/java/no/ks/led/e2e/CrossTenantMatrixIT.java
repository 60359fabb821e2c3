package no.ks.led.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import no.ks.led.e2e.ApiOperations.Operation;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cross-tenant matrix: every {@code /api/} operation that the services' OpenAPI documents
 * describe, called as every demo user (and with no token), on the user's own tenant and on the other,
 * through the gateway and directly on the service. Nobody reaches a tenant they are not a member of,
 * another tenant's object answers exactly like a missing one, and only KS reaches national routes.
 * A route added to a service is covered here without anyone listing it.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossTenantMatrixIT {

    private static final String ANONYMOUS = "(no token)";

    /**
     * Operations the gateway deliberately does not forward, with the reason. Everything else a service
     * offers under {@code /api/} must be on the gateway's allow-list.
     */
    private static final Map<String, String> NOT_ON_GATEWAY = Map.of(
            // none yet: every /api/ operation of a service is meant for clients through the gateway
    );

    /** Query parameters the matrix sends when an operation has them; the dry run changes nothing. */
    private static final Map<String, String> QUERY_VALUES = Map.of("dryRun", "true");

    /**
     * National routes that every signed-in user may read, with the reason. Every other route under
     * {@code /api/national/} answers no 2xx to a user without a national role.
     */
    private static final Map<String, String> NATIONAL_READABLE_BY_ALL = Map.of(
            "GET /api/national/funding-policies", "an owner sees the fund's rules it applies under",
            "GET /api/national/funding-policies/{policyId}", "an owner sees the fund's rules it applies under",
            "GET /api/national/funding-policies/{policyId}/versions/{version}", "the version an amount was computed under");

    /**
     * The path parameters that name an object owned by a tenant, filled from the fixtures of the
     * tenant; the other tenant's object must answer exactly like a missing one.
     */
    private static final Set<String> OBJECT_PARAMETERS = Set.of(
            "programmeId", "schoolId", "personId", "membershipId", "engagementId", "roundId", "proposalId",
            "activityId", "speakerId", "signUpId", "entryId", "feedId", "applicationId", "claimId", "costId",
            "nationalSignUpId", "attachmentId", "regionalEventId");

    /**
     * Path parameters that name something shared by all tenants (the published survey instrument, a programme
     * template and its version) or a fixed vocabulary (a plan's phase, a Led skole checklist step).
     */
    private static final Map<String, String> SHARED_VALUES = Map.of("version", "1", "templateId", "led-skole",
            "phase", "hvor-er-vi", "stepCode", "informer-rektormote", "policyId", "led-2018");

    private static List<Operation> operations;
    private static Map<String, String> gatewayRoutes;
    /** Per tenant, one real object per kind: parameter name to id. */
    private static final Map<String, Map<String, String>> FIXTURES = new LinkedHashMap<>();
    /** Values for national routes' parameters. */
    private static final Map<String, String> NATIONAL_FIXTURES = new LinkedHashMap<>();
    private static final Set<String> UNKNOWN_PARAMETERS = new LinkedHashSet<>();
    private static String matrixConsultancy;
    private static int comparisons;

    @BeforeAll
    static void readOperationsAndCreateFixtures() {
        operations = ApiOperations.all();
        gatewayRoutes = ApiOperations.gatewayRoutes();
        awaitConsultantInBothTenants();
        matrixConsultancy = registerMatrixConsultancy();
        for (String tenant : DemoUsers.TENANTS) {
            FIXTURES.put(tenant, createFixtures(tenant));
        }
        NATIONAL_FIXTURES.put("personId", FIXTURES.get("fjordvik").get("personId"));
        NATIONAL_FIXTURES.put("eventId", FIXTURES.get("fjordvik").get("eventId"));
        // a consultancy made for the matrix, never a real tenant: deactivating it as KS harms nobody
        NATIONAL_FIXTURES.put("slug", matrixConsultancy != null ? matrixConsultancy : "matrise-" + shortId());
        System.out.println("[matrix] fixtures: " + FIXTURES + " national: " + NATIONAL_FIXTURES);
    }

    @Test
    @Order(1)
    void everyServiceOperationIsOnTheGatewayAllowList() {
        List<String> missing = new ArrayList<>();
        List<String> wrongService = new ArrayList<>();
        for (Operation op : operations) {
            String service = gatewayRoutes.get(op.method() + " " + ApiOperations.shape(op.path()));
            if (service == null && !NOT_ON_GATEWAY.containsKey(op.key())) {
                missing.add(op.key() + " (" + op.service() + ")");
            } else if (service != null && !service.equals(op.service())) {
                wrongService.add(op.key() + " goes to " + service + " but " + op.service() + " answers it");
            }
        }
        for (String excluded : NOT_ON_GATEWAY.keySet()) {
            assertTrue(operations.stream().anyMatch(o -> o.key().equals(excluded)),
                    "The exclusion " + excluded + " names no operation any more; remove it");
        }
        assertTrue(wrongService.isEmpty(), "Gateway routes to the wrong service:\n  " + String.join("\n  ", wrongService));
        assertTrue(missing.isEmpty(), missing.size() + " service operations are neither on the gateway's allow-list "
                + "(api-gateway/src/main/resources/application.properties) nor excluded in this test:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    @Order(2)
    void nobodyReachesATenantOrObjectThatIsNotTheirs() {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<Operation> ordered = new ArrayList<>(operations.stream().filter(o -> !isDestructive(o)).toList());
        // deleting and erasing last, and only on the matrix's own objects
        ordered.addAll(operations.stream().filter(CrossTenantMatrixIT::isDestructive).toList());
        long started = System.nanoTime();
        for (Operation op : ordered) {
            for (String user : users()) {
                if (op.isTenantScoped()) {
                    for (String tenant : DemoUsers.TENANTS) {
                        callInTenant(op, user, tenant, outcomes, violations);
                    }
                } else {
                    callOutsideTenants(op, user, outcomes, violations);
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        printTable(outcomes, seconds);
        System.out.printf("[matrix] %d comparisons of another tenant's object with a missing one; %d violations%n",
                comparisons, violations.size());
        writeDetails(outcomes);
        if (!violations.isEmpty()) {
            fail(violations.size() + " access violations:\n  " + String.join("\n  ",
                    violations.stream().limit(200).toList()));
        }
    }

    /** One call's result, for the table. */
    record Outcome(Operation op, String user, String tenant, String variant, String channel, int status) {
    }

    private static List<String> users() {
        List<String> users = new ArrayList<>(DemoUsers.ALL);
        users.add(ANONYMOUS);
        return users;
    }

    private static void callInTenant(Operation op, String user, String tenant, List<Outcome> outcomes, List<String> violations) {
        String other = DemoUsers.other(tenant);
        List<String> objects = op.pathParameters().stream().filter(p -> !p.equals("tenantId")).toList();
        Map<String, String> own = new LinkedHashMap<>(Map.of("tenantId", tenant));
        Map<String, String> foreign = new LinkedHashMap<>(Map.of("tenantId", tenant));
        Map<String, String> missing = new LinkedHashMap<>(Map.of("tenantId", tenant));
        for (String name : objects) {
            if (OBJECT_PARAMETERS.contains(name) && FIXTURES.get(tenant).containsKey(name)) {
                own.put(name, fixture(tenant, name));
                foreign.put(name, fixture(other, name));
                missing.put(name, UUID.randomUUID().toString());
            } else {
                // shared by the tenants of one country (a national event): the tenant's own country's, else national
                String shared = FIXTURES.get(tenant).containsKey(name) ? FIXTURES.get(tenant).get(name) : nationalFixture(name);
                own.put(name, shared);
                foreign.put(name, shared);
                missing.put(name, shared);
            }
        }
        List<String> owned = objects.stream().filter(n -> !own.get(n).equals(foreign.get(n))).toList();
        boolean member = !user.equals(ANONYMOUS) && DemoUsers.isMember(user, tenant);
        // a fresh body per call, so no call fails only because an earlier one took its name or number
        Supplier<String> body = () -> op.jsonBody(bodyValues(tenant));
        for (String channel : channels(op)) {
            if (!owned.isEmpty()) {
                Http.Reply missingReply = call(op, channel, missing, user, body);
                Http.Reply foreignReply = call(op, channel, foreign, user, body);
                record(op, user, tenant, "missing", channel, missingReply, member, outcomes, violations);
                record(op, user, tenant, "foreign", channel, foreignReply, member, outcomes, violations);
                if (!user.equals(ANONYMOUS)) {
                    comparisons++;
                    String a = normalise(missingReply.body(), missing, owned);
                    String b = normalise(foreignReply.body(), foreign, owned);
                    if (missingReply.status() != foreignReply.status() || !a.equals(b)) {
                        violations.add(describe(op, user, tenant, channel) + ": another tenant's object answered "
                                + foreignReply.status() + " " + abbreviate(foreignReply.body()) + " but a missing one "
                                + missingReply.status() + " " + abbreviate(missingReply.body()));
                    }
                }
            }
            Http.Reply ownReply = call(op, channel, own, user, body);
            record(op, user, tenant, "own", channel, ownReply, member, outcomes, violations);
        }
    }

    private static void callOutsideTenants(Operation op, String user, List<Outcome> outcomes, List<String> violations) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : op.pathParameters()) {
            values.put(name, nationalFixture(name));
        }
        Supplier<String> body = () -> op.jsonBody(bodyValues("fjordvik"));
        for (String channel : channels(op)) {
            Http.Reply reply = call(op, channel, values, user, body);
            outcomes.add(new Outcome(op, user, "-", "own", channel, reply.status()));
            String where = describe(op, user, "-", channel);
            if (user.equals(ANONYMOUS)) {
                expectUnauthenticated(reply, where, violations);
            } else if (op.isNational() && !DemoUsers.isNational(user) && reply.is2xx()
                    && !NATIONAL_READABLE_BY_ALL.containsKey(op.key())) {
                violations.add(where + ": a national route answered " + reply.status() + " to a user without a national role");
            }
            if (reply.status() >= 500) {
                violations.add(where + ": server error " + reply.status() + " " + abbreviate(reply.body()));
            }
        }
    }

    private static void record(Operation op, String user, String tenant, String variant, String channel, Http.Reply reply,
            boolean member, List<Outcome> outcomes, List<String> violations) {
        outcomes.add(new Outcome(op, user, tenant, variant, channel, reply.status()));
        String where = describe(op, user, tenant, channel) + " [" + variant + "]";
        if (user.equals(ANONYMOUS)) {
            expectUnauthenticated(reply, where, violations);
        } else if (!member) {
            if (reply.is2xx()) {
                violations.add(where + ": a user who is not a member of " + tenant + " got " + reply.status());
            } else if (reply.status() != 404 && !(reply.status() == 400 && op.writes())) {
                // a body rejected before the tenant is looked at (400) reveals nothing about the tenant
                violations.add(where + ": a user who is not a member of " + tenant + " got " + reply.status()
                        + " instead of 404: " + abbreviate(reply.body()));
            }
        }
        if (reply.status() >= 500) {
            violations.add(where + ": server error " + reply.status() + " " + abbreviate(reply.body()));
        }
    }

    private static void expectUnauthenticated(Http.Reply reply, String where, List<String> violations) {
        if (reply.status() != 401 || !reply.isProblem()) {
            violations.add(where + ": no token answered " + reply.status() + " " + reply.contentType() + " instead of a 401 problem");
        }
    }

    /** Through the gateway when it forwards the operation, and always directly on the service. */
    private static List<String> channels(Operation op) {
        return onGateway(op) ? List.of("gateway", op.service()) : List.of(op.service());
    }

    private static boolean onGateway(Operation op) {
        return gatewayRoutes.containsKey(op.method() + " " + ApiOperations.shape(op.path()));
    }

    private static Http.Reply call(Operation op, String channel, Map<String, String> values, String user,
            Supplier<String> body) {
        String token = user.equals(ANONYMOUS) ? null : RealmLogin.accessToken(user);
        String query = op.queryParameters().keySet().stream().filter(QUERY_VALUES::containsKey)
                .map(q -> q + "=" + QUERY_VALUES.get(q)).collect(Collectors.joining("&"));
        String path = op.fill(values) + (query.isEmpty() ? "" : "?" + query);
        // writes a client may retry take an Idempotency-Key; a fresh one per call
        Map<String, String> headers = op.writes() ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of();
        return Http.send(Platform.url(channel), op.method(), path, token, op.bodyType(), body.get(), headers);
    }

    private static boolean isDestructive(Operation op) {
        return op.method().equals("DELETE") || op.path().endsWith("/erasure") || op.path().endsWith("/deactivation");
    }

    private static String fixture(String tenant, String name) {
        String value = FIXTURES.get(tenant).get(name);
        if (value == null) {
            UNKNOWN_PARAMETERS.add(name);
            return UUID.randomUUID().toString();
        }
        return value;
    }

    private static String nationalFixture(String name) {
        String value = NATIONAL_FIXTURES.getOrDefault(name, SHARED_VALUES.get(name));
        if (value == null) {
            UNKNOWN_PARAMETERS.add(name);
            return UUID.randomUUID().toString();
        }
        return value;
    }

    /** Values for request body properties by name; everything else comes from the schema. */
    private static Function<String, Optional<Object>> bodyValues(String tenant) {
        return name -> Optional.ofNullable(switch (name) {
            case "name" -> "Matrise " + shortId();
            case "email" -> "matrise-" + UUID.randomUUID() + "@example.org";
            case "role" -> "coordinator";
            case "organisationNumber" -> organisationNumber();
            case "slug" -> "matrise-" + shortId();
            case "consultancyId" -> matrixConsultancy != null ? matrixConsultancy : "veiviser";
            case "startsOn", "opensOn" -> LocalDate.now().toString();
            case "closesOn" -> LocalDate.now().plusDays(30).toString();
            case "title" -> "Matrise " + shortId();
            case "schoolId" -> FIXTURES.getOrDefault(tenant, Map.of()).get("schoolId");
            case "schoolIds" -> FIXTURES.containsKey(tenant) ? List.of(FIXTURES.get(tenant).get("schoolId")) : null;
            default -> null;
        });
    }

    /** The reply body with the ids of the call replaced by their parameter name, for comparing. */
    private static String normalise(String body, Map<String, String> values, List<String> objects) {
        String out = body == null ? "" : body;
        for (String name : objects) {
            out = out.replace(values.get(name), "{" + name + "}");
        }
        return out;
    }

    private static String describe(Operation op, String user, String tenant, String channel) {
        return op.key() + " as " + user + " in " + tenant + " via " + channel;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    // ---- fixtures

    /** Waits until the consultant's fresh token and the services' replicas let them into both demo tenants. */
    private static void awaitConsultantInBothTenants() {
        await("the consultant reaches both demo tenants (demo engagements missing?)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String token = RealmLogin.fetchAccessToken("led-cli", DemoUsers.CONSULTANT);
                    return DemoUsers.TENANTS.stream().allMatch(t -> Http.send(Platform.url("gateway"), "GET",
                            "/api/tenants/" + t + "/schools", token, null, null).status() == 200);
                });
    }

    private static String registerMatrixConsultancy() {
        String slug = "matrise-" + shortId();
        Http.Reply reply = viaApi("organisations", "POST", "/api/national/consultancies", "ks.admin",
                ApiOperations.Json.write(Map.of("slug", slug, "name", "Matrise rådgivning " + slug,
                        "organisationNumber", organisationNumber())));
        if (reply.status() != 201) {
            System.out.println("[matrix] could not register a consultancy for the matrix (" + reply.status() + " "
                    + abbreviate(reply.body()) + "); engagements fixtures use veiviser");
            return null;
        }
        return slug;
    }

    private static Map<String, String> createFixtures(String tenant) {
        String coordinator = DemoUsers.organiser(tenant);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("programmeId", created(viaApi("programmes", "POST", "/api/tenants/" + tenant + "/programmes", coordinator,
                ApiOperations.Json.write(Map.of("name", "Matrise " + shortId(), "templateId", "led-skole"))), "id"));
        ids.put("schoolId", created(viaApi("organisations", "POST", "/api/tenants/" + tenant + "/schools", coordinator,
                ApiOperations.Json.write(tenant.equals("norddal")
                        ? Map.of("name", "Matrise skole " + shortId(), "institutionNumber", institutionNumber(),
                                "kind", "folkeskole", "hasLeadershipTeam", true)
                        : Map.of("name", "Matrise skole " + shortId(), "organisationNumber",
                                organisationNumber(), "kind", "grunnskole", "hasLeadershipTeam", true))), "id"));
        Http.Reply person = viaApi("organisations", "POST", "/api/tenants/" + tenant + "/people", coordinator,
                ApiOperations.Json.write(Map.of("name", "Matrise Person " + shortId(),
                        "email", "matrise-" + UUID.randomUUID() + "@example.org",
                        "role", "school-leader", "schoolId", ids.get("schoolId"))));
        ids.put("personId", created(person, "person.id"));
        ids.put("membershipId", created(person, "membership.id"));
        Map<String, Object> engagement = new LinkedHashMap<>();
        engagement.put("consultancyId", matrixConsultancy != null ? matrixConsultancy : "veiviser");
        engagement.put("startsOn", LocalDate.now().toString());
        if (matrixConsultancy == null) {
            // scoped to the matrix's school, so revoking it later leaves the demo engagement whole
            engagement.put("schoolIds", List.of(ids.get("schoolId")));
        }
        ids.put("engagementId", created(viaApi("organisations", "POST", "/api/tenants/" + tenant + "/engagements",
                coordinator, ApiOperations.Json.write(engagement)), "id"));
        // a consultant's proposal on the programme, for the owner's decision route
        Http.Reply proposal = viaApi("programmes", "POST", "/api/tenants/" + tenant + "/programmes/" + ids.get("programmeId")
                + "/proposals", DemoUsers.CONSULTANT, ApiOperations.Json.write(Map.of("change",
                        Map.of("entry", Map.of("kind", "goal", "text", "Matrise " + shortId())))));
        if (proposal.status() == 201) {
            ids.put("proposalId", JsonPath.from(proposal.body()).getString("id"));
        } else {
            System.out.println("[matrix] no proposal fixture in " + tenant + ": " + proposal.status() + " " + abbreviate(proposal.body()));
        }
        String round = surveyRound(tenant, ids.get("schoolId"));
        if (round != null) {
            ids.put("roundId", round);
        }
        ids.putAll(schedulingFixtures(tenant));
        ids.putAll(nationalEventFixtures(tenant));
        fundingFixtures(tenant, ids);
        return ids;
    }

    /**
     * An approved funding application for a gathering held ten days ago (published on scheduling's topic, as the
     * scheduling service would) and a claim for it; nothing when funding never hears of the gathering.
     */
    private static void fundingFixtures(String tenant, Map<String, String> ids) {
        LocalDate held = LocalDate.now().minusDays(10);
        UUID gathering = SchedulingTopic.gathering(tenant, "Matrise " + shortId(), held, held, 1_000_000, 0);
        String coordinator = DemoUsers.organiser(tenant);
        String body = ApiOperations.Json.write(Map.of("title", "Matrise", "policy", "ou-2024", "activityIds", List.of(gathering)));
        AtomicReference<Http.Reply> reply = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                reply.set(viaApi("funding", "POST", "/api/tenants/" + tenant + "/funding/applications", coordinator, body));
                return reply.get().status() == 201;
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("[matrix] no funding fixtures in " + tenant + ": " + reply.get().status() + " " + abbreviate(reply.get().body()));
            return;
        }
        String application = JsonPath.from(reply.get().body()).getString("id");
        ids.put("applicationId", application);
        Http.Reply cost = viaApi("funding", "POST", "/api/tenants/" + tenant + "/budget/costs", coordinator,
                ApiOperations.Json.write(Map.of("kind", "venue-hire", "description", "Matrise", "amountOre", 100_000,
                        "activityId", gathering)));
        if (cost.status() == 201) {
            ids.put("costId", JsonPath.from(cost.body()).getString("id"));
        } else {
            System.out.println("[matrix] no budget cost fixture in " + tenant + ": " + cost.status() + " " + abbreviate(cost.body()));
        }
        String decision = "/api/tenants/" + tenant + "/funding/applications/" + application + "/decision";
        viaApi("funding", "POST", decision, coordinator, ApiOperations.Json.write(Map.of("status", "submitted",
                "on", held.minusDays(20).toString())));
        viaApi("funding", "POST", decision, coordinator, ApiOperations.Json.write(Map.of("status", "approved",
                "on", held.minusDays(5).toString(), "caseNumber", "26/99999", "approvedOre", 100_000,
                "expiresOn", held.plusYears(1).toString())));
        Http.Reply claim = viaApi("funding", "POST", "/api/tenants/" + tenant + "/funding/claims", coordinator,
                ApiOperations.Json.write(Map.of("applicationId", application,
                        "organisationNumber", tenant.equals("fjordvik") ? "934567897" : "945678909",
                        "accountNumber", "1503.12.34562", "days", List.of(Map.of("date", held.toString(), "speakers",
                                List.of(Map.of("name", "Matrise", "feeOre", 1_000_000, "travelOre", 0)))))));
        if (claim.status() == 201) {
            ids.put("claimId", JsonPath.from(claim.body()).getString("id"));
        } else {
            System.out.println("[matrix] no claim fixture in " + tenant + ": " + claim.status() + " " + abbreviate(claim.body()));
        }
    }

    /** A survey round for the matrix's school, once surveys has heard of the school (null if it never does). */
    private static String surveyRound(String tenant, String schoolId) {
        String body = ApiOperations.Json.write(Map.of("title", "Matrise " + shortId(), "mode", "individual",
                "opensOn", LocalDate.now().toString(), "closesOn", LocalDate.now().plusDays(30).toString(),
                "schoolIds", List.of(schoolId)));
        AtomicReference<Http.Reply> reply = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                reply.set(viaApi("surveys", "POST", "/api/tenants/" + tenant + "/survey-rounds", DemoUsers.organiser(tenant),
                        body));
                return reply.get().status() == 201;
            });
            return JsonPath.from(reply.get().body()).getString("id");
        } catch (ConditionTimeoutException e) {
            System.out.println("[matrix] no survey round fixture in " + tenant + ": " + reply.get().status() + " "
                    + abbreviate(reply.get().body()));
            return null;
        }
    }

    private static String created(Http.Reply reply, String idPath) {
        assertEquals(201, reply.status(), "Creating a matrix fixture failed: " + reply.body());
        return JsonPath.from(reply.body()).getString(idPath);
    }

    /** A call through the gateway if it forwards the route, else directly on the service. */
    private static Http.Reply viaApi(String service, String method, String path, String user, String body) {
        String shape = method + " " + path.replaceAll("/(fjordvik|nordhei|norddal)(/|$)", "/{}$2");
        String channel = gatewayRoutes.containsKey(shape) ? "gateway" : service;
        return Http.send(Platform.url(channel), method, path, RealmLogin.accessToken(user), "application/json", body);
    }

    /** A random valid Norwegian organisation number (modulus-11 check digit). */
    static String organisationNumber() {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            for (int i = 1; i < 8; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }

    /** A Danish institution number: six digits (issue 17). */
    private static String institutionNumber() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }


    // ---- report

    /**
     * Prints routes × users: each cell is the status through the gateway (or directly, marked *, when
     * the gateway does not forward the route) for the user's home tenant / the other tenant, with the
     * route's own objects; national and other routes show one status.
     */
    private static void printTable(List<Outcome> outcomes, long seconds) {
        List<String> users = users();
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        for (Operation op : operations) {
            Map<String, String> row = new LinkedHashMap<>();
            String channel = onGateway(op) ? "gateway" : op.service();
            String mark = onGateway(op) ? "" : "*";
            for (String user : users) {
                if (op.isTenantScoped()) {
                    String home = user.equals(ANONYMOUS) ? "fjordvik" : DemoUsers.home(user);
                    row.put(user, status(outcomes, op, user, home, channel) + "/"
                            + status(outcomes, op, user, DemoUsers.other(home), channel) + mark);
                } else {
                    row.put(user, status(outcomes, op, user, "-", channel) + mark);
                }
            }
            cells.put(op.key(), row);
        }
        int width = cells.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder("\n[matrix] routes × users (home tenant/other tenant; * = directly on the service, "
                + "the gateway does not forward it)\n");
        out.append(pad("route", width));
        for (String user : users) {
            out.append(pad(user.replace("fjordvik.", "fj.").replace("nordhei.", "nh.").replace("norddal.", "nd.")
                    .replace("veiviser.", "vv."), 13));
        }
        out.append('\n');
        cells.forEach((route, row) -> {
            out.append(pad(route, width));
            row.values().forEach(v -> out.append(pad(v, 13)));
            out.append('\n');
        });
        Map<String, Long> perService = operations.stream()
                .collect(Collectors.groupingBy(Operation::service, TreeMap::new, Collectors.counting()));
        Map<Integer, Long> perStatus = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        long gatewayCovered = operations.stream().filter(CrossTenantMatrixIT::onGateway).count();
        out.append(String.format("[matrix] %d routes covered (%s), %d of them on the gateway; %d calls in %d s; statuses %s%n",
                operations.size(), perService, gatewayCovered, outcomes.size(), seconds, perStatus));
        if (!UNKNOWN_PARAMETERS.isEmpty()) {
            out.append("[matrix] path parameters without a fixture (filled with random UUIDs): ")
                    .append(UNKNOWN_PARAMETERS).append('\n');
        }
        System.out.println(out);
    }

    private static String status(List<Outcome> outcomes, Operation op, String user, String tenant, String channel) {
        return outcomes.stream()
                .filter(o -> o.op() == op && o.user().equals(user) && o.tenant().equals(tenant) && o.channel().equals(channel)
                        && o.variant().equals("own"))
                .map(o -> String.valueOf(o.status())).findFirst().orElse("-");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static void writeDetails(List<Outcome> outcomes) {
        Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve("e2e/target/access-matrix.tsv");
        List<String> lines = new ArrayList<>();
        lines.add("service\tmethod\tpath\tuser\ttenant\tobjects\tchannel\tstatus");
        for (Outcome o : outcomes) {
            lines.add(String.join("\t", o.op().service(), o.op().method(), o.op().path(), o.user(), o.tenant(),
                    o.variant(), o.channel(), String.valueOf(o.status())));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            System.out.println("[matrix] every call: " + file);
        } catch (IOException e) {
            System.out.println("[matrix] could not write " + file + ": " + e);
        }
    }

    // ---- scheduling's fixtures (issue 15)

    /** An activity with a booked speaker, a sign-up and an agenda, a school calendar entry and a calendar feed. */
    private static Map<String, String> schedulingFixtures(String tenant) {
        String coordinator = DemoUsers.organiser(tenant);
        Map<String, String> ids = new LinkedHashMap<>();
        int year = ThreadLocalRandom.current().nextInt(2100, 2500);
        ids.put("activityId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/activities", coordinator,
                ApiOperations.Json.write(Map.of("kind", "leader-gathering", "title", "Matrise " + shortId(),
                        "startsAt", year + "-09-15T09:00", "endsAt", year + "-09-15T15:00"))), "id"));
        ids.put("speakerId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/speakers", coordinator,
                ApiOperations.Json.write(Map.of("name", "Matrise Foredrag", "email", "matrise-" + UUID.randomUUID()
                        + "@example.org"))), "id"));
        created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/activities/" + ids.get("activityId") + "/speakers",
                coordinator, ApiOperations.Json.write(Map.of("speakerId", ids.get("speakerId"), "tentative", true))), "id");
        ids.put("signUpId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/activities/"
                + ids.get("activityId") + "/sign-ups", coordinator, "{}"), "id"));
        ids.put("attachmentId", created(Http.send(Platform.url("gateway"), "POST", "/api/tenants/" + tenant + "/activities/"
                + ids.get("activityId") + "/attachments?kind=agenda&name=matrise.pdf", RealmLogin.accessToken(coordinator),
                "application/pdf", "%PDF-1.7\n%%EOF\n"), "id"));
        ids.put("entryId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/school-calendar", coordinator,
                ApiOperations.Json.write(Map.of("kind", "school-free-day", "from", year + "-10-01", "name", "Matrise"))), "id"));
        ids.put("feedId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/calendar-feeds", coordinator,
                ApiOperations.Json.write(Map.of("scope", "person"))), "id"));
        return ids;
    }

    /**
     * A national event of the tenant's country (KS publishes Norway's, the Danish operator Denmark's), shared by the
     * country's tenants, and the organiser's sign-up for it through the tenant, which is the tenant's own.
     */
    private static Map<String, String> nationalEventFixtures(String tenant) {
        String publisher = tenant.equals("norddal") ? "kl.analyst" : "ks.admin";
        int year = ThreadLocalRandom.current().nextInt(2100, 2500);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("eventId", created(viaApi("scheduling", "POST", "/api/national/events", publisher,
                ApiOperations.Json.write(Map.of("kind", "introductory-course", "title", "Matrise " + shortId(),
                        "startsAt", year + "-09-15T09:00", "endsAt", year + "-09-15T15:00"))), "id"));
        ids.put("nationalSignUpId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/national-events/"
                + ids.get("eventId") + "/sign-ups", DemoUsers.organiser(tenant), "{}"), "id"));
        // a regional event the tenant hosts for its own people: another tenant's host routes answer 404 for it
        ids.put("regionalEventId", created(viaApi("scheduling", "POST", "/api/tenants/" + tenant + "/regional-events",
                DemoUsers.organiser(tenant), ApiOperations.Json.write(Map.of("kind", "network-meeting", "title",
                        "Regional matrise " + shortId(), "startsAt", year + "-10-15T09:00", "endsAt", year + "-10-15T15:00"))),
                "id"));
        return ids;
    }

    /**
     * National figures per country: KS's operators and Denmark's ({@code kl.analyst}) each see their own
     * country's tenants only, through the gateway and directly on the service; no national view mixes them.
     */
    @Test
    @Order(3)
    void eachCountrysNationalOperatorSeesItsOwnTenantsOnly() {
        Map<String, List<String>> ownTenants = Map.of("ks.analyst", List.of("fjordvik", "nordhei"), "kl.analyst", List.of("norddal"));
        Map<String, List<String>> otherTenants = Map.of("ks.analyst", List.of("norddal"), "kl.analyst", List.of("fjordvik", "nordhei"));
        Map<String, String> country = Map.of("ks.analyst", "NO", "kl.analyst", "DK");
        int year = LocalDate.now().getYear();
        List<String> violations = new ArrayList<>();
        for (String user : List.of("ks.analyst", "kl.analyst")) {
            String token = RealmLogin.accessToken(user);
            for (String channel : List.of("gateway", "organisations")) {
                Http.Reply tenants = Http.send(Platform.url(channel), "GET", "/api/national/tenants?limit=500", token, null, null);
                assertEquals(200, tenants.status(), user + " via " + channel + ": " + tenants.body());
                JsonPath list = JsonPath.from(tenants.body());
                if (!list.getList("country").stream().allMatch(country.get(user)::equals)) {
                    violations.add(user + " via " + channel + " sees tenants of another country: " + list.getList("country"));
                }
                if (!list.getList("slug").containsAll(ownTenants.get(user))) {
                    violations.add(user + " via " + channel + " misses its own country's tenants: " + list.getList("slug"));
                }
                otherTenants.get(user).stream().filter(list.getList("slug")::contains)
                        .forEach(t -> violations.add(user + " via " + channel + " sees " + t));
            }
            for (String channel : List.of("gateway", "surveys")) {
                Http.Reply results = Http.send(Platform.url(channel), "GET",
                        "/api/national/survey-results?instrumentVersion=1&year=" + year, token, null, null);
                assertEquals(200, results.status(), user + " via " + channel + ": " + results.body());
                List<String> counted = JsonPath.from(results.body()).getList("tenants.tenantId");
                otherTenants.get(user).stream().filter(counted::contains)
                        .forEach(t -> violations.add(user + " via " + channel + " counts " + t + " in its national results"));
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    // ---- the activity's participants (h2-pages): within a tenant, sign-ups are the organisers'

    /** Demo users who take part in activities but do not organise them: they see their own sign-ups only. */
    private static final List<String> PARTICIPANTS = List.of("fjordvik.principal", "fjordvik.leader", "nordhei.principal",
            "nordhei.leader", "norddal.skoleleder", "norddal.afdelingsleder", DemoUsers.CONSULTANT);

    /**
     * The organiser's sign-up of each tenant's fixture activity is never shown to a participant of the same tenant,
     * through the gateway or on the service, in the list or as the page's activity; another tenant's participant
     * gets the 404 the matrix checks above.
     */
    @Test
    @Order(4)
    void aParticipantSeesOnlyTheirOwnSignUpsOfTheirTenantsActivity() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String tenant : FIXTURES.keySet()) {
            String path = "/api/tenants/" + tenant + "/activities/" + FIXTURES.get(tenant).get("activityId") + "/sign-ups";
            String organisers = FIXTURES.get(tenant).get("signUpId");
            for (String user : PARTICIPANTS) {
                if (!DemoUsers.isMember(user, tenant)) {
                    continue;
                }
                for (String channel : List.of("gateway", "scheduling")) {
                    Http.Reply reply = Http.send(Platform.url(channel), "GET", path, RealmLogin.accessToken(user),
                            "application/json", null);
                    if (reply.status() == 200) {
                        checked++;
                        if (JsonPath.from(reply.body()).getList("id", String.class).contains(organisers)) {
                            violations.add(user + " sees the organiser's sign-up at " + path + " (" + channel + ")");
                        }
                    } else if (reply.status() != 404 && reply.status() != 403) {
                        violations.add(user + " got " + reply.status() + " at " + path + " (" + channel + ")");
                    }
                }
            }
        }
        assertTrue(checked >= 8, "the participants' own tenants answered only " + checked + " times");
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
