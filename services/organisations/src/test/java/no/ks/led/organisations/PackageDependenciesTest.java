package no.ks.led.organisations;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import no.ks.led.foundation.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The organisations service's packages form no cycle, and REST stays at the edge. */
class PackageDependenciesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("no.ks.led.organisations");

    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.freeOfCycles("no.ks.led.organisations").check(CLASSES);
    }

    @Test
    void restStaysAtTheEdge() {
        PackageRules.restAtTheEdge("no.ks.led.organisations").check(CLASSES);
    }
}
