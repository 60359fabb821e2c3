package no.ks.led.bench;

import java.util.Locale;

/** Progress lines on standard output, with the time since the harness started. */
final class Log {

    private static final long T0 = System.nanoTime();

    private Log() {
    }

    static void say(String format, Object... args) {
        double seconds = (System.nanoTime() - T0) / 1e9;
        System.out.printf(Locale.ROOT, "[bench %6.1fs] %s%n", seconds, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
