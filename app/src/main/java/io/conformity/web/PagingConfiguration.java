package io.conformity.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the strict reader of list queries ({@link ListQuery}). Ordered first, whatever the order of the other
 * configurers: Spring Data's own {@code Pageable} resolver, which every other {@code Pageable} parameter still
 * gets, must never take a {@code @ListQuery Pageable}, since it silently replaces a bad page or size with its
 * default.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagingConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ListQueryArgumentResolver());
    }
}
