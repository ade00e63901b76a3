package io.conformity.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;

/**
 * Requests exactly as an attacker or a broken client would send them: arbitrary bytes, any content type, bodies
 * streamed without a length. {@link ApiClient} builds well-formed requests; this one does not try to.
 */
public final class RawHttp {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Response send(
            Credentials user, String method, String path, String contentType, byte[] body, String... headers) {
        return send(user, method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /**
     * A body of unknown length (chunked), produced as it is read, over a plain socket: the client keeps sending
     * until the server answers, as a browser or curl would, and then reads that answer. (Java's HTTP client gives
     * up with an I/O error when a server answers before the body is sent, which is exactly what is tested.)
     */
    public Response stream(Credentials user, String method, String path, String contentType, InputStream body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: "
                    + contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                    + (user == null ? "" : "Authorization: " + user.authorization() + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            try {
                int n;
                while (in.available() == 0 && (n = body.read(chunk)) > 0) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (in.available() == 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (SocketException e) {
                // The server answered and closed while the body was still being sent: read its answer.
            }
            return readAnswer(in);
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        }
    }

    /** A GET written byte for byte, with any headers, {@code Host} included. */
    public Response getWithHeaders(String path, String... headers) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        }
    }

    /**
     * Reads one response by its framing, not until the connection closes: a client that stopped sending leaves
     * the request unfinished, and the server may read on for a while (Tomcat drains up to 2 MB of a refused body)
     * before it closes.
     */
    private static Response readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            received.write(buffer, 0, n);
            if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                break;
            }
        }
        return parse(received.toByteArray());
    }

    private static boolean complete(String received) {
        int end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = received.substring(0, end).toLowerCase(Locale.ROOT);
        String body = received.substring(end + 4);
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (length.find()) {
            return body.length() >= Integer.parseInt(length.group(1));
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return body.startsWith("0\r\n\r\n") || body.contains("\r\n0\r\n\r\n");
        }
        return false;
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(
                    lines[i].substring(0, colon).trim(),
                    lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getFirst("Transfer-Encoding"))) {
            StringBuilder decoded = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                decoded.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            body = decoded.toString();
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private Response send(
            Credentials user,
            String method,
            String path,
            String contentType,
            HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", user.authorization());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpHeaders responseHeaders = new HttpHeaders();
            response.headers().map().forEach(responseHeaders::addAll);
            return new Response(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A multipart/form-data body with one file part, its disposition header written as given. */
    public static byte[] multipart(String boundary, String disposition, byte[] content, boolean closed) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition
                + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = closed ? "\r\n--" + boundary + "--\r\n" : "";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }
}
