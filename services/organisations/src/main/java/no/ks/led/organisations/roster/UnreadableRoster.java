package no.ks.led.organisations.roster;

import java.util.List;

/**
 * The file as a whole cannot be read as a roster (wrong encoding, empty, missing columns, too
 * large): nothing row by row can be said about it, so it is refused in a dry run as in an import.
 */
public class UnreadableRoster extends RuntimeException {

    private final boolean tooLarge;
    private final List<RosterError> errors;

    UnreadableRoster(String message, List<RosterError> errors) {
        this(message, false, errors);
    }

    UnreadableRoster(String message, boolean tooLarge, List<RosterError> errors) {
        super(message, null, false, false);
        this.tooLarge = tooLarge;
        this.errors = List.copyOf(errors);
    }

    static UnreadableRoster tooLarge(String message) {
        return new UnreadableRoster(message, true, List.of());
    }

    /** Whether the file is refused for its size (413) rather than its content (400). */
    public boolean tooLarge() {
        return tooLarge;
    }

    public List<RosterError> errors() {
        return errors;
    }
}
