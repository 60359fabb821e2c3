package no.ks.led.web.api;

import java.util.List;

/**
 * The API refused a request: its HTTP status and the problem's stable {@code type} slug (the part after
 * {@code urn:no:ks:led:problem:}), which the pages translate; never shown as the API's English text.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:no:ks:led:problem:";

    private final int status;
    private final String type;
    private final List<String> fields;

    public ApiProblem(int status, String type) {
        this(status, type, List.of());
    }

    /** A refusal naming the request's invalid fields (a validation problem's violations). */
    public ApiProblem(int status, String type, List<String> fields) {
        super("The API answered " + status + " " + type);
        this.status = status;
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    /** The problem's slug, e.g. {@code survey-round-closed}; {@code unknown} if the answer named none. */
    public String type() {
        return type;
    }

    /** The fields a validation problem names ({@code caseNumber}, {@code days.speakers.feeOre}); empty for others. */
    public List<String> fields() {
        return fields;
    }
}
