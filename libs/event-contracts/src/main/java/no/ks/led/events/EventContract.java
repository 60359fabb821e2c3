package no.ks.led.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the payload of one integration event in one version.
 *
 * <p>The CloudEvents type is {@code no.ks.led.<service>.<name>.v<version>}, the topic is
 * {@code led.<service>.events} and the JSON Schema lives at
 * {@code /schemas/<service>/<name>.v<version>.json} in this module.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    /** The producing service, as in the topic name. */
    String service();

    /** The past-tense event name, e.g. {@code ProgrammeCreated}. */
    String name();

    /** The schema version; a breaking change is a new version. */
    int version();
}
