package no.ks.led.surveys.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link ResultTable} as CSV for Norwegian Excel: UTF-8 with a byte order mark, {@code ;} between
 * fields, decimal comma, CRLF line ends. A text that a spreadsheet would read as a formula (it starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is prefixed with an apostrophe.
 */
public final class ResultCsv {

    /** The media type of the export. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final String BOM = "\uFEFF";
    private static final char SEPARATOR = ';';

    private ResultCsv() {
    }

    public static byte[] write(ResultTable table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, table.header().stream().map(ResultCsv::text).toList());
        for (List<ResultTable.Cell> row : table.rows()) {
            line(out, row.stream().map(ResultCsv::field).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(fields.stream().collect(Collectors.joining(String.valueOf(SEPARATOR)))).append("\r\n");
    }

    private static String field(ResultTable.Cell cell) {
        if (cell instanceof ResultTable.Cell.Number n) {
            return number(n.value());
        }
        if (cell instanceof ResultTable.Cell.Hidden h) {
            return text(h.marker());
        }
        return text(((ResultTable.Cell.Text) cell).value());
    }

    private static String number(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** A text field: neutralised if a spreadsheet would take it for a formula, quoted where needed. */
    static String text(String value) {
        String safe = neutralised(value);
        if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** Prefixes a text a spreadsheet would evaluate as a formula with an apostrophe. */
    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
