package no.ks.led.web.api;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** The signed-in respondent's own answers to a round: the draft and what was submitted. */
@TemplateData
public record MyResponse(UUID schoolId, String mode, List<Answer> draft, List<Answer> submitted, Instant submittedAt) {

    public MyResponse {
        draft = draft == null ? List.of() : draft;
        submitted = submitted == null ? List.of() : submitted;
    }

    /** What the form shows: the draft if there is one, else what was submitted. */
    public List<Answer> current() {
        return draft.isEmpty() ? submitted : draft;
    }

    public Optional<Answer> answer(String item) {
        return current().stream().filter(a -> a.item().equals(item)).findFirst();
    }

    /** The chosen point of the scale for an item ({@code 1}-{@code 5}, {@code dont-know}), or empty. */
    public String choice(String item) {
        return answer(item).map(Answer::choice).orElse("");
    }

    /** The free text given for an item, or empty. */
    public String text(String item) {
        return answer(item).map(Answer::text).orElse("");
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public boolean hasDraft() {
        return !draft.isEmpty();
    }

    /**
     * Whether the draft holds answers not submitted yet. Submitting copies the draft, so after a submission
     * the two are equal until the respondent changes something.
     */
    public boolean hasUnsubmittedChanges() {
        return hasDraft() && !new HashSet<>(draft).equals(new HashSet<>(submitted));
    }

    /** {@code submitted}, {@code draft} (saved, with something not submitted) or {@code not-started}. */
    public String status() {
        return isSubmitted() && !hasUnsubmittedChanges() ? "submitted" : hasDraft() ? "draft" : "not-started";
    }
}
