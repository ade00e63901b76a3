package io.conformity.notification.internal;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.identity.Role;
import io.conformity.notification.Notice;
import io.conformity.notification.NotificationApi;
import io.conformity.product.SupportPeriodNotice;

/**
 * Tells a product's compliance officers what the support-period watch found, in the watch's transaction: the
 * notice is recorded as given only if they were told.
 */
@Component
class SupportPeriodNotifications {

    private final NotificationApi notifications;

    SupportPeriodNotifications(NotificationApi notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(SupportPeriodNotice notice) {
        notifications.send(Set.of(Role.COMPLIANCE_OFFICER), notice(notice));
    }

    static Notice notice(SupportPeriodNotice notice) {
        String product = notice.modelDesignation();
        String link = "/api/v1/products/" + notice.productId();
        if (notice.kind() == SupportPeriodNotice.Kind.ENDED) {
            return new Notice(
                    notice.productId(),
                    "Out of support: " + product + " (support period ended on " + notice.endsOn() + ")",
                    "The support period of " + product + " ended on " + notice.endsOn() + ". The product is now"
                            + " marked out of support: no new assessment can be opened and no declaration issued for"
                            + " it. If the manufacturer still gives security updates, extend the support period (PUT "
                            + link + "/support-period).",
                    link);
        }
        return new Notice(
                notice.productId(),
                "Support period of " + product + " ends on " + notice.endsOn(),
                "The support period of " + product + " ends on " + notice.endsOn() + ". After that day it is marked"
                        + " out of support and gets no new declarations. Extend the support period (PUT " + link
                        + "/support-period) if the manufacturer will keep giving security updates, or plan the end.",
                link);
    }
}
