package io.conformity.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail copies of notifications. The SMTP server itself is Spring Boot's {@code spring.mail.*} (host, port,
 * username, password, {@code properties.mail.smtp.starttls.enable}); without {@code spring.mail.host} notifications
 * reach the inbox only.
 *
 * @param from the sender address of the e-mails; required when {@code spring.mail.host} is set (no default: a made-up
 *     sender is rejected by many servers and looks like spam)
 */
@ConfigurationProperties("conformity.notification")
public record NotificationProperties(String from) {}
