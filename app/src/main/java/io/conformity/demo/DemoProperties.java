package io.conformity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code conformity.demo.enabled=true} (or {@code CONFORMITY_DEMO_ENABLED=true}) seeds a sample certification. */
@ConfigurationProperties("conformity.demo")
public record DemoProperties(boolean enabled) {}
