package no.ks.led.web.roster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends roster files to the API's roster import (through the gateway, with the person's own token) and keeps the
 * imports that are running, so their page can show progress. An import is one request to the API and one
 * transaction there; what is kept here is only its outcome, for an hour, in the replica that started it.
 */
@ApplicationScoped
public class RosterImports {

    private static final Duration KEPT = Duration.ofHours(1);
    /** The gateway allows the import route 300 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(310);

    /** One import: whose, of which tenant, how many rows, since when, and the API's answer once it came. */
    public record Job(UUID id, String tenantId, String person, Long rows, Instant startedAt,
            CompletableFuture<RosterReport> outcome) {

        public boolean done() {
            return outcome.isDone();
        }

        /** The API's answer; only when {@link #done()}. */
        public RosterReport report() {
            return outcome.join();
        }

        public long seconds() {
            return Duration.between(startedAt, Instant.now()).toSeconds();
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.rest-client.platform-api.url")
    String gateway;

    /** Checks the file with the API (nothing changes) and answers its report. */
    public RosterReport dryRun(String tenantId, String token, byte[] file) {
        return send(tenantId, token, file, true).join();
    }

    /** Starts the import; its outcome arrives in the returned job. */
    public Job start(String tenantId, String person, String token, byte[] file, long rows) {
        forgetOld();
        Job job = new Job(UUID.randomUUID(), tenantId, person, rows, Instant.now(), send(tenantId, token, file, false));
        jobs.put(job.id(), job);
        return job;
    }

    /** The person's own import in this tenant; nobody else's. */
    public Optional<Job> find(UUID id, String tenantId, String person) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.tenantId().equals(tenantId) && j.person().equals(person));
    }

    private CompletableFuture<RosterReport> send(String tenantId, String token, byte[] file, boolean dryRun) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/tenants/" + tenantId
                        + "/roster-imports?dryRun=" + dryRun))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::report)
                .exceptionally(failure -> new RosterReport(503, "urn:no:ks:led:problem:service-unavailable", null,
                        null, null, null, null, null, null, null));
    }

    private RosterReport report(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), RosterReport.class).withStatus(response.statusCode());
        } catch (Exception unreadable) {
            return new RosterReport(response.statusCode(), null, null, null, null, null, null, null, null, null);
        }
    }

    private void forgetOld() {
        Instant before = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.done() && j.startedAt().isBefore(before));
    }
}
