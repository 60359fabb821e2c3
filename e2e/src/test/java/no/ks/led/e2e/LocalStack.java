package no.ks.led.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's fault commands ({@code deploy/local/stack.sh kill-kafka}, ...), run for the profile
 * in the environment, as the fault suite needs them.
 */
final class LocalStack {

    private LocalStack() {
    }

    /** Runs {@code stack.sh <command>}; fails with its output if it does not succeed within ten minutes. */
    static void run(String command) {
        Path root = Path.of(System.getProperty("led.repository.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("deploy/local/stack.sh").toString(), command)
                .redirectErrorStream(true);
        // On a busy machine Keycloak's start and realm import can take minutes (as in organisations' IdentitySyncTests).
        builder.environment().putIfAbsent("LED_STACK_TIMEOUT", "420");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("stack.sh " + command + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("stack.sh " + command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
