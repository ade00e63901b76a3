package io.conformity.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import io.conformity.notification.Notice;
import io.conformity.notification.NotificationProperties;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.web.WebProperties;

/**
 * A mail server that cannot be reached: the e-mail copy's failure is recorded on the notification, which stays in
 * the inbox, and nothing is thrown at whoever committed the change.
 */
@ConformityIntegrationTest
class MailDeliveryIntegrationTests {

    @Autowired
    NotificationRepository notifications;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    WebProperties web;

    @Autowired
    Clock clock;

    @Test
    void anUnreachableServerIsRecordedNotThrown() throws IOException {
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        // A port that was free a moment ago: nobody listens there, so the connection is refused.
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            unreachable.setPort(socket.getLocalPort());
        }
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", unreachable);
        MailDelivery delivery = new MailDelivery(
                beans.getBeanProvider(JavaMailSender.class),
                notifications,
                transactions,
                new NotificationProperties("conformity@test.invalid"),
                web,
                clock);
        Notification stored = notifications.save(new Notification(
                "nobody-in-particular",
                new Notice(null, "Unreachable", "The server is down.", "/api/v1/notifications"),
                "someone@example.test",
                Instant.now().truncatedTo(ChronoUnit.MICROS)));

        delivery.send(new NotificationsStored(List.of(stored.id())));

        Notification after = notifications.findById(stored.id()).orElseThrow();
        assertThat(after.view().emailedAt()).isNull();
        assertThat(after.view().emailError()).isNotBlank();
        assertThat(after.emailPending()).as("not tried again and again").isFalse();
    }
}
