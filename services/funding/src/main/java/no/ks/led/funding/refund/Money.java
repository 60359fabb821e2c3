package no.ks.led.funding.refund;

/** Whole øre written as kroner for explanations: {@code 1600000} is {@code "16,000 kr"}, {@code 1250} is {@code "12.50 kr"}. */
public final class Money {

    private Money() {
    }

    /** The amount in kroner, thousands separated by commas, øre only when there are any. */
    public static String kroner(long ore) {
        String sign = ore < 0 ? "-" : "";
        long abs = Math.abs(ore);
        String whole = String.format(java.util.Locale.ROOT, "%,d", abs / 100);
        long rest = abs % 100;
        return sign + whole + (rest == 0 ? "" : String.format(java.util.Locale.ROOT, ".%02d", rest)) + " kr";
    }
}
