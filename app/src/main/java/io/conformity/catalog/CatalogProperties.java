package io.conformity.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog data lives: a folder holding {@code frameworks/} and {@code regimes/}. The default is the
 * copy of the top-level {@code evidence-schema/} on the classpath; an operator may point it at a {@code file:}
 * folder.
 */
@ConfigurationProperties("conformity.catalog")
public record CatalogProperties(
        @DefaultValue("classpath:conformity/evidence-schema/")
        String location) {}
