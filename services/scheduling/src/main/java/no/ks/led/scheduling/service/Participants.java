package no.ks.led.scheduling.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.repository.ActivityRepository;
import no.ks.led.scheduling.repository.ParticipantRepository;
import no.ks.led.scheduling.repository.ParticipantRepository.Member;

/**
 * Who takes part in an activity: its schools, the roles whose holders take part (at those schools, if any), people
 * named, and the programme track as a label. Resolved against the tenant's current members, so a person who leaves
 * the tenant drops out and a new principal of a named school is in.
 */
@ApplicationScoped
public class Participants {

    /** The roles a selection may name: those held through a membership of the tenant. */
    public static final List<String> ROLES = List.of("owner-executive", "coordinator", "principal", "school-leader");

    /** The coordinator's choice of participants. */
    public record Selection(List<UUID> schoolIds, List<String> roles, List<UUID> personIds, String track) {
    }

    /** A person who takes part, and why: {@code everyone}, {@code school}, {@code role}, {@code name}. */
    public record Participant(UUID personId, List<String> reasons) {
    }

    @Inject
    ParticipantRepository members;

    @Inject
    ActivityRepository activities;

    /** Replaces the activity's selection; a role, school or person that is not the tenant's is a 400 naming the field. */
    @Transactional
    public Activity select(String tenantId, UUID activityId, Selection selection) {
        Activity activity = ActivityPlanning.forUpdate(tenantId, activityId);
        List<String> roles = selection.roles() == null ? List.of() : selection.roles().stream().distinct().toList();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw ProblemException.invalidField("roles", "must be one of " + String.join(", ", ROLES));
            }
        }
        List<UUID> schools = selection.schoolIds() == null ? List.of() : selection.schoolIds().stream().distinct().toList();
        for (UUID school : schools) {
            if (!activities.isSchoolOf(tenantId, school)) {
                throw ProblemException.invalidField("schoolIds", "names a school that is not one of the tenant's");
            }
        }
        List<UUID> people = selection.personIds() == null ? List.of() : selection.personIds().stream().distinct().toList();
        Set<UUID> current = new java.util.HashSet<>(members.currentMembers(tenantId).stream().map(Member::personId).toList());
        for (UUID person : people) {
            if (!current.contains(person)) {
                throw ProblemException.invalidField("personIds", "names a person who is not a member of the tenant");
            }
        }
        activity.schoolIds = schools.toArray(UUID[]::new);
        activity.participantRoles = roles.toArray(String[]::new);
        activity.participantPersonIds = people.toArray(UUID[]::new);
        activity.track = selection.track() == null || selection.track().isBlank() ? null : selection.track().strip();
        return activity;
    }

    /** The people who take part in the activity now. */
    @Transactional
    public List<Participant> of(Activity activity) {
        return who(Set.of(activity.schoolIds), Set.of(activity.participantRoles), Set.of(activity.participantPersonIds),
                members.currentMembers(activity.tenantId));
    }

    /**
     * The members a selection takes in: with neither schools, roles nor names, everyone; with schools and roles,
     * the holders of those roles at those schools; with one of them, its members; and everyone named who is a member.
     */
    static List<Participant> who(Set<UUID> schools, Set<String> roles, Set<UUID> named, List<Member> members) {
        Map<UUID, Set<String>> reasons = new TreeMap<>();
        boolean everyone = schools.isEmpty() && roles.isEmpty() && named.isEmpty();
        for (Member member : members) {
            boolean atSchool = member.schoolId() != null && schools.contains(member.schoolId());
            boolean inRole = roles.contains(member.role());
            List<String> why = new ArrayList<>();
            if (everyone) {
                why.add("everyone");
            } else if (!schools.isEmpty() && !roles.isEmpty()) {
                if (atSchool && inRole) {
                    why.addAll(List.of("school", "role"));
                }
            } else if (atSchool) {
                why.add("school");
            } else if (inRole) {
                why.add("role");
            }
            if (named.contains(member.personId())) {
                why.add("name");
            }
            if (!why.isEmpty()) {
                reasons.computeIfAbsent(member.personId(), p -> new LinkedHashSet<>()).addAll(why);
            }
        }
        return reasons.entrySet().stream().map(e -> new Participant(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
