package no.ks.led.organisations.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the demo directory is loaded at start (local runs and tests only). */
@ConfigMapping(prefix = "led.demo-data")
public interface DemoDataConfig {

    /** Off unless {@code LED_DEMO_DATA_ENABLED=true}; a production install never loads demo data. */
    @WithDefault("false")
    boolean enabled();
}
