package no.ks.led.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test shares: the running platform, one Chromium for the class, opened with
 * {@link #openBrowser()} once the class has made its data and closed after the class; logging in, the axe-core check,
 * the 320 px check and the screenshots are {@link Browser}'s.
 */
@ExtendWith(Platform.class)
abstract class WithBrowser {

    static Browser browser;

    /** Opens the class's Chromium. */
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
