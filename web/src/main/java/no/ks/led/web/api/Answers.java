package no.ks.led.web.api;

import java.util.List;

/** A respondent's draft as the API takes it: every answer given so far. */
public record Answers(List<Answer> answers) {
}
