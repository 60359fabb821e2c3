package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.plan.PlanChange;
import no.ks.led.programmes.plan.Proposal;

/**
 * Consultants' proposed changes to a local plan. A consultant proposes within their engagement's schools and
 * sees their own proposals; the owner (executive or coordinator) sees all of them and accepts or rejects each.
 * An accepted proposal becomes the owner's change: the consultant builds the owner's capacity, never takes over.
 */
@ApplicationScoped
public class Proposals {

    @Inject
    PlanWriting writing;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** Records a consultant's proposal; a school outside their engagement answers as a missing one. */
    @Transactional
    public Proposal propose(String tenantId, UUID programmeId, PlanChange change, String note, Grant grant,
            IdempotencyKey key) {
        Programme.findInTenant(tenantId, programmeId).orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        UUID school = change.schoolId();
        if (school != null && !grant.coversSchool(school, List.of(TenantRole.CONSULTANT))) {
            throw ProblemException.notFound("School " + school);
        }
        String by = grant.personId().toString();
        if (key == null) {
            return newProposal(tenantId, programmeId, change, note, by);
        }
        return idempotencyKeys.once(key, new IdempotencyKeys.Scope("plan-proposal", tenantId, by),
                java.util.Map.of("programmeId", programmeId, "change", change, "note", note == null ? "" : note),
                () -> newProposal(tenantId, programmeId, change, note, by), p -> p.id,
                id -> Proposal.<Proposal>findById(id)).result();
    }

    /** The proposals {@code grant} may see: all for the owner, one's own for a consultant. */
    @Transactional
    public List<Proposal> visible(String tenantId, UUID programmeId, Grant grant) {
        Programme.findInTenant(tenantId, programmeId).orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        boolean owner = grant.hasAny(List.of(TenantRole.OWNER_EXECUTIVE, TenantRole.COORDINATOR));
        String me = grant.personId().toString();
        return Proposal.of(programmeId).stream().filter(p -> owner || p.proposedBy.equals(me)).toList();
    }

    /** Accepts (making the change, as the owner's) or rejects a proposal, once. */
    @Transactional
    public Proposal decide(String tenantId, UUID programmeId, UUID proposalId, boolean accept, String reason, String by) {
        ProgrammePlanning.forUpdate(tenantId, programmeId);
        Proposal proposal = Proposal.<Proposal>findByIdOptional(proposalId)
                .filter(p -> p.tenantId.equals(tenantId) && p.programmeId.equals(programmeId))
                .orElseThrow(() -> ProblemException.notFound("Proposal " + proposalId));
        if (!Proposal.PROPOSED.equals(proposal.status)) {
            throw new ProblemException(ProblemType.PROPOSAL_ALREADY_DECIDED, "The proposal was " + proposal.status + " already");
        }
        if (accept) {
            writing.apply(tenantId, programmeId, proposal.change, by);
        }
        proposal.status = accept ? Proposal.ACCEPTED : Proposal.REJECTED;
        proposal.decidedBy = by;
        proposal.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        proposal.reason = reason == null || reason.isBlank() ? null : reason.strip();
        return proposal;
    }

    private Proposal newProposal(String tenantId, UUID programmeId, PlanChange change, String note, String by) {
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.tenantId = tenantId;
        proposal.programmeId = programmeId;
        proposal.proposedBy = by;
        proposal.schoolId = change.schoolId();
        proposal.change = change;
        proposal.note = note == null || note.isBlank() ? null : note.strip();
        proposal.status = Proposal.PROPOSED;
        proposal.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        proposal.persist();
        return proposal;
    }
}
