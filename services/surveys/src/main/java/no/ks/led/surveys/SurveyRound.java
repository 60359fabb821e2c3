package no.ks.led.surveys;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.ks.led.foundation.access.TenantScopedEntity;

/** A round of the status analysis (ståstedsanalyse) for chosen schools of a tenant. */
@Entity
@Table(name = "survey_round")
public class SurveyRound extends TenantScopedEntity {

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
