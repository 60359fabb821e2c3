package no.ks.led.funding.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.organisations.SchoolAdded;
import no.ks.led.events.organisations.SchoolChanged;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.funding.FundingSchool;
import no.ks.led.funding.FundingTenant;

/** Keeps each tenant's and school's organisation number from the organisations service's events. */
final class OwnerNumbers {

    private OwnerNumbers() {
    }

    /** The owner's name and organisation number. */
    @ApplicationScoped
    @ConsumedBy(OrganisationEvents.CHANNEL)
    public static class Onboarded implements EventHandler<TenantOnboarded> {

        @Override
        public void handle(TenantOnboarded event, EventEnvelope envelope) {
            FundingTenant tenant = FundingTenant.of(event.tenantId()).orElseGet(FundingTenant::new);
            tenant.tenantId = event.tenantId();
            tenant.name = event.name() == null ? event.tenantId() : event.name();
            tenant.organisationNumber = event.organisationNumber();
            tenant.persist();
        }
    }

    /** A new school's organisation number. */
    @ApplicationScoped
    @ConsumedBy(OrganisationEvents.CHANNEL)
    public static class Added implements EventHandler<SchoolAdded> {

        @Override
        public void handle(SchoolAdded event, EventEnvelope envelope) {
            school(event.schoolId(), event.tenantId(), event.organisationNumber());
        }
    }

    /** A school's organisation number as it is now. */
    @ApplicationScoped
    @ConsumedBy(OrganisationEvents.CHANNEL)
    public static class Changed implements EventHandler<SchoolChanged> {

        @Override
        public void handle(SchoolChanged event, EventEnvelope envelope) {
            school(event.schoolId(), event.tenantId(), event.organisationNumber());
        }
    }

    private static void school(java.util.UUID schoolId, String tenantId, String organisationNumber) {
        FundingSchool school = FundingSchool.<FundingSchool>findByIdOptional(schoolId).orElseGet(FundingSchool::new);
        school.schoolId = schoolId;
        school.tenantId = tenantId;
        school.organisationNumber = organisationNumber;
        school.persist();
    }
}
