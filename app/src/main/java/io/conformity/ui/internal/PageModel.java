package io.conformity.ui.internal;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.conformity.identity.IdentityApi;
import io.conformity.notification.NotificationApi;

/** What every page's header needs: who is signed in and how many notifications wait unread. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final IdentityApi identity;
    private final NotificationApi notifications;

    PageModel(IdentityApi identity, NotificationApi notifications) {
        this.identity = identity;
        this.notifications = notifications;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return identity.caller()
                .map(user -> {
                    boolean changeRequired = identity.passwordChangeRequired();
                    long unread = changeRequired
                            ? 0
                            : notifications.mine(true, PageRequest.of(0, 1)).getTotalElements();
                    return new Viewer(user, changeRequired, unread);
                })
                .orElse(null);
    }
}
