package no.ks.led.surveys;

/** One answer to one item: a value 1 to 5, "don't know", or a free text. */
public record Answer(String item, Integer value, boolean dontKnow, String text) {
}
