package no.ks.led.surveys.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.Instrument;
import no.ks.led.surveys.Results;

/**
 * SVG charts of one group's results, written as text in the tenant's language (bokmål, or Danish for Denmark's
 * tenants): a radar of the section means and bars of the item means, both on the 1-5 scale. A suppressed figure is a gap with the label "skjult", never a zero. Free
 * text is never drawn. Every text is XML-escaped; the charts carry {@code role="img"}, a title and a
 * description that repeats the figures for screen readers.
 */
public final class ResultCharts {

    /** The media type of the charts. */
    public static final String MEDIA_TYPE = "image/svg+xml";

    /** The label of a suppressed figure in a chart: the same word in bokmål and Danish. */
    public static final String HIDDEN = "skjult";

    /** A chart's words in the tenant's language: bokmål for Norway's tenants, Danish for Denmark's. */
    record Words(String sectionsTitle, String itemsTitle, String schoolResults, String allSchools, String fewerThan,
            String respondents, String noValue, boolean danish) {

        static final Words NORWEGIAN = new Words("Gjennomsnitt per område (1–5)", "Gjennomsnitt per spørsmål (1–5)",
                "Skolens resultater", "Alle skolene i runden samlet", ", skjult: færre enn %d respondenter. ",
                ", %d respondenter. ", "ingen verdi", false);
        static final Words DANISH = new Words("Gennemsnit pr. område (1–5)", "Gennemsnit pr. spørgsmål (1–5)",
                "Skolens resultater", "Alle skolerne i runden samlet", ", skjult: færre end %d respondenter. ",
                ", %d respondenter. ", "ingen værdi", true);

        static Words of(Country country) {
            return country == Country.DK ? DANISH : NORWEGIAN;
        }

        String text(Instrument.Texts texts) {
            return ResultTable.Words.text(texts, danish);
        }
    }

    private static final double MAX = 5.0;

    private ResultCharts() {
    }

    /** A value on an axis: a label, and the mean or {@code null} when it is suppressed. */
    record Point(String code, String label, BigDecimal mean, boolean suppressed) {
    }

    /** The radar of the section means of the group the viewer sees ({@code total}), in bokmål. */
    public static String sections(Results results, Instrument questions) {
        return sections(results, questions, Country.NO);
    }

    /** The radar of the section means, in the language of the tenant's country. */
    public static String sections(Results results, Instrument questions, Country country) {
        Words words = Words.of(country);
        List<Point> points = new ArrayList<>();
        Results.Group group = results.total();
        for (Instrument.Section section : questions.sections()) {
            if (section.items().stream().noneMatch(Instrument.Item::isScale)) {
                continue;
            }
            Results.Section shown = group.suppressed() ? null
                    : group.sections().stream().filter(s -> s.code().equals(section.code())).findFirst().orElse(null);
            boolean suppressed = shown == null || shown.suppressed();
            points.add(new Point(section.code(), words.text(section.title()), suppressed ? null : shown.mean(), suppressed));
        }
        return radar(words.sectionsTitle(), describe(words, words.sectionsTitle(), results, points), points);
    }

    /** Bars of the item means of the group the viewer sees ({@code total}), in bokmål. */
    public static String items(Results results, Instrument questions) {
        return items(results, questions, Country.NO);
    }

    /** Bars of the item means, in the language of the tenant's country. */
    public static String items(Results results, Instrument questions, Country country) {
        Words words = Words.of(country);
        List<Point> points = new ArrayList<>();
        Results.Group group = results.total();
        questions.items().filter(Instrument.Item::isScale).forEach(item -> {
            Results.Item shown = group.suppressed() ? null : group.sections().stream().flatMap(s -> s.items().stream())
                    .filter(i -> i.code().equals(item.code())).findFirst().orElse(null);
            boolean suppressed = shown == null || shown.suppressed();
            points.add(new Point(item.code(), words.text(item.text()), suppressed ? null : shown.mean(), suppressed));
        });
        return bars(words.itemsTitle(), describe(words, words.itemsTitle(), results, points), points, words.noValue());
    }

    private static String describe(Words words, String title, Results results, List<Point> points) {
        StringBuilder d = new StringBuilder(title).append(". ");
        d.append("school".equals(results.scope()) ? words.schoolResults() : words.allSchools());
        d.append(results.total().suppressed() ? words.fewerThan().formatted(results.minGroupSize())
                : words.respondents().formatted(results.total().respondents()));
        for (Point p : points) {
            d.append(p.label()).append(": ").append(p.mean() == null ? (p.suppressed() ? HIDDEN : words.noValue()) : decimal(p.mean()))
                    .append(". ");
        }
        return d.toString().trim();
    }

