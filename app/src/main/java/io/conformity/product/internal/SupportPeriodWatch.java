package io.conformity.product.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.conformity.audit.Audited;
import io.conformity.product.ProductProperties;
import io.conformity.product.SupportPeriodNotice;

/**
 * The daily support-period watch: tells a product's officers once when its support period ends within the notice
 * period, and marks the product out of support once the period is over (no new assessment is opened for it then,
 * and no declaration issued). Each product is handled in a transaction of its own, so one that fails is tried again
 * the next day without holding up the others. Who is told, and how, is the notification module's business: this
 * publishes {@link SupportPeriodNotice} and nothing else.
 */
@Component
class SupportPeriodWatch {

    private static final Logger log = LoggerFactory.getLogger(SupportPeriodWatch.class);

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final ProductProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SupportPeriodWatch(
            ProductRepository products,
            ApplicationEventPublisher events,
            ProductProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.products = products;
        this.events = events;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // An annotation attribute cannot read a bean, so the cron comes from the property itself, with the same default
    // as ProductProperties.supportPeriodWatch.
    @Scheduled(cron = "${conformity.product.support-period-watch:0 15 2 * * *}", zone = "UTC")
    void scheduled() {
        run();
    }

    /**
     * Looks at every product in support whose period ends within the notice period, as of the application clock's
     * today.
     *
     * @return the notices given
     */
    List<SupportPeriodNotice> run() {
        LocalDate today = LocalDate.now(clock);
        List<SupportPeriodNotice> given = new ArrayList<>();
        for (UUID id : products.findIdsInSupportEndingBy(today.plus(properties.supportPeriodNotice()))) {
            try {
                transaction.execute(status -> watch(id, today)).ifPresent(given::add);
            } catch (RuntimeException e) {
                log.warn("Support-period watch failed for product {}; it is tried again at the next run", id, e);
            }
        }
        return given;
    }

    private Optional<SupportPeriodNotice> watch(UUID id, LocalDate today) {
        // Locked: an officer extending the period at this moment waits, and the watch sees the new end.
        Optional<Product> found = products.findForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Product product = found.get();
        return product.watch(today, properties.supportPeriodNotice()).map(kind -> {
            SupportPeriodNotice notice =
                    new SupportPeriodNotice(id, product.modelDesignation(), kind, product.supportPeriodEnd());
            events.publishEvent(Audited.of(
                    kind == SupportPeriodNotice.Kind.ENDED
                            ? "product.out-of-support"
                            : "product.support-period-ending-notified",
                    "product",
                    id.toString(),
                    Map.of("supportPeriodEnd", product.supportPeriodEnd(), "on", today)));
            events.publishEvent(notice);
            return notice;
        });
    }
}
