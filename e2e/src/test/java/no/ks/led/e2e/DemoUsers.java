package no.ks.led.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/**
 * The demo users of the dev realm and what the demo directory makes them: members of fjordvik, nordhei or
 * the Danish norddal, the consultant engaged in all three, or national users (KS's, and Denmark's
 * {@code kl.analyst}) who are members of no tenant.
 */
final class DemoUsers {

    /** The demo tenants: two Norwegian, one Danish. */
    static final List<String> TENANTS = List.of("fjordvik", "nordhei", "norddal");

    static final String CONSULTANT = "veiviser.consultant";

    /**
     * The demo directory in the repository, which the organisations service loads (no jar carries it);
     * the foundation's {@code DemoDirectory.REPOSITORY_PATH}, which e2e does not depend on.
     */
    static final String DIRECTORY_FILE = "deploy/local/demo/demo-directory.json";

    /** Every demo user, tenant users first. */
    static final List<String> ALL = List.of(
            "fjordvik.executive", "fjordvik.coordinator", "fjordvik.principal", "fjordvik.leader",
            "nordhei.executive", "nordhei.coordinator", "nordhei.principal", "nordhei.leader",
            "norddal.skolechef", "norddal.distriktsleder", "norddal.skoleleder", "norddal.afdelingsleder",
            CONSULTANT, "ks.admin", "ks.analyst", "kl.analyst");

    private static Map<String, String> personIds;

    private DemoUsers() {
    }

    /** Whether the demo data makes the user a member of the tenant (the consultant through the demo engagements). */
    static boolean isMember(String user, String tenant) {
        return user.startsWith(tenant + ".") || user.equals(CONSULTANT);
    }

    static boolean isNational(String user) {
        return user.startsWith("ks.") || user.equals("kl.analyst");
    }

    /** Another demo tenant, whose objects the tenant's routes are tried with. */
    static String other(String tenant) {
        return tenant.equals("fjordvik") ? "nordhei" : "fjordvik";
    }

    /** The tenant a user's own column shows first: their own, or fjordvik for users of several or none. */
    static String home(String user) {
        return user.startsWith("nordhei.") ? "nordhei" : user.startsWith("norddal.") ? "norddal" : "fjordvik";
    }

    /** Who sets a tenant up in tests: its coordinator, or the skolechef of the Danish tenant, which has no coordinator user. */
    static String organiser(String tenant) {
        return tenant.equals("norddal") ? "norddal.skolechef" : tenant + ".coordinator";
    }

    /** The user's platform person id ({@code led_person_id}) from the demo directory. */
    static synchronized String personId(String user) {
        if (personIds == null) {
            Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
            Path file = root.resolve(DIRECTORY_FILE);
            try {
                JsonPath json = JsonPath.from(Files.readString(file));
                List<String> users = json.getList("people.username");
                List<String> ids = json.getList("people.id");
                personIds = new HashMap<>();
                for (int i = 0; i < users.size(); i++) {
                    personIds.put(users.get(i), ids.get(i));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
        return personIds.get(user);
    }

    /** The id of the demo engagement of veiviser in the tenant. */
    static String demoEngagement(String tenant) {
        Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve(DIRECTORY_FILE);
        try {
            return JsonPath.from(Files.readString(file))
                    .getString("engagements.find { it.tenantId == '" + tenant + "' && it.consultancyId == 'veiviser' }.id");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
