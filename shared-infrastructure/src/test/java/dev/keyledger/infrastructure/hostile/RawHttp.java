package dev.keyledger.infrastructure.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, as an attacker's tool sends it: the request target goes on the wire exactly as given
 * (backslashes, raw dot segments, escapes that {@code java.net.URI} would refuse or normalise).
 */
public final class RawHttp {

    /** The status and body of one answer. */
    public record Answer(int status, String head, String body) {

        public String contentType() {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private RawHttp() {
    }

    /** {@code headers} are name, value pairs; {@code body} may be null. */
    public static Answer send(int port, String method, String target, String body, String... headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Type: application/json\r\n");
        }
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        String answer = exchange("127.0.0.1", port, request.toString(), content);
        int endOfHead = answer.indexOf("\r\n\r\n");
        String head = endOfHead < 0 ? answer : answer.substring(0, endOfHead);
        String rest = endOfHead < 0 ? "" : answer.substring(endOfHead + 4);
        return new Answer(statusOf(answer), head, rest);
    }

    /**
     * Exactly {@code head} (request line and headers, ending with an empty line) and {@code body}, from the given
     * loopback source address (tests that throttle or record addresses need several); the whole answer as text.
     */
    public static String exchange(String sourceAddress, int port, String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(head.lines().findFirst().orElse(head), e);
        }
    }

    /** The status code of a whole answer as {@link #exchange} returns it. */
    public static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
