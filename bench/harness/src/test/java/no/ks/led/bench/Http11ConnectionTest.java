package no.ks.led.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The load generator's HTTP/1.1 connection against a server that answers each request it reads with the next of a
 * script of raw responses, on as many connections as the client opens; each answer can close its connection.
 */
class Http11ConnectionTest {

    /** A raw response, and whether the server closes the connection after writing it. */
    private record Answer(String raw, boolean thenClose) {
    }

    /** Serves the script in order; records the request lines and how many connections were accepted. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread thread;

        ScriptedServer(List<Answer> script) throws IOException {
            List<Answer> left = new ArrayList<>(script);
            thread = new Thread(() -> {
                try {
                    while (!left.isEmpty()) {
                        Socket connection = socket.accept();
                        accepted.add(connection);
                        serve(connection, left);
                    }
                } catch (IOException e) {
                    // the test closed the server
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(Socket connection, List<Answer> left) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            while (!left.isEmpty()) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return;
                }
                int length = 0;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                in.skip(length);
                requests.add(requestLine);
                Answer answer = left.remove(0);
                out.write(answer.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (answer.thenClose()) {
                    connection.close();
                    return;
                }
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final byte[] BODY = "{\"answers\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsLengthChunkedAndInterimResponsesOnOneKeptConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(
                new Answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst", false),
                new Answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nsec\r\n4;x=y\r\nond!\r\n0\r\n\r\n", false),
                new Answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 409 Conflict\r\ncontent-length: 0\r\n\r\n", false)));
                Http11Connection connection = new Http11Connection(server.uri(), 5_000)) {
            assertEquals(new Http11Connection.Response(200, "first"), connection.post("/a", Map.of("X-A", "1"), BODY));
            assertEquals(new Http11Connection.Response(200, "second!"), connection.post("/b", Map.of(), BODY));
            assertEquals(new Http11Connection.Response(409, ""), connection.post("/c", Map.of(), BODY));
            assertEquals(List.of("POST /a HTTP/1.1", "POST /b HTTP/1.1", "POST /c HTTP/1.1"), server.requests);
            assertEquals(1, server.accepted.size());
        }
    }

    @Test
    void opensANewConnectionAfterOneTheServerSaidItWouldClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(
                new Answer("HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok", true),
                new Answer("HTTP/1.0 200 OK\r\n\r\nto the end", true),
                new Answer("HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\nnext", false)));
                Http11Connection connection = new Http11Connection(server.uri(), 5_000)) {
            assertEquals(new Http11Connection.Response(200, "ok"), connection.post("/a", Map.of(), BODY));
            assertEquals(new Http11Connection.Response(200, "to the end"), connection.post("/b", Map.of(), BODY));
            assertEquals(new Http11Connection.Response(201, "next"), connection.post("/c", Map.of(), BODY));
            assertEquals(3, server.accepted.size());
        }
    }

    @Test
    void sendsAgainOnceWhenAKeptConnectionWasClosedWithoutAWord() throws Exception {
        // the first answer says nothing about closing, then the server closes: the next request finds it closed
        try (ScriptedServer server = new ScriptedServer(List.of(
                new Answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na", true),
                new Answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb", false)));
                Http11Connection connection = new Http11Connection(server.uri(), 5_000)) {
            assertEquals(new Http11Connection.Response(200, "a"), connection.post("/a", Map.of(), BODY));
            Thread.sleep(100); // the server has closed its end
            assertEquals(new Http11Connection.Response(200, "b"), connection.post("/b", Map.of(), BODY));
            assertEquals(List.of("POST /a HTTP/1.1", "POST /b HTTP/1.1"), server.requests);
            assertEquals(2, server.accepted.size());
        }
    }

    @Test
    void aGarbledResponseClosesTheConnectionSoTheNextRequestStartsClean() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(
                new Answer("HTTP/1.1 200 OK\r\nno colon here\r\nContent-Length: 9\r\n\r\nleft over", false),
                new Answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nclean", false)));
                Http11Connection connection = new Http11Connection(server.uri(), 5_000)) {
            assertThrows(IOException.class, () -> connection.post("/a", Map.of(), BODY));
            Thread.sleep(100); // the server sees the close and accepts the next connection
            assertEquals(new Http11Connection.Response(200, "clean"), connection.post("/b", Map.of(), BODY));
            assertEquals(2, server.accepted.size());
        }
    }
}
