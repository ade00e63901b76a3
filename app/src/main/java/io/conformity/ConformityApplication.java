package io.conformity;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Conformity: walks one firmware release of a connected product through the UK Code of Practice /
 * ETSI EN 303 645 and issues the declaration. Each direct sub-package is one module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConformityApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConformityApplication.class, args);
    }

    /** One clock for every recorded time, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
