package io.conformity.notification.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.notification.Notice;
import io.conformity.notification.NotificationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "notification")
class Notification {

    static final int SUBJECT_LIMIT = 200;
    static final int TEXT_LIMIT = 4000;
    static final int ERROR_LIMIT = 500;

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Column(name = "product_id")
    private UUID productId;

    @Column(nullable = false, length = SUBJECT_LIMIT)
    private String subject;

    @Column(name = "body", nullable = false, length = TEXT_LIMIT)
    private String text;

    @Column(length = 500)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "email_to", length = 254)
    private String emailTo;

    @Column(name = "emailed_at")
    private Instant emailedAt;

    @Column(name = "email_error", length = ERROR_LIMIT)
    private String emailError;

    protected Notification() {}

    /** @param emailTo where the e-mail copy goes; null when none is sent */
    Notification(String recipient, Notice notice, String emailTo, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.recipient = recipient;
        this.productId = notice.productId();
        this.subject = cut(oneLine(notice.subject()), SUBJECT_LIMIT);
        this.text = cut(notice.text(), TEXT_LIMIT);
        this.link = notice.link();
        this.emailTo = emailTo;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String text() {
        return text;
    }

    String link() {
        return link;
    }

    String emailTo() {
        return emailTo;
    }

    boolean emailPending() {
        return emailTo != null && emailedAt == null && emailError == null;
    }

    /** The first reading counts; marking it again changes nothing. */
    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    void emailed(Instant at) {
        emailedAt = at;
        emailError = null;
    }

    void emailFailed(String reason) {
        emailError = cut(reason == null ? "unknown error" : reason, ERROR_LIMIT);
    }

    NotificationView view() {
        return new NotificationView(
                id, productId, subject, text, link, createdAt, readAt, emailTo, emailedAt, emailError);
    }

    /** A subject is a mail header: no line breaks, or it could add headers of its own. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String cut(String value, int limit) {
        return value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }
}
