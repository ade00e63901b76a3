package io.conformity.product.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduled methods for the application; the support-period watch is the first. (Audit checkpoints
 * keep their own timer: they must run until the context closes, after the scheduler stops.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
