package no.ks.led.foundation.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadTest {

    @Test
    void aPlainNameIsGivenTwiceTheSame() {
        assertEquals("attachment; filename=\"agenda-2027.pdf\"; filename*=UTF-8''agenda-2027.pdf",
                Download.contentDisposition("agenda-2027.pdf"));
    }

    @Test
    void aNorwegianNameKeepsItsLettersInTheUtf8FormAndLosesTheirMarksInTheAsciiOne() {
        assertEquals("attachment; filename=\"Program for samling pa Rods hotell.docx\"; "
                        + "filename*=UTF-8''Program%20for%20samling%20p%C3%A5%20R%C3%B8ds%20hotell.docx",
                Download.contentDisposition("Program for samling på Røds hotell.docx"));
    }

    @Test
    void quotesAndSeparatorsNeverBreakOutOfTheHeader() {
        assertEquals("attachment; filename=\"a__b__c.pdf\"; filename*=UTF-8''a%22%2Fb%5C%3Bc.pdf",
                Download.contentDisposition("a\"/b\\;c.pdf"));
    }
}
