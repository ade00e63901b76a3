package io.conformity.ui.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import io.conformity.notification.NotificationApi;
import io.conformity.notification.NotificationView;

/** The caller's own inbox, as the API's {@code /notifications}: every signed-in person has one. */
@Controller
class NotificationsController {

    static final int PAGE_SIZE = 20;

    private final NotificationApi notifications;

    NotificationsController(NotificationApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<NotificationView> found = notifications.mine(
                unread, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "createdAt")));
        model.addAttribute("unread", unread);
        model.addAttribute("page", found);
        model.addAttribute("items", items(found.getContent()));
        return "ui/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    ModelAndView markRead(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page) {
        notifications.markRead(id);
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/notifications")
                .queryParam("unread", unread)
                .queryParam("page", Math.max(page, 0))
                .toUriString());
    }

    /** A notification with the page its link names, if it has one. */
    public record Item(NotificationView notification, String page) {}

    static List<Item> items(List<NotificationView> notifications) {
        return notifications.stream().map(n -> new Item(n, pageOf(n.link()))).toList();
    }

    /**
     * Where a notification's API link is shown on the pages: the same path without {@code /api/v1} for the records
     * that have a page, nothing otherwise.
     */
    static String pageOf(String link) {
        if (link == null || !link.startsWith("/api/v1/")) {
            return null;
        }
        String path = link.substring("/api/v1".length());
        return path.startsWith("/tasks/") || path.startsWith("/products/") || path.startsWith("/assessments/")
                ? path
                : null;
    }
}
