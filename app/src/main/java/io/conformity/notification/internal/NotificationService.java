package io.conformity.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.identity.UserView;
import io.conformity.notification.Notice;
import io.conformity.notification.NotificationApi;
import io.conformity.notification.NotificationView;
import io.conformity.problem.NotFoundException;
import io.conformity.product.ProductApi;

@Service
@Transactional
class NotificationService implements NotificationApi {

    private final NotificationRepository notifications;
    private final IdentityApi identity;
    private final ProductApi products;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(
            NotificationRepository notifications,
            IdentityApi identity,
            ProductApi products,
            ObjectProvider<JavaMailSender> mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.identity = identity;
        this.products = products;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    // Not audited: a notification tells about a change that was audited itself; it changes nothing of the records.
    @Override
    public List<NotificationView> send(Set<Role> roles, Notice notice) {
        List<String> members = products.memberUsernames(notice.productId());
        List<UserView> accounts = identity.users(members);
        Map<String, UserView> byName =
                accounts.stream().collect(Collectors.toMap(UserView::username, Function.identity()));
        boolean mailConfigured = mail.getIfAvailable() != null;
        List<NotificationView> stored = new ArrayList<>();
        List<UUID> toMail = new ArrayList<>();
        for (String username : Recipients.of(members, accounts, roles)) {
            String emailTo = mailConfigured ? byName.get(username).email() : null;
            Notification notification = notifications.save(new Notification(username, notice, emailTo, now()));
            stored.add(notification.view());
            if (emailTo != null) {
                toMail.add(notification.id());
            }
        }
        if (!toMail.isEmpty()) {
            events.publishEvent(new NotificationsStored(List.copyOf(toMail)));
        }
        return stored;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<NotificationView> mine(boolean unreadOnly, Pageable pageable) {
        String me = identity.currentUser().username();
        return (unreadOnly
                        ? notifications.findByRecipientAndReadAtIsNull(me, pageable)
                        : notifications.findByRecipient(me, pageable))
                .map(Notification::view);
    }

    // Not audited: reading one's own inbox changes no record anyone relies on (like a mail client's read flag).
    @Override
    public NotificationView markRead(UUID id) {
        Notification notification = notifications
                .findByIdAndRecipient(id, identity.currentUser().username())
                .orElseThrow(() -> new NotFoundException("Notification", id));
        notification.markRead(now());
        return notification.view();
    }

    /** To the microsecond the database keeps, so that an answer and a later read of the same row agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
