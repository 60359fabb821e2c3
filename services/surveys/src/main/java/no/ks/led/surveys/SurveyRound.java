package no.ks.led.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A round of the status analysis (ståstedsanalyse) for chosen schools of a tenant. */
@Entity
@Table(name = "survey_round")
public class SurveyRound extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String title;

    /** {@code individual} (each leader answers alone) or {@code team} (one agreed answer). */
    @Column(nullable = false)
    public String mode;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    public static List<SurveyRound> listInTenant(String tenantId) {
        return list("tenantId = ?1 order by opensOn desc, id", tenantId);
    }
}
