package no.ks.led.organisations.roster;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets in Norway export it: UTF-8 with or without a byte order mark, {@code ;}
 * or {@code ,} between fields (whichever the header line uses), fields in double quotes that may
 * hold separators, doubled quotes and line breaks, and CRLF, LF or CR line ends.
 */
final class RosterCsv {

    /** One record of the file and the spreadsheet row it starts on (the header is row 1). */
    record Line(int row, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private RosterCsv() {
    }

    /** The text of the file, refused with a clear message when it is not UTF-8. */
    static String decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
            throw new UnreadableRoster("The file is UTF-16 (Unicode text), not UTF-8. " + SAVE_AS_UTF8,
                    List.of(new RosterError(1, null, "the file is UTF-16, not UTF-8")));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            int at = in.position();
            int line = lineAt(bytes, at);
            String message = ("The file is not UTF-8: byte 0x%02X on line %d is not valid UTF-8. It looks like it was saved as "
                    + "Windows-1252 (\"CSV (semikolondelt)\" or ANSI). %s").formatted(bytes[at] & 0xff, line, SAVE_AS_UTF8);
            throw new UnreadableRoster(message, List.of(new RosterError(line, null,
                    "not UTF-8 (byte 0x%02X); save the file as \"CSV UTF-8\"".formatted(bytes[at] & 0xff))));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    static final String SAVE_AS_UTF8 = "In Excel choose \"Lagre som\" (Save as) and the file type \"CSV UTF-8 (kommadelt)\"; "
            + "in Numbers or LibreOffice export as CSV with the encoding UTF-8.";

    /**
     * The records of the text, at most {@code maxLines} of them that are not blank (the header
     * included); refuses the file as soon as it has more, before reading the rest.
     */
    static List<Line> lines(String text, int maxLines, String tooManyMessage) {
        char separator = separator(text);
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordRow = 1;
        int nonBlank = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        int quoteRow = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        continue; // a CRLF inside a quoted field is kept as LF
                    }
                    field.append(c == '\r' ? '\n' : c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteRow = recordRow;
                field.setLength(0);
            } else if (c == separator) {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                Line line = new Line(recordRow, List.copyOf(fields));
                fields.clear();
                if (!line.blank()) {
                    if (++nonBlank > maxLines) {
                        throw new UnreadableRoster(tooManyMessage, List.of(new RosterError(recordRow, null, tooManyMessage)));
                    }
                    lines.add(line);
                }
                recordRow++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UnreadableRoster("A quoted field that starts on row " + quoteRow + " is never closed",
                    List.of(new RosterError(quoteRow, null, "a quoted field is never closed (a \" is missing)")));
        }
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
            fields.add(value(field, wasQuoted));
            Line line = new Line(recordRow, List.copyOf(fields));
            if (!line.blank()) {
                if (++nonBlank > maxLines) {
                    throw new UnreadableRoster(tooManyMessage, List.of(new RosterError(recordRow, null, tooManyMessage)));
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** {@code ;} or {@code ,}: whichever the header line has more of outside quotes ({@code ;} on a tie). */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    private static String value(StringBuilder field, boolean quoted) {
        return quoted ? field.toString() : field.toString().strip();
    }

    /** The line of a byte offset, counting line ends before it. */
    private static int lineAt(byte[] bytes, int offset) {
        int row = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                row++;
            }
        }
        return row;
    }
}
