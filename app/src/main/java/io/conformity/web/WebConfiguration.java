package io.conformity.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final Environment environment;

    WebConfiguration(Environment environment) {
        this.environment = environment;
    }

    @Bean
    FilterRegistrationBean<BodyLimits.Filter> bodyLimitFilter(WebProperties properties) {
        FilterRegistrationBean<BodyLimits.Filter> registration =
                new FilterRegistrationBean<>(new BodyLimits.Filter(properties.maxBodySize()));
        // After authentication (Spring Security's chain sits at -100), before anything reads a body.
        registration.setOrder(0);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BodyLimits.Interceptor(environment));
    }
}
