package no.ks.led.scheduling;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A gathering of a programme: a leader gathering, seminar, workshop, network meeting or similar. */
@Entity
@Table(name = "gathering")
public class Gathering extends TenantScopedEntity {

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String kind;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public String place;

    public static PanacheQuery<Gathering> findForProgramme(String tenantId, UUID programmeId) {
        return find("tenantId = ?1 and programmeId = ?2 order by startsOn, id", tenantId, programmeId);
    }
}
