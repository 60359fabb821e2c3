package no.ks.led.scheduling;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A school-free day (or days) or an exam period of a tenant's school calendar (skolerute). */
@Entity
@Table(name = "school_calendar_entry")
public class SchoolCalendarEntry extends TenantScopedEntity {

    public static final String SCHOOL_FREE_DAY = "school-free-day";
    public static final String EXAM_PERIOD = "exam-period";

    @Column(nullable = false)
    public String kind;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public String name;

    /** The tenant's entries that touch [from, to], earliest first. */
    public static List<SchoolCalendarEntry> touching(String tenantId, LocalDate from, LocalDate to) {
        return list("tenantId = ?1 and endsOn >= ?2 and startsOn <= ?3 order by startsOn, id", tenantId, from, to);
    }
}
