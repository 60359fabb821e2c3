package no.ks.led.funding.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.FundingTenant;
import no.ks.led.funding.ScheduledActivity;
import no.ks.led.funding.refund.Line;
import no.ks.led.funding.refund.Money;
import org.apache.pdfbox.pdmodel.PDDocument;

/** An application's summary as a PDF with what KS's portal form asks: owner, activities, costs, the grant sought. */
public final class ApplicationSummary {

    private ApplicationSummary() {
    }

    public static byte[] pdf(FundingApplication application, FundingTenant owner, List<ScheduledActivity> activities,
            java.time.ZoneId zone) {
        try (PDDocument document = new PDDocument()) {
            try (PdfWriter pdf = new PdfWriter(document)) {
                pdf.heading("Application to the OU fund: " + application.title);
                pdf.line("School owner: " + (owner == null ? application.tenantId : owner.name + ", organisation number "
                        + owner.organisationNumber));
                pdf.line("Policy: " + application.policyId + ", version " + application.policyVersion);
                pdf.line("Status: " + application.status + (application.submittedOn == null ? "" : ", submitted " + application.submittedOn)
                        + (application.caseNumber == null ? "" : ", case " + application.caseNumber));
                pdf.subheading("Activities (" + application.days + " days)");
                for (ScheduledActivity activity : activities) {
                    List<java.time.LocalDate> days = activity.days(zone);
                    pdf.line(activity.title + " (" + activity.kind + "), " + days.get(0)
                            + (days.size() > 1 ? " - " + days.get(days.size() - 1) : "")
                            + (activity.place == null ? "" : ", " + activity.place));
                }
                pdf.subheading("Costs and what the fund covers");
                for (Line line : application.lines) {
                    pdf.line((line.date() == null ? "" : line.date() + " ") + (line.name() == null ? "" : line.name() + ": ")
                            + line.kind() + " " + Money.kroner(line.costOre()) + ", counted " + Money.kroner(line.countedOre())
                            + ", refund " + Money.kroner(line.refundOre()) + ". " + line.explanation());
                }
                pdf.subheading("Total costs " + Money.kroner(application.costOre) + "; grant sought "
                        + Money.kroner(application.requestedOre));
            }
            return PdfWriter.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
