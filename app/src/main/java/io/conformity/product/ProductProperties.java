package io.conformity.product;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param supportPeriodHorizon how far after today a support period may end: a later end date is far more likely a
 *                             typing error than a promise a manufacturer can keep
 */
@ConfigurationProperties("conformity.product")
public record ProductProperties(@DefaultValue("30y") Period supportPeriodHorizon) {}
