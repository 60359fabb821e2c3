package no.ks.led.organisations.roster;

/** An import refused because some row has an error; the report says which. Nothing was changed. */
public class RosterRejected extends RuntimeException {

    private final transient RosterReport report;

    RosterRejected(RosterReport report) {
        super("The roster has " + report.errors().size() + " errors in " + (report.rows() - report.valid())
                + " rows; nothing was imported", null, false, false);
        this.report = report;
    }

    public RosterReport report() {
        return report;
    }
}
