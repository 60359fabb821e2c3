package no.ks.led.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A programme's local plan as the reader may see it ({@code GET .../plan}). */
@TemplateData
public record LocalPlan(UUID programmeId, String name, String language, String templateId, Integer templateVersion,
        int cycle, List<ChecklistStep> checklist, List<PhaseView> phases, List<MeasureView> measures,
        List<ActivityView> activities) {

    public LocalPlan {
        checklist = checklist == null ? List.of() : checklist;
        phases = phases == null ? List.of() : phases;
        measures = measures == null ? List.of() : measures;
        activities = activities == null ? List.of() : activities;
    }

    /** The phase with this code, if the plan has it. */
    public Optional<PhaseView> phase(String code) {
        return phases.stream().filter(p -> p.phase().equals(code)).findFirst();
    }

    /** How many getting-started steps are done. */
    public long stepsDone() {
        return checklist.stream().filter(ChecklistStep::done).count();
    }

    /** The activities from the day on, first first, at most {@code max}. */
    public List<ActivityView> nextActivities(LocalDate from, int max) {
        return activities.stream().filter(a -> !(a.endsOn() == null ? a.startsOn() : a.endsOn()).isBefore(from))
                .sorted(java.util.Comparator.comparing(ActivityView::startsOn)).limit(max).toList();
    }

    /** A getting-started step; done by whom (a person id) and when. */
    @TemplateData
    public record ChecklistStep(String code, String title, String description, boolean done, String doneBy, Instant doneAt) {
    }

    /** One of the three questions in the current cycle, with its entries. */
    @TemplateData
    public record PhaseView(String phase, String question, String guidance, boolean completed, Instant completedAt,
            List<EntryView> entries) {

        public PhaseView {
            entries = entries == null ? List.of() : entries;
        }
    }

    /** A written entry: a note, focus area, future picture, goal, theme or module. */
    @TemplateData
    public record EntryView(UUID id, String kind, UUID schoolId, String text, Instant createdAt) {

        /** The message key of the kind's name. */
        public String kindKey() {
            return "plan.kind." + kind;
        }
    }

    /** A measure with the person responsible and a due date. */
    @TemplateData
    public record MeasureView(UUID id, String title, String responsible, LocalDate dueOn, UUID schoolId) {
    }

    /** A planned activity. */
    @TemplateData
    /** A planned activity; its scheduled time ({@code startsAt}, {@code endsAt}) once the scheduling service has one. */
    @TemplateData
    public record ActivityView(UUID id, String kind, String title, LocalDate startsOn, LocalDate endsOn, String place,
            UUID scheduledActivityId, Instant startsAt, Instant endsAt, boolean cancelled) {
    }
}
