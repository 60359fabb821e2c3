package no.ks.led.surveys;

import java.nio.file.Paths;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import no.ks.led.foundation.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The surveys service's packages form no cycle, REST stays at the edge, and SQL stays in repositories. */
class PackageDependenciesTest {

    @Test
    void packagesFormNoCycleAndRestStaysAtTheEdge() {
        PackageRules.checkModule("no.ks.led.surveys");
    }

    @Test
    void nativeSqlOnlyInRepositories() {
        PackageRules.sqlInRepositories("no.ks.led.surveys")
                .check(new ClassFileImporter().importPath(Paths.get("target", "classes")));
    }
}
