package no.ks.led.scheduling.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import no.ks.led.foundation.problem.ProblemException;

/** Query parameters that are dates (YYYY-MM-DD): a wrong one is a 400 naming the parameter. */
final class Dates {

    private Dates() {
    }

    static LocalDate parse(String field, String value, LocalDate absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD");
        }
        if (date.getYear() < 1900 || date.getYear() > 2500) {
            throw ProblemException.invalidField(field, "must be in the years 1900 to 2500");
        }
        return date;
    }
}
