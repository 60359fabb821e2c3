package no.ks.led.web.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The nation's results of a year on an instrument version, and each tenant's aggregate (never a school). */
@TemplateData
public record NationalResults(int instrumentVersion, int year, int minGroupSize, String basis, Results.Group total,
        List<Tenant> tenants) {

    public NationalResults {
        tenants = tenants == null ? List.of() : tenants;
    }

    @TemplateData
    public record Tenant(String tenantId, Results.Group results) {
    }
}
