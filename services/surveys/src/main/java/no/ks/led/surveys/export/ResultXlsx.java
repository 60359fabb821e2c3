package no.ks.led.surveys.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link ResultTable} as one tidy XLSX sheet with Apache POI. Every text (free text included) is a
 * string cell, never a formula, so a text starting with {@code =} stays text; figures are numeric cells;
 * a hidden figure is the marker as a string.
 */
public final class ResultXlsx {

    /** The media type of the export. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The name of the sheet. */
    public static final String SHEET = "Resultater";

    private ResultXlsx() {
    }

    public static byte[] write(ResultTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.header().get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<ResultTable.Cell> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    ResultTable.Cell value = values.get(c);
                    if (value instanceof ResultTable.Cell.Number n) {
                        cell.setCellValue(n.value().doubleValue());
                    } else if (value instanceof ResultTable.Cell.Hidden h) {
                        cell.setCellValue(h.marker());
                    } else {
                        cell.setCellValue(((ResultTable.Cell.Text) value).value());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
