package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * What a production install runs carries no demo data: no jar of any packaged application
 * ({@code target/quarkus-app}, its own code and every library, the foundation included) holds the demo
 * directory or any of its people. The organisations service reads the demo directory only from the
 * file the local stack names ({@code LED_DEMO_DATA_FILE}).
 */
class PackagedApplicationsTest {

    private final Path root = Platform.repositoryRoot();

    @Test
    void noJarOfAnyApplicationCarriesDemoData() throws IOException {
        JsonPath demo = JsonPath.from(Files.readString(root.resolve(DemoUsers.DIRECTORY_FILE)));
        // the demo people's ids and user names: the data, wherever a resource might hold it
        List<String> marks = new ArrayList<>(demo.getList("people.id", String.class));
        marks.addAll(demo.getList("people.username", String.class));
        List<String> found = new ArrayList<>();
        int jars = 0;
        for (Application app : Application.all(root)) {
            Path packaged = Platform.packaged(app.name());
            assertTrue(Files.isRegularFile(packaged.resolve("quarkus-run.jar")), packaged + " is not packaged");
            List<Path> appJars;
            try (Stream<Path> files = Files.walk(packaged)) {
                appJars = files.filter(f -> f.toString().endsWith(".jar")).toList();
            }
            for (Path jar : appJars) {
                jars++;
                found.addAll(demoDataIn(jar, marks));
            }
        }
        assertTrue(jars > 6, "read " + jars + " jars");
        assertEquals(List.of(), found, "demo data in the packaged applications");
    }

    @Test
    void theCheckSeesDemoDataInAJar() throws IOException {
        Path jar = Files.createTempFile("demo", ".jar");
        try (var out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("led/demo-directory.json"));
            out.write(Files.readAllBytes(root.resolve(DemoUsers.DIRECTORY_FILE)));
            out.closeEntry();
        } finally {
            jar.toFile().deleteOnExit();
        }
        assertFalse(demoDataIn(jar, List.of("fjordvik.coordinator")).isEmpty());
    }

    /** Entries of the jar named like the demo directory, or resources (not classes) naming a demo person. */
    private static List<String> demoDataIn(Path jar, List<String> marks) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getName().endsWith("demo-directory.json")) {
                    found.add(jar.getFileName() + "!" + entry.getName());
                } else if (!entry.getName().endsWith(".class") && entry.getSize() < 4_000_000) {
                    String text;
                    try (InputStream in = zip.getInputStream(entry)) {
                        text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    }
                    marks.stream().filter(text::contains).findFirst()
                            .ifPresent(mark -> found.add(jar.getFileName() + "!" + entry.getName() + " names " + mark));
                }
            }
        }
        return found;
    }
}
