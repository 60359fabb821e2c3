package no.ks.led.web.api;

/**
 * The API refused a request: its HTTP status and the problem's stable {@code type} slug (the part after
 * {@code urn:no:ks:led:problem:}), which the pages translate; never shown as the API's English text.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:no:ks:led:problem:";

    private final int status;
    private final String type;

    public ApiProblem(int status, String type) {
        super("The API answered " + status + " " + type);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem's slug, e.g. {@code survey-round-closed}; {@code unknown} if the answer named none. */
    public String type() {
        return type;
    }
}
