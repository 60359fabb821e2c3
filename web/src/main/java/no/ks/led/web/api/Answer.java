package no.ks.led.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;

/** One answer: a value 1 to 5, "don't know", or a free text. */
@TemplateData
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(String item, Integer value, Boolean dontKnow, String text) {

    /** The value a radio button of the scale carries: {@code 1} to {@code 5} or {@code dont-know}. */
    public String choice() {
        return Boolean.TRUE.equals(dontKnow) ? "dont-know" : value == null ? "" : value.toString();
    }
}
