package no.ks.led.organisations.roster;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;
import no.ks.led.foundation.problem.Problem;

/**
 * RFC 9457 problem details for a refused roster, with the extension members {@code errors} and
 * {@code warnings} (each {@code {row, column, message}}) and, for a refused import, the row counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RosterProblem(String type, String title, int status, String detail, String instance,
        Integer rows, Integer valid, List<RosterError> errors, List<RosterError> warnings) {

    static final String UNREADABLE = "urn:no:ks:led:problem:roster-unreadable";
    static final String TOO_LARGE = "urn:no:ks:led:problem:roster-too-large";
    static final String INVALID = "urn:no:ks:led:problem:roster-invalid";

    /** The file as a whole cannot be read (400) or is too large (413). */
    static RosterProblem of(UnreadableRoster e, String instance) {
        return e.tooLarge()
                ? new RosterProblem(TOO_LARGE, "The roster file is too large", 413, e.getMessage(), instance, null, null,
                        e.errors(), null)
                : new RosterProblem(UNREADABLE, "The roster file cannot be read", 400, e.getMessage(), instance, null,
                        null, e.errors(), null);
    }

    /** Some rows have errors (422); nothing was imported. */
    static RosterProblem of(RosterRejected e, String instance) {
        RosterReport report = e.report();
        return new RosterProblem(INVALID, "The roster has errors; nothing was imported", 422, e.getMessage(), instance,
                report.rows(), report.valid(), report.errors(), report.warnings());
    }

    Response toResponse() {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(this).build();
    }
}
