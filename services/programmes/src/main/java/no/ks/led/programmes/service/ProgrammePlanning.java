package no.ks.led.programmes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.events.programmes.ProgrammeTailored;
import no.ks.led.foundation.idempotency.IdempotencyKey;
import no.ks.led.foundation.idempotency.IdempotencyKeys;
import no.ks.led.foundation.jdbc.Jdbc;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.programmes.Framework;
import no.ks.led.programmes.Programme;
import no.ks.led.programmes.ProgrammeTemplate;
import no.ks.led.programmes.TenantProfile;

/** Creating and changing programmes; every change records its event in the same transaction. */
@ApplicationScoped
public class ProgrammePlanning {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Jdbc jdbc;

    /** The outcome of a create: the programme, and whether this call created it or a retry found it. */
    public record Created(Programme programme, boolean isNew) {
    }

    /**
     * What a request to create a programme asks for; its canonical JSON is the Idempotency-Key's fingerprint
     * (without a template exactly as before templates existed, so keys recorded then still match).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Creation(String name, String templateId) {
    }

    /** What changed between the template version a programme follows and the template's newest one. */
    public record TemplateChanges(String templateId, Integer followedVersion, Integer latestVersion,
            Map<String, Framework.Difference> changes) {
    }

    /**
     * Creates a programme, from a template when {@code templateId} is given (its newest version, copied into
     * the programme); with an {@code idempotencyKey} (may be null) a retry of the caller's same request gets
     * the programme the first one created, and the key with another request is a 422.
     */
    @Transactional
    public Created create(String tenantId, String name, String templateId, String createdBy, IdempotencyKey idempotencyKey) {
        ProgrammeTemplate template = templateId == null ? null : ProgrammeTemplate.latest(templateId)
                .orElseThrow(() -> ProblemException.invalidField("templateId", "is not a programme template"));
        if (idempotencyKey == null) {
            return new Created(newProgramme(tenantId, name, template, createdBy), true);
        }
        var outcome = idempotencyKeys.once(idempotencyKey, new IdempotencyKeys.Scope("programme", tenantId, createdBy),
                new Creation(name.strip(), templateId), () -> newProgramme(tenantId, name, template, createdBy),
                programme -> programme.id, id -> Programme.findInTenant(tenantId, id).orElseThrow());
        return new Created(outcome.result(), outcome.isNew());
    }

    /**
     * Replaces the programme's name and framework with the owner's tailored ones; records
     * {@code ProgrammeTailored} naming the parts that changed (nothing, if nothing did).
     */
    @Transactional
    public Programme tailor(String tenantId, UUID programmeId, String name, Framework framework) {
        Programme programme = forUpdate(tenantId, programmeId);
        List<String> changed = new java.util.ArrayList<>(framework.changedParts(programme.framework));
        if (name != null && !name.strip().equals(programme.name)) {
            changed.add(0, "name");
            programme.name = name.strip();
        }
        // the three questions come from the template and stay as they are
        programme.framework = new Framework(framework.steps(), programme.framework.questions(), framework.themes(),
                framework.modules(), framework.sampleModules(), framework.tracks(), framework.leaderLevels(),
                framework.activityPattern(), framework.workingForms(), framework.starterPack());
        recordTailored(programme, changed);
        return programme;
    }

    /** What the template's newest version changes against the version the programme follows. */
    @Transactional
    public TemplateChanges templateChanges(String tenantId, UUID programmeId) {
        Programme programme = Programme.findInTenant(tenantId, programmeId)
                .orElseThrow(() -> ProblemException.notFound("Programme " + programmeId));
        if (programme.templateId == null) {
            return new TemplateChanges(null, null, null, Map.of());
        }
        ProgrammeTemplate latest = ProgrammeTemplate.latest(programme.templateId).orElseThrow();
        ProgrammeTemplate followed = ProgrammeTemplate.version(programme.templateId, programme.templateVersion).orElseThrow();
        return new TemplateChanges(programme.templateId, programme.templateVersion, latest.version,
                followed.framework.differencesTo(latest.framework));
    }

    /**
     * The owner's choice on a newer template version: takes the named parts of it into the programme (the
     * others stay as the owner has them) and follows that version from now on.
     */
    @Transactional
    public Programme takeTemplateVersion(String tenantId, UUID programmeId, int version, List<String> parts) {
        Programme programme = forUpdate(tenantId, programmeId);
        for (String part : parts) {
            if (!Framework.PARTS.contains(part)) {
                throw ProblemException.invalidField("parts", "names a part that is not one of " + Framework.PARTS);
            }
        }
        if (programme.templateId == null) {
            throw ProblemException.invalidField("version", "the programme was not made from a template");
        }
        ProgrammeTemplate template = ProgrammeTemplate.version(programme.templateId, version)
                .orElseThrow(() -> ProblemException.invalidField("version", "is not a version of the template"));
        if (version <= programme.templateVersion) {
            throw new ProblemException(ProblemType.TEMPLATE_VERSION_ALREADY_FOLLOWED,
                    "The programme follows version " + programme.templateVersion + " already");
        }
        Framework updated = programme.framework.withPartsFrom(template.framework, parts);
        List<String> changed = updated.changedParts(programme.framework);
        programme.framework = updated;
        programme.templateVersion = version;
        recordTailored(programme, changed);
        return programme;
    }

    /** The tenant's programme, locked for a change; 404 for another tenant's, as for a missing one. */
    static Programme forUpdate(String tenantId, UUID programmeId) {
        Programme programme = Programme.findById(programmeId, LockModeType.PESSIMISTIC_WRITE);
        if (programme == null || !programme.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("Programme " + programmeId);
        }
        return programme;
    }

    private void recordTailored(Programme programme, List<String> changed) {
        if (!changed.isEmpty()) {
            outbox.record(programme.tenantId, new ProgrammeTailored(programme.id, programme.tenantId, programme.templateId,
                    programme.templateVersion, List.copyOf(changed), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        }
    }

    private Programme newProgramme(String tenantId, String name, ProgrammeTemplate template, String createdBy) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.tenantId = tenantId;
        programme.name = name.strip();
        programme.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        programme.createdBy = createdBy;
        programme.templateId = template == null ? null : template.templateId;
        programme.templateVersion = template == null ? null : template.version;
        programme.framework = template == null ? Framework.empty() : template.framework;
        programme.language = TenantProfile.languageOf(jdbc, tenantId)
                .orElse(template == null ? TenantProfile.DEFAULT_LANGUAGE : template.language);
        programme.cycle = 1;
        programme.persist();
        outbox.record(tenantId, new ProgrammeCreated(programme.id, tenantId, programme.name, programme.createdAt));
        return programme;
    }
}
