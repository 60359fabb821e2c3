package no.ks.led.web.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** Where the person stands with an activity's evaluation: not-yet-open, open, answered, not-an-attendee, cancelled. */
@TemplateData
public record Evaluation(UUID activityId, String state) {

    public boolean open() {
        return "open".equals(state);
    }

    public String stateKey() {
        return "evaluation.state." + state;
    }

    /** The results: the count, and the ratings and free text only from {@code minimum} answers. */
    @TemplateData
    public record Results(int answers, int minimum, boolean shown, Rating usefulness, Rating relevance,
            List<String> comments) {

        public Results {
            comments = comments == null ? List.of() : comments;
        }
    }

    /** One rating's mean and how many answered each point from 1 to 5. */
    @TemplateData
    public record Rating(BigDecimal mean, List<Integer> counts) {
    }
}
