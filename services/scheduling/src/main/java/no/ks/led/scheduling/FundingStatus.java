package no.ks.led.scheduling;

/** An activity's funding status, from the funding service's events. */
public final class FundingStatus {

    public static final String NOT_APPLIED = "not-applied";
    public static final String APPLIED = "applied";
    public static final String APPROVED = "approved";
    public static final String REFUSED = "refused";

    private FundingStatus() {
    }
}
