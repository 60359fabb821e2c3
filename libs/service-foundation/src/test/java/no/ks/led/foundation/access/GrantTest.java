package no.ks.led.foundation.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import no.ks.led.foundation.access.Grant.EngagementRow;
import no.ks.led.foundation.access.Grant.MembershipRow;
import org.junit.jupiter.api.Test;

/** The access rule on its own, without a database. */
class GrantTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final UUID PERSON = UUID.randomUUID();
    private static final UUID SCHOOL = UUID.randomUUID();
    private static final UUID OTHER_SCHOOL = UUID.randomUUID();

    private static MembershipRow member(String org, String role, UUID school, LocalDate from, LocalDate to, boolean ended) {
        return new MembershipRow(org, PERSON, role, school, from, to, ended);
    }

    private static EngagementRow engagement(UUID consultant, List<UUID> schools, LocalDate to, boolean ended) {
        return new EngagementRow("fjordvik", "veiviser", consultant, schools, TODAY.minusDays(10), to, ended);
    }

    @Test
    void aCurrentMembershipGrantsItsRoleInItsTenantOnly() {
        var rows = List.of(member("fjordvik", "coordinator", null, TODAY, null, false));
        Grant grant = Grant.decide("fjordvik", PERSON, true, rows, List.of(), TODAY);
        assertEquals(Set.of(TenantRole.COORDINATOR), grant.roleSet());
        assertTrue(Grant.decide("nordhei", PERSON, true, rows, List.of(), TODAY).isEmpty());
    }

    @Test
    void endedFutureAndExpiredMembershipsGrantNothing() {
        for (MembershipRow row : List.of(member("fjordvik", "coordinator", null, TODAY.minusDays(5), null, true),
                member("fjordvik", "coordinator", null, TODAY.plusDays(1), null, false),
                member("fjordvik", "coordinator", null, TODAY.minusDays(5), TODAY.minusDays(1), false))) {
            assertTrue(Grant.decide("fjordvik", PERSON, true, List.of(row), List.of(), TODAY).isEmpty(), row.toString());
        }
        // the last day still counts
        assertFalse(Grant.decide("fjordvik", PERSON, true,
                List.of(member("fjordvik", "coordinator", null, TODAY.minusDays(5), TODAY, false)), List.of(), TODAY).isEmpty());
    }

    @Test
    void aDeactivatedTenantGrantsNothing() {
        var rows = List.of(member("fjordvik", "owner-executive", null, TODAY, null, false));
        assertTrue(Grant.decide("fjordvik", PERSON, false, rows, List.of(), TODAY).isEmpty());
    }

    @Test
    void schoolRolesCoverOnlyTheirSchool() {
        var rows = List.of(member("fjordvik", "principal", SCHOOL, TODAY, null, false));
        Grant grant = Grant.decide("fjordvik", PERSON, true, rows, List.of(), TODAY);
        assertTrue(grant.coversSchool(SCHOOL, List.of(TenantRole.PRINCIPAL)));
        assertFalse(grant.coversSchool(OTHER_SCHOOL, List.of(TenantRole.PRINCIPAL)));
        assertFalse(grant.coversSchool(SCHOOL, List.of(TenantRole.COORDINATOR)));
    }

    @Test
    void aConsultantActsThroughACurrentEngagementOfTheirConsultancy() {
        var firm = List.of(member("veiviser", "consultant", null, TODAY.minusYears(1), null, false));
        Grant whole = Grant.decide("fjordvik", PERSON, true, firm, List.of(engagement(null, List.of(), null, false)), TODAY);
        assertEquals(Set.of(TenantRole.CONSULTANT), whole.roleSet());
        assertTrue(whole.coversSchool(OTHER_SCHOOL, List.of(TenantRole.CONSULTANT)));

        Grant named = Grant.decide("fjordvik", PERSON, true, firm, List.of(engagement(PERSON, List.of(SCHOOL), null, false)), TODAY);
        assertTrue(named.coversSchool(SCHOOL, List.of(TenantRole.CONSULTANT)));
        assertFalse(named.coversSchool(OTHER_SCHOOL, List.of(TenantRole.CONSULTANT)));
    }

    @Test
    void aRevokedExpiredOrOtherConsultantsEngagementGrantsNothing() {
        var firm = List.of(member("veiviser", "consultant", null, TODAY.minusYears(1), null, false));
        for (EngagementRow e : List.of(engagement(null, List.of(), null, true),
                engagement(null, List.of(), TODAY.minusDays(1), false),
                engagement(UUID.randomUUID(), List.of(), null, false))) {
            assertTrue(Grant.decide("fjordvik", PERSON, true, firm, List.of(e), TODAY).isEmpty(), e.toString());
        }
        // a consultant who has left the consultancy loses its engagements too
        var left = List.of(member("veiviser", "consultant", null, TODAY.minusYears(1), null, true));
        assertTrue(Grant.decide("fjordvik", PERSON, true, left, List.of(engagement(null, List.of(), null, false)), TODAY).isEmpty());
    }
}
