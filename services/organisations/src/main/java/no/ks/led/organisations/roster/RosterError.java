package no.ks.led.organisations.roster;

/**
 * One finding about a roster file: the spreadsheet row it is on (the header is row 1, so the
 * numbers match what a spreadsheet shows), the column as the file names it, and what is wrong.
 */
public record RosterError(int row, String column, String message) {
}