    static String radar(String title, String description, List<Point> points) {
        int width = 960; // room for the section titles left and right of the radar
        int height = 560;
        double cx = width / 2.0;
        double cy = 290;
        double radius = 190;
        StringBuilder svg = open(width, height, title, description);
        int n = points.size();
        // rings at 1 to 5
        for (int ring = 1; ring <= 5; ring++) {
            StringBuilder ringPoints = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double[] xy = at(cx, cy, radius * ring / MAX, i, n);
                ringPoints.append(fmt(xy[0])).append(',').append(fmt(xy[1])).append(' ');
            }
            svg.append("<polygon class=\"ring\" points=\"").append(ringPoints.toString().trim())
                    .append("\" fill=\"none\" stroke=\"#d0d0d0\"/>\n");
            svg.append("<text x=\"").append(fmt(cx + 3)).append("\" y=\"").append(fmt(cy - radius * ring / MAX - 2))
                    .append("\" font-size=\"10\" fill=\"#767676\">").append(ring).append("</text>\n");
        }
        // axes and labels
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double[] end = at(cx, cy, radius, i, n);
            double[] label = at(cx, cy, radius + 22, i, n);
            String anchor = Math.abs(label[0] - cx) < 1 ? "middle" : label[0] > cx ? "start" : "end";
            svg.append("<line x1=\"").append(fmt(cx)).append("\" y1=\"").append(fmt(cy)).append("\" x2=\"").append(fmt(end[0]))
                    .append("\" y2=\"").append(fmt(end[1])).append("\" stroke=\"#b0b0b0\"/>\n");
            svg.append("<text class=\"axis\" x=\"").append(fmt(label[0])).append("\" y=\"").append(fmt(label[1]))
                    .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"12\">").append(escape(p.label()));
            svg.append(p.mean() == null ? " (" + (p.suppressed() ? HIDDEN : "–") + ")" : " (" + decimal(p.mean()) + ")");
            svg.append("</text>\n");
        }
        // the means: a line only between neighbouring shown values; a suppressed value is a gap
        for (int i = 0; i < n && n > 1; i++) {
            Point a = points.get(i);
            Point b = points.get((i + 1) % n);
            if (a.mean() == null || b.mean() == null || (n == 2 && i == 1)) {
                continue;
            }
            double[] pa = at(cx, cy, radius * a.mean().doubleValue() / MAX, i, n);
            double[] pb = at(cx, cy, radius * b.mean().doubleValue() / MAX, (i + 1) % n, n);
            svg.append("<line class=\"mean\" x1=\"").append(fmt(pa[0])).append("\" y1=\"").append(fmt(pa[1])).append("\" x2=\"")
                    .append(fmt(pb[0])).append("\" y2=\"").append(fmt(pb[1]))
                    .append("\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>\n");
        }
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            if (p.mean() == null) {
                if (p.suppressed()) {
                    double[] mid = at(cx, cy, radius * 0.5, i, n);
                    svg.append("<text class=\"hidden\" x=\"").append(fmt(mid[0])).append("\" y=\"").append(fmt(mid[1]))
                            .append("\" text-anchor=\"middle\" font-size=\"11\" font-style=\"italic\" fill=\"#767676\">")
                            .append(HIDDEN).append("</text>\n");
                }
                continue;
            }
            double[] xy = at(cx, cy, radius * p.mean().doubleValue() / MAX, i, n);
            svg.append("<circle class=\"mean\" cx=\"").append(fmt(xy[0])).append("\" cy=\"").append(fmt(xy[1]))
                    .append("\" r=\"4\" fill=\"#1f5fa8\"><title>").append(escape(p.label())).append(": ")
                    .append(decimal(p.mean())).append("</title></circle>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    static String bars(String title, String description, List<Point> points, String noValue) {
        int labelWidth = 110;
        int plotWidth = 400;
        int rowHeight = 24;
        int top = 40;
        int width = labelWidth + plotWidth + 80;
        int height = top + rowHeight * points.size() + 30;
        StringBuilder svg = open(width, height, title, description);
        for (int tick = 1; tick <= 5; tick++) {
            double x = labelWidth + plotWidth * tick / MAX;
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(top - 6).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(height - 24).append("\" stroke=\"#e0e0e0\"/>\n");
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(top - 10)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#767676\">").append(tick).append("</text>\n");
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int y = top + i * rowHeight;
            svg.append("<g class=\"item\">");
            svg.append("<title>").append(escape(p.label())).append("</title>");
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(escape(p.code())).append("</text>");
            if (p.mean() == null) {
                svg.append("<text class=\"hidden\" x=\"").append(labelWidth + 4).append("\" y=\"").append(y + 16)
                        .append("\" font-size=\"11\" font-style=\"italic\" fill=\"#767676\">")
                        .append(p.suppressed() ? HIDDEN : noValue).append("</text>");
            } else {
                double w = plotWidth * p.mean().doubleValue() / MAX;
                svg.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(fmt(w)).append("\" height=\"").append(rowHeight - 8).append("\" fill=\"#1f5fa8\"/>");
                svg.append("<text x=\"").append(fmt(labelWidth + w + 6)).append("\" y=\"").append(y + 16)
                        .append("\" font-size=\"11\">").append(decimal(p.mean())).append("</text>");
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height, String title, String description) {
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"sans-serif\">\n");
        svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>\n");
        svg.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        return svg;
    }

    private static double[] at(double cx, double cy, double r, int i, int n) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        return new double[] {cx + r * Math.cos(angle), cy + r * Math.sin(angle)};
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** XML-escapes a text for element content and attributes; characters XML does not allow are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
