package no.ks.led.organisations.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of roster uploads. */
@ConfigMapping(prefix = "led.roster-import")
public interface RosterImportConfig {

    /** The largest file accepted, in bytes; 10,000 rows of long names fit in well under this. */
    @WithDefault("4194304")
    int maxBytes();

    /** The most data rows one file may have. */
    @WithDefault("10000")
    int maxRows();
}
