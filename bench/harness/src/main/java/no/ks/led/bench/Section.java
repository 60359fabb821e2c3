package no.ks.led.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark part reports: a Markdown section with its details, and the rows it adds to the
 * summary table. Stored in the work directory so that parts run by separate invocations (make run's
 * timing needs no stack of ours to be running; the others need one) end up in one results file.
 */
record Section(String part, String markdown, List<Row> rows) {

    /** One summary row: a figure next to its goal and the reference measured in the same run. */
    record Row(String figure, String goal, String measured, String reference, String ratio, String verdict) {

        String tsv() {
            return String.join("\t", figure, goal, measured, reference, ratio, verdict);
        }

        static Row ofTsv(String line) {
            String[] f = line.split("\t", -1);
            return new Row(f[0], f[1], f[2], f[3], f[4], f[5]);
        }
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(part + ".md"), markdown, StandardCharsets.UTF_8);
        StringBuilder tsv = new StringBuilder();
        for (Row row : rows) {
            tsv.append(row.tsv()).append('\n');
        }
        Files.writeString(dir.resolve(part + ".summary.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    }

    static Section load(Path dir, String part) throws IOException {
        Path md = dir.resolve(part + ".md");
        if (!Files.exists(md)) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        Path tsv = dir.resolve(part + ".summary.tsv");
        if (Files.exists(tsv)) {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(Row.ofTsv(line));
                }
            }
        }
        return new Section(part, Files.readString(md, StandardCharsets.UTF_8), rows);
    }

    static Section failed(String part, String title, Throwable failure) {
        String md = "## " + title + "\n\n**Could not run:** `" + String.valueOf(failure).replace('`', '\'') + "`\n";
        return new Section(part, md, List.of(new Row(title, "", "could not run", "", "", "not measured")));
    }
}
