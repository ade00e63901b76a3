package io.conformity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration on the embedded default (H2 file database and file store in a fresh folder
 * under {@code target/}). Every class that uses it shares one cached context: a second configuration would cost
 * another 15–55 s start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conformity.evidence.max-upload-size=" + TestInstallation.UPLOAD_LIMIT)
@ContextConfiguration(initializers = TestInstallation.H2.class)
public @interface ConformityIntegrationTest {}
