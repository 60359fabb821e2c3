package no.ks.led.foundation.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the consumer (the {@code @Incoming} channel) whose events an {@link EventHandler} applies. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsumedBy {

    String value();
}
