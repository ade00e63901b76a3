package io.conformity.notification.internal;

import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.notification.NotificationApi;
import io.conformity.notification.NotificationView;
import io.conformity.web.ListQuery;
import io.swagger.v3.oas.annotations.Parameter;

/** The caller's own inbox: every authenticated user has one, whatever their roles; nobody reads another's. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final NotificationApi notifications;

    NotificationController(NotificationApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    PagedModel<NotificationView> mine(
            @ListQuery(sortable = "createdAt", defaultSort = "createdAt,desc") InboxQuery query) {
        return new PagedModel<>(notifications.mine(Boolean.TRUE.equals(query.unread()), query.pageable()));
    }

    record InboxQuery(
            @Parameter(description = "true: only the notifications not yet marked read")
            Boolean unread,

            Pageable pageable) {}

    /** Someone else's notification, like one that does not exist, is 404. */
    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable UUID id) {
        return notifications.markRead(id);
    }
}
