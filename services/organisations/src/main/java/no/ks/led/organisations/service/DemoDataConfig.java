package no.ks.led.organisations.service;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the demo directory is loaded at start (local runs and tests only), and from which file. */
@ConfigMapping(prefix = "led.demo-data")
public interface DemoDataConfig {

    /** Off unless {@code LED_DEMO_DATA_ENABLED=true}; a production install never loads demo data. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The demo directory ({@code LED_DEMO_DATA_FILE}, in the repository
     * {@code deploy/local/demo/demo-directory.json}); no jar carries it. Needed when {@link #enabled()}.
     */
    Optional<Path> file();
}
