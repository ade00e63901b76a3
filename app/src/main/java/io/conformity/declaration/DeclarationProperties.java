package io.conformity.declaration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the declaration templates live. The default is the copy of the top-level {@code templates/} on the
 * classpath (under a prefix other than {@code templates/}, which Thymeleaf claims); an operator may point it
 * at a {@code file:} folder to edit wording without rebuilding.
 */
@ConfigurationProperties("conformity.declaration")
public record DeclarationProperties(
        @DefaultValue("classpath:conformity/templates/") Resource templates) {}
