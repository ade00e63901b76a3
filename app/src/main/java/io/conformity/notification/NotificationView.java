package io.conformity.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification in its recipient's inbox.
 *
 * @param link       where to look, relative to the application's address (e.g. {@code /api/v1/tasks/{id}}); may be
 *                   null
 * @param readAt     when the recipient marked it read; null while unread
 * @param emailedTo  the address an e-mail copy was sent to; null when none was (no SMTP configured, or the
 *                   recipient has no address)
 * @param emailedAt  when the mail server accepted the copy; null while not (yet) sent
 * @param emailError why the copy could not be sent; null unless sending failed
 */
public record NotificationView(
        UUID id,
        UUID productId,
        String subject,
        String text,
        String link,
        Instant createdAt,
        Instant readAt,
        String emailedTo,
        Instant emailedAt,
        String emailError) {}
