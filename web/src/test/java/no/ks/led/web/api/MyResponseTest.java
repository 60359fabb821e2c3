package no.ks.led.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What "my tasks" says of a respondent's answers, given what the API keeps after a submission. */
class MyResponseTest {

    private static final Answer FOUR = new Answer("learning-1", 4, false, null);
    private static final Answer TWO = new Answer("learning-1", 2, false, null);

    @Test
    void nothingSavedIsNotStarted() {
        assertEquals("not-started", new MyResponse(null, "individual", List.of(), List.of(), null).status());
    }

    @Test
    void aSavedDraftIsADraft() {
        assertEquals("draft", new MyResponse(null, "individual", List.of(FOUR), List.of(), null).status());
    }

    @Test
    void aSubmissionLeavesTheDraftEqualToWhatWasSubmitted() {
        assertEquals("submitted", new MyResponse(null, "individual", List.of(FOUR), List.of(FOUR), Instant.now()).status());
    }

    @Test
    void aChangeAfterSubmittingIsADraftAgain() {
        assertEquals("draft", new MyResponse(null, "individual", List.of(TWO), List.of(FOUR), Instant.now()).status());
    }
}
