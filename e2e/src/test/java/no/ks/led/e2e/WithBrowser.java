package no.ks.led.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import no.ks.led.foundation.testing.RealmLogin;
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

    /** A request to the platform's API through the gateway, with the demo user's own access token. */
    static RequestSpecification api(String user) {
        return given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken(user));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
