package no.ks.led.web.roster;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/**
 * What the API answered to a roster file: the report of a dry run or an import (counts, errors and warnings per row
 * and column), or its problem (a file that cannot be read, too large, or with errors) with the same findings.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterReport(int status, String type, String detail, Long rows, Long valid, List<Finding> errors,
        List<Finding> warnings, Long schoolsToCreate, Long peopleToCreate, Long membershipsToGrant) {

    public RosterReport {
        errors = errors == null ? List.of() : errors;
        warnings = warnings == null ? List.of() : warnings;
    }

    /** A finding about a row (the spreadsheet's number; the header is row 1) or a column as the file names it. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(Integer row, String column, String message) {
    }

    /** Whether the API accepted the file (a dry run's 200, an import's 201) and it has no errors. */
    public boolean accepted() {
        return (status == 200 || status == 201) && errors.isEmpty();
    }

    /** The problem's slug ({@code roster-invalid}, …) when the API refused the file. */
    public String problem() {
        return type == null ? "unknown" : type.replace("urn:no:ks:led:problem:", "");
    }

    /** A report with the same figures as the API's answer but another status (the API's JSON carries none). */
    RosterReport withStatus(int answered) {
        return new RosterReport(answered, type, detail, rows, valid, errors, warnings, schoolsToCreate, peopleToCreate,
                membershipsToGrant);
    }
}
