package io.conformity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
}
