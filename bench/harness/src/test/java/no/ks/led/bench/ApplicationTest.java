package no.ks.led.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApplicationTest {

    @Test
    void thePlatformIsReadFromTheOneListInStartOrder() {
        List<Application> platform = Application.platform(Bench.repositoryRoot());
        assertEquals("organisations", platform.get(0).name());
        assertEquals(new Application("gateway", "api-gateway", "LED_GATEWAY_PORT"), platform.get(platform.size() - 1));
        assertEquals("LED_SURVEYS_URL", platform.stream().filter(a -> a.name().equals("surveys")).findFirst().orElseThrow()
                .urlVariable());
    }

    @Test
    void theHarnessStartsThePlatformAndTheReference() {
        assertEquals("bench/minimal-app", Apps.MODULES.get("minimal").module());
        assertEquals(Apps.PLATFORM.size() + 1, Apps.MODULES.size());
    }
}
