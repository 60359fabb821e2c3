package no.ks.led.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An activity in a tenant's calendar, as scheduling's events describe it: the days an application is filled from. */
@Entity
@Table(name = "scheduled_activity")
public class ScheduledActivity extends PanacheEntityBase {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String kind;

    public String title;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "time_zone")
    public String timeZone;

    public String place;

    @Column(nullable = false)
    public boolean cancelled;

    /** When the newest applied event changed it; an older event never overwrites a newer one. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The tenant's activity, if scheduling has told of it. */
    public static java.util.Optional<ScheduledActivity> findInTenant(String tenantId, UUID activityId) {
        return ScheduledActivity.<ScheduledActivity>findByIdOptional(activityId).filter(a -> a.tenantId.equals(tenantId));
    }

    /** The tenant's activities that are not cancelled, by start. */
    public static List<ScheduledActivity> current(String tenantId) {
        return list("tenantId = ?1 and cancelled = false and startsAt is not null order by startsAt, activityId", tenantId);
    }

    /** The days the activity is held, in its own zone (one day at least). */
    public List<LocalDate> days(ZoneId fallback) {
        ZoneId zone = timeZone == null ? fallback : ZoneId.of(timeZone);
        LocalDate first = startsAt.atZone(zone).toLocalDate();
        LocalDate last = endsAt == null ? first : endsAt.atZone(zone).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last) && days.size() < 366; day = day.plusDays(1)) {
            days.add(day);
        }
        return days.isEmpty() ? List.of(first) : days;
    }

    /** The first day, in the activity's zone. */
    public LocalDate firstDay(ZoneId fallback) {
        return startsAt.atZone(timeZone == null ? fallback : ZoneId.of(timeZone)).toLocalDate();
    }
}
