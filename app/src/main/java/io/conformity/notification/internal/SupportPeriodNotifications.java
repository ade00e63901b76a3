package io.conformity.notification.internal;

import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.notification.Notice;
import io.conformity.notification.NotificationApi;
import io.conformity.product.ProductApi;
import io.conformity.product.SupportPeriodNotice;

/**
 * Tells a product's compliance officers what the support-period watch found, in the watch's transaction: the
 * notice is recorded as given only if they were told.
 */
@Component
class SupportPeriodNotifications {

    private final NotificationApi notifications;
    private final ProductApi products;
    private final IdentityApi identity;

    SupportPeriodNotifications(NotificationApi notifications, ProductApi products, IdentityApi identity) {
        this.notifications = notifications;
        this.products = products;
        this.identity = identity;
    }

    @EventListener
    void on(SupportPeriodNotice notice) {
        List<String> members = products.memberUsernames(notice.productId());
        List<String> officers = Recipients.of(members, identity.users(members), Set.of(Role.COMPLIANCE_OFFICER));
        if (!officers.isEmpty()) {
            notifications.send(officers, notice(notice));
        }
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
