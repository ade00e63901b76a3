package io.conformity.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration on the embedded default (H2 file database and file store in a fresh folder
 * under {@code target/}). Every class that uses it shares one cached context: a second configuration would cost
 * another 15–55 s start. Its clock is a {@link MutableClock}, so a test can move the application's time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "conformity.evidence.max-upload-size=" + TestInstallation.UPLOAD_LIMIT,
            // Issuance retries seconds apart, and a job executor that looks for due jobs often: tests wait for
            // the issuance job, and for its retries, in seconds rather than minutes.
            "conformity.workflow.issuance-retry-cycle=R3/PT1S",
            "camunda.bpm.job-execution.wait-time-in-millis=200",
            "camunda.bpm.job-execution.max-wait=1000"
        })
@ContextConfiguration(initializers = TestInstallation.H2.class)
@Import(MutableClock.Configuration.class)
public @interface ConformityIntegrationTest {}
