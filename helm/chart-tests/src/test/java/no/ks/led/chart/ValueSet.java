package no.ks.led.chart;

import java.nio.file.Path;

/**
 * The value sets the checks render: the chart's defaults, the two environment files it ships,
 * and (from the test resources) the chart pointed at dependencies that already exist.
 */
enum ValueSet {
    DEFAULT(null),
    DEV("values-dev.yaml"),
    PROD("values-prod.yaml"),
    EXISTING_DEPENDENCIES("classpath:values-existing-dependencies.yaml");

    private final String file;

    ValueSet(String file) {
        this.file = file;
    }

    boolean hasFile() {
        return file != null;
    }

    /** The values file on top of values.yaml, for a chart (or a copy of it) in the given directory. */
    Path file(Path chart) {
        if (file == null) {
            throw new IllegalStateException(this + " is the chart's defaults alone");
        }
        if (file.startsWith("classpath:")) {
            try {
                return Path.of(ValueSet.class.getResource("/" + file.substring("classpath:".length())).toURI());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return chart.resolve(file);
    }
}
