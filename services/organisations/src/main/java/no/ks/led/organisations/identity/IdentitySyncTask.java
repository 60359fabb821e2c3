package no.ks.led.organisations.identity;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change Keycloak must follow, taken from one organisations event: pending until the worker has
 * applied it, done after, failed when it gave up (until an administrator retries it).
 */
@Entity
@Table(name = "identity_sync_task")
public class IdentitySyncTask extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    /** The organisation (tenant or consultancy slug) the event was keyed by. */
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The event's name, e.g. {@code TenantOnboarded}. */
    @Column(nullable = false, updatable = false)
    public String kind;

    /** The event's JSON data. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;
}
