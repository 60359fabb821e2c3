package no.ks.led.programmes.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.plan.StarterItemDone;
import no.ks.led.programmes.plan.StarterPlan;

/**
 * The starter pack for new leaders: a personal follow-up plan for each principal or school leader who joins a
 * school of a running programme (not one of the leaders a tenant's first roster import grants at once),
 * assigned to the owner's coordinator, who marks its items done.
 */
@ApplicationScoped
public class StarterPacks {

    static final Set<String> LEADER_ROLES = Set.of(TenantRole.PRINCIPAL.roleName(), TenantRole.SCHOOL_LEADER.roleName());

    /** A leader who joined a school: their membership, when the grant was made, and whether the first import made it. */
    public record Joined(String tenantId, UUID membershipId, UUID personId, String role, UUID schoolId, Instant at,
            boolean initialImport) {
    }

    /** A starter plan as its readers see it: the new leader, the school, and each item with whether it is done. */
    public record View(UUID id, UUID programmeId, UUID personId, UUID schoolId, String role, String assignedRole,
            Instant createdAt, List<Item> items) {
    }

    /** An item of a starter plan; {@code doneBy} and {@code doneAt} are null until done. */
    public record Item(String code, String title, String description, boolean done, String doneBy, Instant doneAt) {
    }

    /**
     * Makes a plan in each of the tenant's programmes that ran before the leader joined, once per programme and
     * membership; a grant of the first roster import, or of another role, makes none.
     *
     * @return how many plans were made
     */
    public int joined(Joined joined) {
        if (joined.initialImport() || !LEADER_ROLES.contains(joined.role()) || joined.schoolId() == null) {
            return 0;
        }
        int made = 0;
        for (Programme programme : Programme.findInTenant(joined.tenantId()).list()) {
            if (!programme.createdAt.isBefore(joined.at())
                    || StarterPlan.count("programmeId = ?1 and membershipId = ?2", programme.id, joined.membershipId()) > 0) {
                continue;
            }
            StarterPlan plan = new StarterPlan();
            plan.id = UUID.randomUUID();
            plan.tenantId = joined.tenantId();
            plan.programmeId = programme.id;
            plan.membershipId = joined.membershipId();
            plan.personId = joined.personId();
            plan.schoolId = joined.schoolId();
            plan.role = joined.role();
            plan.assignedRole = StarterPlan.ASSIGNED_ROLE;
            plan.items = new StarterPlan.Items(programme.framework.starterPack());
            plan.createdAt = joined.at();
            plan.persist();
            made++;
        }
        return made;
    }

    /**
     * The programme's starter plans the reader may see: the owner's executive and coordinator see all of them,
     * anyone else only their own.
     */
    @Transactional
    public List<View> of(String tenantId, UUID programmeId, Grant grant) {
        Programme.findInTenant(tenantId, programmeId).orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        boolean owner = grant.hasAny(List.of(TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR));
        List<StarterPlan> plans = StarterPlan.of(tenantId, programmeId).stream()
                .filter(p -> owner || p.personId.equals(grant.personId()))
                .toList();
        Map<UUID, Map<String, StarterItemDone>> done = new HashMap<>();
        for (StarterItemDone d : StarterItemDone.of(plans.stream().map(p -> p.id).toList())) {
            done.computeIfAbsent(d.planId, id -> new HashMap<>()).put(d.itemCode, d);
        }
        return plans.stream().sorted(Comparator.comparing((StarterPlan p) -> p.createdAt).thenComparing(p -> p.id))
                .map(p -> view(p, done.getOrDefault(p.id, Map.of()))).toList();
    }

    /** Marks an item of a starter plan done by {@code by}; done already, it keeps who did it first and when. */
    @Transactional
    public Item completeItem(String tenantId, UUID programmeId, UUID planId, String itemCode, String by) {
        StarterPlan plan = StarterPlan.<StarterPlan>findByIdOptional(planId)
                .filter(p -> p.tenantId.equals(tenantId) && p.programmeId.equals(programmeId))
                .orElseThrow(() -> ProblemException.notFound("Starter plan " + planId));
        Framework.Step step = plan.items.steps().stream().filter(s -> s.code().equals(itemCode)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Item " + itemCode));
        StarterItemDone done = StarterItemDone.<StarterItemDone>find("planId = ?1 and itemCode = ?2", planId, itemCode)
                .firstResultOptional().orElseGet(() -> {
                    StarterItemDone created = new StarterItemDone();
                    created.id = UUID.randomUUID();
                    created.tenantId = tenantId;
                    created.planId = planId;
                    created.itemCode = itemCode;
                    created.doneBy = by;
                    created.doneAt = Instant.now();
                    created.persist();
                    return created;
                });
        return item(step, done);
    }

    private static View view(StarterPlan plan, Map<String, StarterItemDone> done) {
        return new View(plan.id, plan.programmeId, plan.personId, plan.schoolId, plan.role, plan.assignedRole,
                plan.createdAt, plan.items.steps().stream().map(s -> item(s, done.get(s.code()))).toList());
    }

    private static Item item(Framework.Step step, StarterItemDone done) {
        return new Item(step.code(), step.title(), step.description(), done != null,
                done == null ? null : done.doneBy, done == null ? null : done.doneAt);
    }
}
