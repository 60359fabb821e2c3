package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/applications.txt} agrees with the Maven build: every Quarkus application of the
 * platform is listed, with its module, its port variable and default port as its configuration
 * has them, and e2e packages it before the tests start it.
 */
class ApplicationsTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern HTTP_PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{(\\w+):(\\d+)}$");
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    private final Path root = Platform.repositoryRoot();
    private final List<Application> applications = Application.all(root);

    @Test
    void everyQuarkusApplicationOfThePlatformIsListedAndNothingElse() throws IOException {
        Set<String> built = new TreeSet<>();
        for (String module : modules(root, "")) {
            // bench/minimal-app is the benchmark's reference, not part of the platform
            if (!module.startsWith("bench/") && httpPort(module) != null) {
                built.add(module);
            }
        }
        Set<String> listed = applications.stream().map(Application::module).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(built, listed, "Quarkus applications in the Maven build vs. " + Application.LIST);
    }

    @Test
    void portVariableAndDefaultPortAreTheApplicationsOwn() throws IOException {
        for (Application app : applications) {
            Matcher port = httpPort(app.module());
            assertTrue(port != null, app.module() + " sets no quarkus.http.port");
            assertEquals(app.portVariable() + ":" + app.defaultPort(), port.group(1) + ":" + port.group(2),
                    app.name() + ": " + Application.LIST + " vs. its application.properties");
        }
    }

    @Test
    void namesAndPortsAreUniqueAndTheGatewayStartsLast() {
        assertEquals(applications.size(), applications.stream().map(Application::name).distinct().count());
        assertEquals(applications.size(), applications.stream().map(Application::defaultPort).distinct().count());
        assertEquals("gateway", applications.get(applications.size() - 1).name());
    }

    @Test
    void e2ePackagesEveryApplicationBeforeItsTestsStartThem() throws IOException {
        String e2ePom = Files.readString(root.resolve("e2e/pom.xml"));
        for (Application app : applications) {
            Matcher artifact = ARTIFACT_ID.matcher(Files.readString(root.resolve(app.module()).resolve("pom.xml")));
            assertTrue(artifact.find(), app.module() + "/pom.xml has no artifactId");
            assertTrue(e2ePom.contains("<artifactId>" + artifact.group(1) + "</artifactId>"),
                    "e2e/pom.xml does not depend on " + artifact.group(1) + ", so it may run before it is packaged");
        }
    }

    /** Module directories reachable from the pom in {@code dir}, relative to the repository root. */
    private static List<String> modules(Path root, String dir) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(root.resolve(dir).resolve("pom.xml")));
        while (m.find()) {
            String module = dir.isEmpty() ? m.group(1) : dir + "/" + m.group(1);
            found.add(module);
            found.addAll(modules(root, module));
        }
        return found;
    }

    private Matcher httpPort(String module) throws IOException {
        Path properties = root.resolve(module).resolve("src/main/resources/application.properties");
        if (!Files.exists(properties)) {
            return null;
        }
        Matcher m = HTTP_PORT.matcher(Files.readString(properties));
        return m.find() ? m : null;
    }
}
