package no.ks.led.foundation.events;

/** An event no retry can apply: not a Led CloudEvent, or a payload that does not parse as its contract. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
