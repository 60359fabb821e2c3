package no.ks.led.surveys.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.ks.led.surveys.Answer;

/** A respondent's draft: every answer they have given so far (it replaces the previous draft). */
public record AnswersRequest(
        @NotNull(message = "is required") @Size(max = 200, message = "must be at most 200 answers")
        List<@NotNull(message = "must be an answer") @Valid AnswerInput> answers) {

    /** One answer: {@code value} 1 to 5 or {@code dontKnow: true} for a scale item, {@code text} for a free-text item. */
    public record AnswerInput(
            @NotBlank(message = "must name an item") @Size(max = 60, message = "is not an item of this round") String item,
            @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5") Integer value,
            Boolean dontKnow,
            @Size(max = 2000, message = "must be at most 2000 characters") String text) {

        Answer toAnswer() {
            return new Answer(item, value, Boolean.TRUE.equals(dontKnow), text);
        }
    }

    List<Answer> toAnswers() {
        return answers.stream().map(AnswerInput::toAnswer).toList();
    }
}
