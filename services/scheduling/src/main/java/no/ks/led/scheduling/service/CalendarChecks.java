package no.ks.led.scheduling.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.FundingStatus;
import no.ks.led.scheduling.SchedulingConfig;
import no.ks.led.scheduling.SchoolCalendarEntry;
import no.ks.led.scheduling.calendar.Horizon;
import no.ks.led.scheduling.calendar.PublicHolidays;
import no.ks.led.scheduling.calendar.Warning;
import no.ks.led.scheduling.repository.ActivityRepository;
import no.ks.led.scheduling.repository.BookingRepository;

/**
 * The warnings of an activity's time: public holidays of the tenant's country, the tenant's school-free days and
 * exam periods, a thin horizon, and a paid speaker without approved funding; each marked confirmed when the
 * coordinator has confirmed it for the activity's current time (sequence).
 */
@ApplicationScoped
public class CalendarChecks {

    @Inject
    TenantZones zones;

    @Inject
    ActivityRepository activities;

    @Inject
    BookingRepository bookings;

    @Inject
    SchedulingConfig config;

    /** The horizon of the tenant's gatherings from {@code today} (in its zone). */
    public Horizon horizon(String tenantId, LocalDate today) {
        ZoneId zone = zones.of(tenantId);
        LocalDate to = today.plusMonths(12);
        List<LocalDate> days = activities.gatheringDays(tenantId, zone, today.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant());
        return Horizon.of(today, days, config.horizonMinimumGatherings());
    }

    /** Checks a tenant's activities with one look at its horizon. */
    public Checker forTenant(String tenantId) {
        return new Checker(tenantId);
    }

    /** Warnings for one tenant's activities; the horizon is looked at once. */
    public final class Checker {
        private final String tenantId;
        private final Map<String, Horizon> horizon = new HashMap<>();

        Checker(String tenantId) {
            this.tenantId = tenantId;
        }

        /** The activity's warnings; none for a cancelled activity. */
        public List<Warning> warnings(Activity activity) {
            if (activity.isCancelled()) {
                return List.of();
            }
            ZoneId zone = activity.zone();
            LocalDate first = activity.localStart().toLocalDate();
            LocalDate last = activity.localEnd().minusNanos(1).toLocalDate();
            List<Warning> warnings = new ArrayList<>();
            for (PublicHolidays.Day day : PublicHolidays.between(PublicHolidays.countryOf(zone), first, last)) {
                warnings.add(Warning.of(Warning.PUBLIC_HOLIDAY, day.date(), String.join(" / ", day.names())));
            }
            for (SchoolCalendarEntry entry : SchoolCalendarEntry.touching(tenantId, first, last)) {
                LocalDate date = entry.startsOn.isBefore(first) ? first : entry.startsOn;
                warnings.add(Warning.of(entry.kind, date, entry.name));
            }
            Horizon h = horizon.computeIfAbsent("tenant", k -> horizon(tenantId, LocalDate.now(zones.of(tenantId))));
            if (h.isThin()) {
                warnings.add(Warning.of(Warning.HORIZON, h.to(), null));
            }
            if (!FundingStatus.APPROVED.equals(activity.fundingStatus) && bookings.hasPaidSpeaker(activity.id)) {
                warnings.add(Warning.of(Warning.UNFUNDED_PAID_SPEAKER, null, null));
            }
            Map<String, ActivityRepository.Confirmation> confirmed = new HashMap<>();
            activities.confirmations(activity.id, activity.sequence).forEach(c -> confirmed.put(c.code(), c));
            return warnings.stream().map(w -> {
                ActivityRepository.Confirmation c = confirmed.get(w.code());
                return c == null ? w : w.confirmedBy(c.confirmedBy(), c.confirmedAt());
            }).toList();
        }
    }

    /** Records the coordinator's confirmation of a warning the activity has now; false if it has no such warning. */
    public boolean confirm(Activity activity, String code, java.util.UUID person) {
        boolean present = forTenant(activity.tenantId).warnings(activity).stream().anyMatch(w -> w.code().equals(code));
        if (present) {
            activities.confirm(activity.id, code, activity.sequence, person, Instant.now());
        }
        return present;
    }
}
