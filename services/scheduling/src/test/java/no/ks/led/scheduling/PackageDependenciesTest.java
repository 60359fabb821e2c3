package no.ks.led.scheduling;

import no.ks.led.foundation.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The scheduling service's packages form no cycle, and REST stays at the edge. */
class PackageDependenciesTest {

    @Test
    void packagesFormNoCycleAndRestStaysAtTheEdge() {
        PackageRules.checkModule("no.ks.led.scheduling");
    }
}
