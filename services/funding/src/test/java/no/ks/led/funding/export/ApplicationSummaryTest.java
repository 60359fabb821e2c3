package no.ks.led.funding.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import no.ks.led.funding.FundingApplication;
import no.ks.led.funding.refund.Line;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The application summary holds every line, over as many pages as it needs, and survives text the font lacks. */
class ApplicationSummaryTest {

    @Test
    void everyLineIsInTheDocument() throws Exception {
        FundingApplication application = new FundingApplication();
        application.id = UUID.randomUUID();
        application.tenantId = "fjordvik";
        application.title = "Led skole – neste år ✓";
        application.status = "draft";
        application.policyId = "ou-2024";
        application.policyVersion = 1;
        application.lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            application.lines.add(new Line("speaker", LocalDate.of(2027, 9, 15), "Prosessleder " + i, 2_000_000, 1_800_000,
                    1_260_000, "fee-cap", "Fee counted up to 18,000 kr per speaker per day"));
        }

        byte[] pdf = ApplicationSummary.pdf(application, null, List.of(), java.time.ZoneId.of("Europe/Oslo"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(document.getNumberOfPages() > 1);
            assertTrue(text.contains("Prosessleder 119"), text);
            assertTrue(text.contains("Policy: ou-2024, version 1"), text);
        }
    }
}
