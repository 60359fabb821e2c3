package no.ks.led.scheduling;

import java.nio.file.Paths;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import no.ks.led.foundation.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The scheduling service's packages form no cycle, and REST stays at the edge. */
class PackageDependenciesTest {

    /** The module's own classes, as compiled (scanning the whole class path for them takes a minute). */
    static final JavaClasses CLASSES = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    @Test
    void packagesAreFreeOfCycles() {
        PackageRules.freeOfCycles("no.ks.led.scheduling").check(CLASSES);
    }

    @Test
    void restStaysAtTheEdge() {
        PackageRules.restAtTheEdge("no.ks.led.scheduling").check(CLASSES);
    }
}
