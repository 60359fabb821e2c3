package no.ks.led.surveys.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.Problem;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.repository.InstrumentRepository;

/**
 * KS writes a new version of the instrument without a release: a draft (empty, or the newest published version
 * copied with every item continuing itself), edited as a whole, previewed and published; from then on it is frozen.
 * One draft at a time, numbered after the newest version, so the version it continues is always the one before.
 */
@ApplicationScoped
public class InstrumentDrafting {

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final List<String> SCALE_VALUES = List.of("1", "2", "3", "4", "5", "dont-know");
    static final int MAX_NAME = 200;
    static final int MAX_LABEL = 100;
    static final int MAX_TEXT = 500;
    static final int MAX_SECTIONS = 20;
    static final int MAX_ITEMS = 200;

    @Inject
    InstrumentRepository repository;

    @Inject
    InstrumentCatalogue catalogue;

    /**
     * Starts a draft named {@code name}; with {@code successorOf} (which must be the newest published version) it
     * starts as a copy of that version whose items continue their namesakes, the team's voice still to be written
     * where the version had none.
     */
    @Transactional
    public Instrument start(String name, Integer successorOf) {
        List<Problem.Violation> violations = new ArrayList<>();
        text(violations, "name", name, MAX_NAME);
        Optional<Instrument> predecessor = Optional.empty();
        if (successorOf != null) {
            predecessor = catalogue.latest().filter(latest -> latest.version() == successorOf);
            if (predecessor.isEmpty()) {
                violations.add(new Problem.Violation("successorOf", "must be the newest published version"));
            }
        }
        refuseIfAny(violations);
        int version = repository.startDraft(name.strip()).orElseThrow(() -> new ProblemException(
                ProblemType.INSTRUMENT_DRAFT_EXISTS, "Version " + repository.draftVersions().get(0)
                        + " is being written; publish or delete it first"));
        predecessor.ifPresent(p -> repository.replaceDraft(new Instrument(version, name.strip(), null, p.scale(),
                p.sections().stream().map(s -> new Instrument.Section(s.code(), s.title(), s.items().stream()
                        .map(i -> new Instrument.Item(i.code(), i.kind(), i.text(), i.code(), i.team())).toList()))
                        .toList())));
        return catalogue.any(version).orElseThrow();
    }

    /** Replaces a draft's name, scale, sections and items with {@code content} (its version is the draft's). */
    @Transactional
    public Instrument edit(int version, Instrument content) {
        requireDraft(version);
        Instrument draft = new Instrument(version, content.name() == null ? null : content.name().strip(), null,
                content.scale(), content.sections());
        refuseIfAny(violations(draft, catalogue.published(version - 1)));
        repository.replaceDraft(draft);
        return catalogue.any(version).orElseThrow();
    }

    /** Publishes a complete draft: from now on rounds may use it and nothing of it changes. */
    @Transactional
    public Instrument publish(int version) {
        requireDraft(version);
        Instrument draft = catalogue.any(version).orElseThrow();
        refuseIfAny(violations(draft, catalogue.published(version - 1)));
        repository.publish(version);
        return catalogue.published(version).orElseThrow();
    }

    /** Deletes a draft (a published version stays). */
    @Transactional
    public void delete(int version) {
        requireDraft(version);
        repository.deleteDraft(version);
    }

    private void requireDraft(int version) {
        if (repository.lockDraft(version).isEmpty()) {
            if (repository.head(version).isPresent()) {
                throw new ProblemException(ProblemType.INSTRUMENT_VERSION_PUBLISHED,
                        "Version " + version + " is published and cannot change; start a new version");
            }
            throw ProblemException.notFound("Instrument version " + version);
        }
    }

