package io.conformity.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.conformity.identity.Role;

/** The in-app inbox, and e-mail copies when SMTP is configured ({@code spring.mail.host}). */
public interface NotificationApi {

    /**
     * Puts the notice in the inbox of each member of the notice's product who holds any of {@code roles} (enabled
     * accounts only) within the caller's transaction, and e-mails a copy to each of them with an address once that
     * transaction has committed: a change rolled back tells no one. A failed e-mail is logged and recorded on the
     * notification; it never fails the caller.
     *
     * @return the notifications stored
     */
    List<NotificationView> send(Set<Role> roles, Notice notice);

    /** The caller's own notifications, in the page's order; only the unread ones when {@code unreadOnly}. */
    Page<NotificationView> mine(boolean unreadOnly, Pageable pageable);

    /**
     * Marks one of the caller's notifications read; reading it twice keeps the first time.
     *
     * @throws io.conformity.problem.NotFoundException when there is no such notification of the caller's
     */
    NotificationView markRead(UUID id);
}
