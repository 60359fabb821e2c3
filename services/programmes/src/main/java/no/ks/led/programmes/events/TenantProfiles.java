package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.TenantProfile;

/** Keeps each tenant's name and language, for the plan's Word document; a replayed onboarding changes nothing. */
@ApplicationScoped
@ConsumedBy(AccessEvents.CHANNEL)
public class TenantProfiles implements EventHandler<TenantOnboarded> {

    @Override
    public void handle(TenantOnboarded onboarded, EventEnvelope envelope) {
        TenantProfile profile = TenantProfile.<TenantProfile>findByIdOptional(onboarded.tenantId()).orElseGet(() -> {
            TenantProfile created = new TenantProfile();
            created.tenantId = onboarded.tenantId();
            return created;
        });
        profile.name = onboarded.name();
        profile.language = onboarded.language() == null || onboarded.language().isBlank()
                ? TenantProfile.DEFAULT_LANGUAGE : onboarded.language();
        profile.updatedAt = onboarded.onboardedAt();
        profile.persist();
    }
}
