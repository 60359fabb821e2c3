package no.ks.led.scheduling;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on a free local port for the tests; the mailer is pointed at it. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The running server: read what it received. */
    public static GreenMail server() {
        return server;
    }
}