    /**
     * What is wrong with a draft, each violation naming its field as the request does
     * ({@code sections[0].items[2].team.da}); {@code previous} is the version its items may continue.
     */
    static List<Problem.Violation> violations(Instrument draft, Optional<Instrument> previous) {
        List<Problem.Violation> violations = new ArrayList<>();
        text(violations, "name", draft.name(), MAX_NAME);
        scale(violations, draft.scale());
        if (draft.sections() == null || draft.sections().isEmpty()) {
            violations.add(new Problem.Violation("sections", "must have at least one section"));
            return violations;
        }
        if (draft.sections().size() > MAX_SECTIONS) {
            violations.add(new Problem.Violation("sections", "must have at most " + MAX_SECTIONS + " sections"));
            return violations;
        }
        Map<String, String> predecessorKinds = new HashMap<>();
        previous.ifPresent(p -> p.items().forEach(i -> predecessorKinds.put(i.code(), i.kind())));
        Set<String> sectionCodes = new HashSet<>();
        Set<String> itemCodes = new HashSet<>();
        Set<String> continued = new HashSet<>();
        int itemCount = 0;
        for (int s = 0; s < draft.sections().size(); s++) {
            String at = "sections[" + s + "]";
            Instrument.Section section = draft.sections().get(s);
            if (section == null) {
                violations.add(new Problem.Violation(at, "must be a section"));
                continue;
            }
            code(violations, at + ".code", section.code(), sectionCodes);
            texts(violations, at + ".title", section.title(), MAX_NAME);
            if (section.items() == null || section.items().isEmpty()) {
                violations.add(new Problem.Violation(at + ".items", "must have at least one item"));
                continue;
            }
            for (int i = 0; i < section.items().size(); i++) {
                itemCount++;
                item(violations, at + ".items[" + i + "]", section.items().get(i), itemCodes, predecessorKinds, continued);
            }
        }
        if (itemCount > MAX_ITEMS) {
            violations.add(new Problem.Violation("sections", "must have at most " + MAX_ITEMS + " items in all"));
        }
        return violations;
    }

    private static void item(List<Problem.Violation> violations, String at, Instrument.Item item, Set<String> codes,
            Map<String, String> predecessorKinds, Set<String> continued) {
        if (item == null) {
            violations.add(new Problem.Violation(at, "must be an item"));
            return;
        }
        code(violations, at + ".code", item.code(), codes);
        if (!Instrument.SCALE.equals(item.kind()) && !Instrument.TEXT.equals(item.kind())) {
            violations.add(new Problem.Violation(at + ".kind", "must be scale or text"));
        }
        texts(violations, at + ".text", item.text(), MAX_TEXT);
        texts(violations, at + ".team", item.team(), MAX_TEXT);
        if (item.continues() != null) {
            String kind = predecessorKinds.get(item.continues());
            if (kind == null) {
                violations.add(new Problem.Violation(at + ".continues", "must be an item of the previous version"));
            } else if (!kind.equals(item.kind())) {
                violations.add(new Problem.Violation(at + ".continues", "must be an item of the same kind"));
            } else if (!continued.add(item.continues())) {
                violations.add(new Problem.Violation(at + ".continues", "is continued by another item already"));
            }
        }
    }

    private static void scale(List<Problem.Violation> violations, List<Instrument.ScaleLabel> scale) {
        if (scale == null || scale.size() != SCALE_VALUES.size() || scale.stream().anyMatch(l -> l == null)
                || !scale.stream().map(Instrument.ScaleLabel::value).toList().containsAll(SCALE_VALUES)) {
            violations.add(new Problem.Violation("scale", "must label 1, 2, 3, 4, 5 and dont-know once each"));
            return;
        }
        for (int i = 0; i < scale.size(); i++) {
            texts(violations, "scale[" + i + "].label", scale.get(i).label(), MAX_LABEL);
        }
    }

    private static void code(List<Problem.Violation> violations, String field, String code, Set<String> seen) {
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(new Problem.Violation(field, "must be 1 to 40 lower-case letters, digits or hyphens, starting with a letter"));
        } else if (!seen.add(code)) {
            violations.add(new Problem.Violation(field, "is a duplicate key"));
        }
    }

    private static void texts(List<Problem.Violation> violations, String field, Instrument.Texts texts, int max) {
        if (texts == null) {
            violations.add(new Problem.Violation(field, "must have a text in nb, nn, en and da"));
            return;
        }
        for (String language : Instrument.LANGUAGES) {
            text(violations, field + "." + language, texts.in(language), max);
        }
    }

    private static void text(List<Problem.Violation> violations, String field, String text, int max) {
        if (text == null || text.isBlank()) {
            violations.add(new Problem.Violation(field, "must not be blank"));
        } else if (text.length() > max) {
            violations.add(new Problem.Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void refuseIfAny(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "See the violations for each field", violations);
        }
    }
}
