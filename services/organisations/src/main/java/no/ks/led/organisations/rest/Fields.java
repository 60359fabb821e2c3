package no.ks.led.organisations.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import no.ks.led.foundation.problem.ProblemException;

/**
 * Reads the ids and dates that request records carry as text, so a malformed one is a 400 that names
 * its field (their form is checked by {@code @Pattern} first; this catches impossible dates).
 */
final class Fields {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String UUID_MESSAGE = "must be a UUID";
    static final String DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String DATE_MESSAGE = "must be a date (YYYY-MM-DD)";
    static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String TENANT_ROLE_PATTERN = "owner-executive|coordinator|principal|school-leader";
    static final String TENANT_ROLE_MESSAGE = "must be owner-executive, coordinator, principal or school-leader";

    private Fields() {
    }

    static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, UUID_MESSAGE);
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, DATE_MESSAGE);
        }
    }

    /** A path parameter that must be a UUID; anything else names nothing, so it is not found. */
    static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what + " " + value);
        }
    }
}
