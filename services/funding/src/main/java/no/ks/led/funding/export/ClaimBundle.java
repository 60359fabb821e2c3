package no.ks.led.funding.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import no.ks.led.funding.ClaimAttachment;
import no.ks.led.funding.FundingClaim;
import no.ks.led.funding.FundingTenant;
import no.ks.led.funding.refund.Line;
import no.ks.led.funding.refund.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;

/** A claim as one PDF for the fund: the claim's pages (numbers, lines, refund, warnings), then every attachment. */
public final class ClaimBundle {

    private ClaimBundle() {
    }

    public static byte[] pdf(FundingClaim claim, FundingTenant owner, List<ClaimAttachment> attachments) {
        try (PDDocument document = new PDDocument()) {
            try (PdfWriter pdf = new PdfWriter(document)) {
                pdf.heading("Refund claim, case " + claim.caseNumber);
                pdf.line("School owner: " + (owner == null ? claim.tenantId : owner.name));
                pdf.line("Organisation number: " + claim.organisationNumber);
                pdf.line("Account number: " + claim.accountNumber);
                pdf.line("Policy: " + claim.policyId + ", version " + claim.policyVersion + "; counts in " + claim.countsInYear);
                pdf.subheading("Actual costs and the refund");
                for (Line line : claim.lines) {
                    pdf.line((line.date() == null ? "" : line.date() + " ") + (line.name() == null ? "" : line.name() + ": ")
                            + line.kind() + " " + Money.kroner(line.costOre()) + ", refund " + Money.kroner(line.refundOre())
                            + ". " + line.explanation());
                }
                pdf.subheading("Total " + Money.kroner(claim.costOre) + "; refund claimed " + Money.kroner(claim.refundOre));
                for (String warning : claim.warnings) {
                    pdf.line("Warning: " + warning);
                }
                pdf.subheading("Attached");
                for (ClaimAttachment attachment : attachments) {
                    pdf.line(attachment.kind + ": " + attachment.fileName);
                }
            }
            PDFMergerUtility merger = new PDFMergerUtility();
            for (ClaimAttachment attachment : attachments) {
                try (PDDocument attached = Loader.loadPDF(attachment.content)) {
                    merger.appendDocument(document, attached);
                }
            }
            return PdfWriter.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
