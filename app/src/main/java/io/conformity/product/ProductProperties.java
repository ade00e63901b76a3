package io.conformity.product;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param supportPeriodHorizon how far after today a support period may end: a later end date is far more likely a
 *                             typing error than a promise a manufacturer can keep
 * @param supportPeriodNotice  how long before a product's support period ends its compliance officers are told
 *                             (once per end date), so that they extend it or plan the end in time
 * @param supportPeriodWatch   when the support-period watch runs (a Spring cron expression, UTC; {@code -} turns it
 *                             off)
 */
@ConfigurationProperties("conformity.product")
public record ProductProperties(
        @DefaultValue("30y") Period supportPeriodHorizon,
        @DefaultValue("90d") Period supportPeriodNotice,
        @DefaultValue("0 15 2 * * *") String supportPeriodWatch) {}
