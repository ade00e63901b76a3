package io.conformity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) per test JVM, on a free loopback port, started before the shared Spring context
 * so that the context finds it configured ({@code spring.mail.host/port}, see {@link TestInstallation.H2}). It
 * accepts mail for any address; tests read what arrived for theirs. Daemon threads: it ends with the JVM.
 */
public final class TestMailServer {

    public static final String FROM = "conformity@test.invalid";

    private static TestMailServer instance;

    private final GreenMail greenMail;

    private TestMailServer() {
        greenMail = new GreenMail(
                new ServerSetup(freePort(), InetAddress.getLoopbackAddress().getHostAddress(), "smtp"));
        greenMail.start();
    }

    public static synchronized TestMailServer instance() {
        if (instance == null) {
            instance = new TestMailServer();
        }
        return instance;
    }

    public String host() {
        return greenMail.getSmtp().getBindTo();
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** A received message, in a form tests can assert on. */
    public record Mail(String from, List<String> to, String subject, String body) {}

    /** Every message received so far addressed to {@code address}. */
    public List<Mail> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(TestMailServer::mail)
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            return new Mail(
                    message.getFrom()[0].toString(),
                    recipients == null
                            ? List.of()
                            : Arrays.stream(recipients).map(Address::toString).toList(),
                    message.getSubject(),
                    GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
