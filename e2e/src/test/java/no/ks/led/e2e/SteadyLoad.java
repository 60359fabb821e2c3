package no.ks.led.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.path.json.JsonPath;
import no.ks.led.foundation.testing.RealmLogin;

/**
 * Steady writes and reads through the gateway while the fault suite breaks things: programmes created
 * with an {@code Idempotency-Key} (retried after a 503 as {@code Retry-After} says), people added with a
 * role and some of those roles ended, consultancy engagements started and some ended, programme lists
 * read. Records what every request got, so the suite can check that nothing was lost, nothing was done
 * twice, nothing hung, and every error was a 503 problem with {@code Retry-After}.
 */
final class SteadyLoad implements AutoCloseable {

    /** Longer than the gateway's upstream timeout (15 s): a request past it has hung. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CREATE_RETRY_LIMIT = Duration.ofSeconds(90);
    private static final List<String> COORDINATORS = List.of("fjordvik.coordinator", "nordhei.coordinator");

    /** A reply that is neither a success nor a 503 problem with Retry-After, or no reply at all. */
    record Violation(long atMillis, String request, String what) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String gateway;
    private final String run;
    private final long seed;
    private final long startedAt = System.currentTimeMillis();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    final AtomicLong requests = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong hung = new AtomicLong();
    final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
    /** Programme name → the id the create answered with, for every create that succeeded. */
    final Map<String, String> programmesCreated = new ConcurrentHashMap<>();
    /** Names of creates that were still failing when their retries ran out. */
    final ConcurrentLinkedQueue<String> programmesGivenUp = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> membershipsGranted = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> membershipsEnded = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> engagementsStarted = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> engagementsEnded = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    SteadyLoad(String gateway, String run, long seed) {
        this.gateway = gateway;
        this.run = run;
        this.seed = seed;
        refreshTokens();
    }

    /** The prefix of every programme name this load creates. */
    String programmePrefix() {
        return "Chaos " + run + " ";
    }

    /** Fetches fresh tokens; while Keycloak is down the ones held stay in use (they live five minutes). */
    void refreshTokens() {
        for (String user : COORDINATORS) {
            try {
                tokens.put(user, RealmLogin.fetchAccessToken("led-cli", user));
            } catch (RuntimeException keycloakDown) {
                if (!tokens.containsKey(user)) {
                    throw keycloakDown;
                }
            }
        }
    }

    void start(int workerCount) {
        for (int i = 0; i < workerCount; i++) {
            Random random = new Random(seed + i);
            Thread worker = new Thread(() -> work(random), "steady-load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread refresher = new Thread(() -> {
            while (running) {
                pause(30_000);
                if (running) {
                    refreshTokens();
                }
            }
        }, "steady-load-tokens");
        refresher.setDaemon(true);
        refresher.start();
    }

    /** Stops the load and waits for the requests in flight, retries included. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(CREATE_RETRY_LIMIT.toMillis() + REQUEST_TIMEOUT.toMillis());
        }
    }

    private void work(Random random) {
        while (running) {
            String user = COORDINATORS.get(random.nextInt(COORDINATORS.size()));
            String tenant = user.substring(0, user.indexOf('.'));
            int dice = random.nextInt(100);
            if (dice < 45) {
                createProgramme(user, tenant);
            } else if (dice < 60) {
                addPerson(user, tenant, random.nextInt(3) == 0);
            } else if (dice < 75) {
                engage(user, tenant, random.nextBoolean());
            } else {
                send(user, "GET", "/api/tenants/" + tenant + "/programmes", null, Map.of());
            }
            pause(100);
        }
    }

    /** One logical create, retried with the same key after a 503 until it succeeds or the limit passes. */
    private void createProgramme(String user, String tenant) {
        String name = programmePrefix() + sequence.incrementAndGet();
        String key = java.util.UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + CREATE_RETRY_LIMIT.toMillis();
        while (true) {
            Reply reply = send(user, "POST", "/api/tenants/" + tenant + "/programmes",
                    "{\"name\":\"" + name + "\"}", Map.of("Idempotency-Key", key));
            if (reply != null && (reply.status() == 200 || reply.status() == 201)) {
                programmesCreated.put(name, JsonPath.from(reply.body()).getString("id"));
                return;
            }
            if (reply == null || reply.status() != 503 || System.currentTimeMillis() > deadline) {
                programmesGivenUp.add(name);
                return;
            }
            pause(reply.retryAfterSeconds() * 1000L);
        }
    }

    private void addPerson(String user, String tenant, boolean endRole) {
        long n = sequence.incrementAndGet();
        Reply reply = send(user, "POST", "/api/tenants/" + tenant + "/people", """
                {"name":"Chaos %s %d","email":"chaos-%s-%d@example.test","role":"coordinator"}"""
                .formatted(run, n, run, n), Map.of());
        if (reply != null && reply.status() == 201) {
            String membership = JsonPath.from(reply.body()).getString("membership.id");
            membershipsGranted.add(membership);
            if (endRole) {
                Reply ended = send(user, "DELETE", "/api/tenants/" + tenant + "/memberships/" + membership, null, Map.of());
                if (ended != null && ended.status() == 204) {
                    membershipsEnded.add(membership);
                }
            }
        }
    }

    private void engage(String user, String tenant, boolean end) {
        Reply reply = send(user, "POST", "/api/tenants/" + tenant + "/engagements",
                "{\"consultancyId\":\"veiviser\",\"startsOn\":\"" + LocalDate.now() + "\"}", Map.of());
        if (reply != null && reply.status() == 201) {
            String engagement = JsonPath.from(reply.body()).getString("id");
            engagementsStarted.add(engagement);
            if (end) {
                Reply ended = send(user, "DELETE", "/api/tenants/" + tenant + "/engagements/" + engagement, null, Map.of());
                if (ended != null && ended.status() == 204) {
                    engagementsEnded.add(engagement);
                }
            }
        }
    }

    private record Reply(int status, String body, int retryAfterSeconds) {
    }

    /** Sends one request and classifies its answer; null if none came (hung or refused). */
    private Reply send(String user, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.get(user))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String label = method + " " + path;
        requests.incrementAndGet();
        long sentAt = System.currentTimeMillis() - startedAt;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                succeeded.incrementAndGet();
                return new Reply(status, response.body(), 0);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            if (status == 503 && type.startsWith("application/problem+json") && retryAfter != null
                    && retryAfter.matches("\\d+")) {
                unavailable.incrementAndGet();
                return new Reply(status, response.body(), Integer.parseInt(retryAfter));
            }
            violations.add(new Violation(sentAt, label, status + " " + type + " Retry-After=" + retryAfter + " "
                    + abbreviate(response.body())));
            return new Reply(status, response.body(), 0);
        } catch (HttpTimeoutException e) {
            hung.incrementAndGet();
            violations.add(new Violation(sentAt, label, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"));
            return null;
        } catch (IOException e) {
            violations.add(new Violation(sentAt, label, "no answer: " + e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
