package no.ks.led.web.funding;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import no.ks.led.web.api.NewFundingApplication;
import no.ks.led.web.page.FormAnswer;

/**
 * One row of the application form's study fees: what the person typed (the participant, a day of the semester, the
 * fee in kroner) and, per field, the key of the text that says what is wrong with it, shown next to the field.
 */
@TemplateData
public record StudyFeeRow(int index, String person, String date, String amount, String personError, String dateError,
        String amountError) {

    /** How many rows the form offers. */
    static final int ROWS = 3;

    /** The most characters of a participant's name or role, as the API. */
    static final int PERSON_MAX = 200;

    /** The form's empty rows. */
    static List<StudyFeeRow> empty() {
        List<StudyFeeRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new StudyFeeRow(i, "", "", "", null, null, null));
        }
        return rows;
    }

    /** The rows as typed, each checked: a row left blank is no study fee; one partly filled needs a date and an amount. */
    static List<StudyFeeRow> read(MultivaluedMap<String, String> form) {
        List<StudyFeeRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String person = FormAnswer.value(form, "studyFeePerson-" + i);
            String date = FormAnswer.value(form, "studyFeeDate-" + i);
            String amount = FormAnswer.value(form, "studyFeeAmount-" + i);
            if (person.isEmpty() && date.isEmpty() && amount.isEmpty()) {
                rows.add(new StudyFeeRow(i, "", "", "", null, null, null));
                continue;
            }
            String personError = person.length() > PERSON_MAX ? "application.study-fee.person-too-long" : null;
            String dateError = null;
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException notADate) {
                dateError = "application.study-fee.date-invalid";
            }
            String amountError = null;
            try {
                if (Kroner.parse(amount) == null) {
                    amountError = "application.study-fee.amount-invalid";
                }
            } catch (IllegalArgumentException notAnAmount) {
                amountError = "application.study-fee.amount-invalid";
            }
            rows.add(new StudyFeeRow(i, person, date, amount, personError, dateError, amountError));
        }
        return rows;
    }

    /** Whether any row has a field the person must correct. */
    static boolean anyInvalid(List<StudyFeeRow> rows) {
        return rows.stream().anyMatch(StudyFeeRow::invalid);
    }

    /** The study fees of the filled rows, as the API takes them (only for rows without errors). */
    static List<NewFundingApplication.StudyFee> fees(List<StudyFeeRow> rows) {
        return rows.stream().filter(r -> !r.blank() && !r.invalid())
                .map(r -> new NewFundingApplication.StudyFee(r.person().isEmpty() ? null : r.person(), LocalDate.parse(r.date()),
                        Kroner.parse(r.amount())))
                .toList();
    }

    public boolean invalid() {
        return personError != null || dateError != null || amountError != null;
    }

    boolean blank() {
        return person.isEmpty() && date.isEmpty() && amount.isEmpty();
    }

    /** The row's number as people count (1, 2, 3). */
    public int number() {
        return index + 1;
    }
}
