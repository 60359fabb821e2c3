package no.ks.led.web.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import io.quarkus.qute.TemplateData;

/**
 * The texts and formats of one page view: its language and the active tenant's time zone. Templates call
 * {@code t.msg('key')}, {@code t.date(day)}, {@code t.number(mean)}; no text is written into a template.
 */
@TemplateData
public final class Texts {

    private final Messages messages;
    private final Language language;
    private final ZoneId zone;

    public Texts(Messages messages, Language language, ZoneId zone) {
        this.messages = messages;
        this.language = language;
        this.zone = zone;
    }

    public Language language() {
        return language;
    }

    /** The language tag of the page ({@code <html lang>}). */
    public String lang() {
        return language.code();
    }

    public ZoneId zone() {
        return zone;
    }

    public String msg(String key) {
        return messages.text(language, key);
    }

    public String msg(String key, Object argument) {
        return messages.text(language, key, argument);
    }

    public String msg(String key, Object first, Object second) {
        return messages.text(language, key, first, second);
    }

    public String msg(String key, Object first, Object second, Object third, Object fourth) {
        return messages.text(language, key, first, second, third, fourth);
    }

    /** A problem type's message ({@code problem.<slug>}), or the general one for a type without its own. */
    public String problem(String type) {
        return messages.has("problem." + type) ? msg("problem." + type) : msg("problem.unknown");
    }

    /** A day as the language writes it in full ("3. desember 2026"). */
    public String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(day);
    }

    /** A moment as the day and time in the tenant's time zone. */
    public String dateTime(Instant moment) {
        return moment == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale())
                        .format(moment.atZone(zone));
    }

    /** A mean on the 1-5 scale with one decimal, as the language writes numbers (3,5 or 3.5). */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public String count(Long value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(language.locale()).format(value);
    }

    /** A month as the language names it ("september 2027"). */
    public String month(java.time.YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", language.locale()).format(month);
    }

    /** A local date-time (already in the tenant's zone) as the language writes it. */
    public String dateTimeLocal(java.time.LocalDateTime moment) {
        return moment == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale()).format(moment);
    }

    /** The time of day of a local date-time. */
    public String timeLocal(java.time.LocalDateTime moment) {
        return moment == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale()).format(moment);
    }

    /** Today in the tenant's time zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
