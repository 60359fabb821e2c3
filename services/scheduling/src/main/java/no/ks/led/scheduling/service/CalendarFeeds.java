package no.ks.led.scheduling.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.CalendarFeed;
import no.ks.led.scheduling.ProgrammeRef;
import no.ks.led.scheduling.SchedulingConfig;
import no.ks.led.scheduling.calendar.ICalendar;
import no.ks.led.scheduling.repository.ActivityRepository;

/**
 * Calendar feeds at secret, revocable URLs: a person's (their sign-ups; every activity of the tenant for its
 * coordinators and executives), a school's, or a programme's activities, as RFC 5545 text.
 */
@ApplicationScoped
public class CalendarFeeds {

    public static final String PERSON = "person";
    public static final String SCHOOL = "school";
    public static final String PROGRAMME = "programme";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ActivityRepository activities;

    @Inject
    SchedulingConfig config;

    /** A new feed and its URL, shown once (only the secret's hash is kept). */
    public record Created(CalendarFeed feed, String url) {
    }

    /** A rendered feed and its entity tag. */
    public record Rendered(String body, String etag) {
    }

    /** Creates a feed of the scope for the caller; 404 for a school or programme that is not the tenant's. */
    @Transactional
    public Created create(Grant grant, String scope, UUID scopeId) {
        UUID id = scopeId;
        switch (scope) {
            case PERSON -> {
                if (id == null) {
                    id = grant.personId();
                } else if (!id.equals(grant.personId())) {
                    throw ProblemException.invalidField("id", "a person feed is the caller's own");
                }
            }
            case SCHOOL -> {
                if (id == null) {
                    throw ProblemException.invalidField("id", "is required for a school feed");
                }
                if (!activities.isSchoolOf(grant.tenantId(), id)) {
                    throw ProblemException.notFound("School " + id);
                }
            }
            case PROGRAMME -> {
                if (id == null) {
                    throw ProblemException.invalidField("id", "is required for a programme feed");
                }
                if (!ProgrammeRef.existsInTenant(grant.tenantId(), id)) {
                    throw ProblemException.notFound("Programme " + id);
                }
            }
            default -> throw ProblemException.invalidField("scope", "must be person, school or programme");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.tenantId = grant.tenantId();
        feed.secretHash = hash(secret);
        feed.scope = scope;
        feed.scopeId = id;
        feed.createdBy = grant.personId();
        feed.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        feed.persist();
        return new Created(feed, config.publicUrl().replaceAll("/+$", "") + "/calendar/" + secret + ".ics");
    }

    /** Revokes the tenant's feed: its creator may, and so may a coordinator or executive. 404 after. */
    @Transactional
    public void revoke(Grant grant, UUID feedId) {
        CalendarFeed feed = CalendarFeed.findInTenant(grant.tenantId(), feedId)
                .filter(f -> f.revokedAt == null)
                .filter(f -> f.createdBy.equals(grant.personId())
                        || grant.hasAny(List.of(TenantRole.COORDINATOR, TenantRole.OWNER_EXECUTIVE)))
                .orElseThrow(() -> ProblemException.notFound("Calendar feed " + feedId));
        feed.revokedAt = Instant.now();
    }

    /** The live feed with this secret, rendered; empty for an unknown or revoked one. */
    @Transactional
    public Optional<Rendered> render(String secret) {
        return CalendarFeed.live(hash(secret)).map(this::render);
    }

    private Rendered render(CalendarFeed feed) {
        // a year back, so a subscriber's recent past stays, and everything ahead
        Instant from = Instant.now().minus(366, ChronoUnit.DAYS);
        List<Activity> selected = switch (feed.scope) {
            case PROGRAMME -> Activity.list("tenantId = ?1 and programmeId = ?2 and status <> 'proposed' and endsAt >= ?3"
                    + " order by startsAt, id", feed.tenantId, feed.scopeId, from);
            case SCHOOL -> load(activities.forSchool(feed.tenantId, feed.scopeId, from));
            default -> coordinates(feed)
                    ? Activity.list("tenantId = ?1 and status <> 'proposed' and endsAt >= ?2 order by startsAt, id",
                            feed.tenantId, from)
                    : load(activities.signedUpFor(feed.tenantId, feed.scopeId, from));
        };
        String body = ICalendar.feed("Led", selected.stream().map(CalendarFeeds::event).toList());
        return new Rendered(body, "\"" + hash(body) + "\"");
    }

    /** Whether the person feed's owner runs the tenant's programme (all of its activities are theirs). */
    private boolean coordinates(CalendarFeed feed) {
        return activities.holdsRole(feed.tenantId, feed.scopeId, List.of(TenantRole.COORDINATOR.roleName(),
                TenantRole.OWNER_EXECUTIVE.roleName()));
    }

    private static List<Activity> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Activity.list("id in ?1 order by startsAt, id", ids);
    }

    /** The activity as a calendar event; its id is its stable UID. */
    static ICalendar.Event event(Activity activity) {
        return new ICalendar.Event(activity.id + "@led.ks.no", activity.sequence, activity.isCancelled(), activity.title,
                activity.place, activity.startsAt, activity.endsAt, activity.zone(), activity.createdAt,
                activity.lastModified);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
