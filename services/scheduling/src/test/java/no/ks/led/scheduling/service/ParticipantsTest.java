package no.ks.led.scheduling.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import no.ks.led.scheduling.repository.ParticipantRepository.Member;
import org.junit.jupiter.api.Test;

/** Who a selection of participants takes in. */
class ParticipantsTest {

    private static final UUID NORD = UUID.randomUUID();
    private static final UUID SOR = UUID.randomUUID();
    private static final UUID RIGMOR = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID LEIF = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID KARI = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final List<Member> MEMBERS = List.of(new Member(RIGMOR, "principal", NORD),
            new Member(LEIF, "school-leader", NORD), new Member(KARI, "principal", SOR), new Member(KARI, "coordinator", null));

    @Test
    void nothingChosenIsEveryone() {
        assertEquals(3, Participants.who(Set.of(), Set.of(), Set.of(), MEMBERS).size());
    }

    @Test
    void schoolsAndRolesTogetherAreTheHoldersOfTheRolesAtTheSchoolsAndNamesAreAdded() {
        assertEquals(List.of(new Participants.Participant(RIGMOR, List.of("school", "role")),
                new Participants.Participant(KARI, List.of("name"))),
                Participants.who(Set.of(NORD), Set.of("principal"), Set.of(KARI), MEMBERS));
        assertEquals(List.of(RIGMOR, LEIF), Participants.who(Set.of(NORD), Set.of(), Set.of(), MEMBERS).stream()
                .map(Participants.Participant::personId).toList());
        assertEquals(List.of(RIGMOR, KARI), Participants.who(Set.of(), Set.of("principal"), Set.of(), MEMBERS).stream()
                .map(Participants.Participant::personId).toList());
    }
}
