package io.conformity.notification.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.conformity.notification.NotificationProperties;
import io.conformity.web.WebProperties;

/**
 * Sends the e-mail copies of notifications once the transaction that stored them has committed, one message per
 * recipient, and records on each notification whether the mail server took it. A failure is logged and recorded,
 * never thrown: the change that caused the notification has already happened.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationRepository notifications;
    private final TransactionTemplate ownTransaction;
    private final NotificationProperties properties;
    private final WebProperties web;
    private final Clock clock;

    MailDelivery(
            ObjectProvider<JavaMailSender> mail,
            NotificationRepository notifications,
            PlatformTransactionManager transactions,
            NotificationProperties properties,
            WebProperties web,
            Clock clock) {
        if (mail.getIfAvailable() != null
                && (properties.from() == null || properties.from().isBlank())) {
            throw new IllegalStateException("spring.mail.host is set, so conformity.notification.from must name the"
                    + " sender address of notification e-mails");
        }
        this.mail = mail;
        this.notifications = notifications;
        // After commit the committed transaction is still bound to the thread: recording the outcome needs its own.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.web = web;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(NotificationsStored stored) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (UUID id : stored.ids()) {
            try {
                deliver(sender, id);
            } catch (RuntimeException e) {
                // Recording the outcome failed (the database): the notification stays in the inbox all the same.
                log.warn("E-mail copy of notification {} not recorded", id, e);
            }
        }
    }

    private void deliver(JavaMailSender sender, UUID id) {
        Optional<SimpleMailMessage> message = ownTransaction.execute(status ->
                notifications.findById(id).filter(Notification::emailPending).map(this::message));
        if (message == null || message.isEmpty()) {
            return;
        }
        String failure = null;
        try {
            sender.send(message.get());
        } catch (MailException e) {
            failure = e.getMessage();
            log.warn("E-mail copy of notification {} could not be sent: {}", id, e.getMessage());
        }
        String reason = failure;
        ownTransaction.executeWithoutResult(status -> notifications.findById(id).ifPresent(notification -> {
            if (reason == null) {
                notification.emailed(clock.instant());
            } else {
                notification.emailFailed(reason);
            }
        }));
    }

    private SimpleMailMessage message(Notification notification) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(notification.emailTo());
        message.setSubject("[Conformity] " + notification.subject());
        StringBuilder body = new StringBuilder(notification.text());
        if (notification.link() != null) {
            body.append("\n\n").append(stripTrailingSlash(web.publicUrl())).append(notification.link());
        }
        body.append("\n\nYour notifications: ")
                .append(stripTrailingSlash(web.publicUrl()))
                .append("/api/v1/notifications");
        message.setText(body.toString());
        return message;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
