package no.ks.led.foundation.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Paths;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package rules every service and the gateway test (ArchUnit): no two packages depend on each other,
 * however indirectly, and HTTP stays at the edge (no service or repository class uses a {@code rest} one).
 */
public final class PackageRules {

    private PackageRules() {
    }

    /** Checks both rules on the module being tested: its compiled classes under {@code root}. */
    public static void checkModule(String root) {
        // the module's own classes, as compiled (scanning the whole class path for them takes a minute)
        JavaClasses classes = new ClassFileImporter().importPath(Paths.get("target", "classes"));
        freeOfCycles(root).check(classes);
        restAtTheEdge(root).check(classes);
    }

    /** Every package under {@code root}, the root included, is free of dependency cycles with the others. */
    public static ArchRule freeOfCycles(String root) {
        SliceAssignment packages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
        return slices().assignedFrom(packages).should().beFreeOfCycles()
                .as("the packages of " + root + " are free of cycles");
    }

    /**
     * Native SQL lives in repositories: no class outside a {@code repository} package creates a native query
     * (a service that has moved its SQL into repositories checks it).
     */
    public static ArchRule sqlInRepositories(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + "..repository..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("createNativeQuery")))
                .as("native SQL only in repository classes");
    }

    /** Services and repositories never depend on the REST layer (its request and response records included). */
    public static ArchRule restAtTheEdge(String root) {
        return noClasses().that().resideInAnyPackage(root + "..service..", root + "..repository..")
                .should().dependOnClassesThat().resideInAPackage(root + "..rest..")
                .allowEmptyShould(true)
                .as("no service or repository class depends on a rest class");
    }
}
