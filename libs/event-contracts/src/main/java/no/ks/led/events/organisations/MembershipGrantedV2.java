package no.ks.led.events.organisations;

import java.time.LocalDate;
import java.util.UUID;

import no.ks.led.events.EventContract;

/**
 * Version 2 of {@link MembershipGranted}: the same grant, and {@code initialImport} true when the grant
 * comes from the tenant's first roster import, which grants every existing leader at once (so a consumer
 * can tell a leader who joins later, such as the programmes service's starter pack, from the first
 * roster). Published beside version 1 for every grant until every consumer reads version 2.
 */
@EventContract(service = "organisations", name = "MembershipGranted", version = 2)
public record MembershipGrantedV2(UUID membershipId, String tenantId, UUID personId, String role, UUID schoolId,
        LocalDate startsOn, LocalDate endsOn, boolean initialImport) {

    /** Version 1 of the same grant. */
    public MembershipGranted v1() {
        return new MembershipGranted(membershipId, tenantId, personId, role, schoolId, startsOn, endsOn);
    }
}
