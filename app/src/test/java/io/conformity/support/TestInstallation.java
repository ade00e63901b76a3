package io.conformity.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a test installation is made of: a fresh data folder, an operator-supplied admin secret and, for the shared
 * H2 installation, an SMTP server.
 */
public final class TestInstallation {

    public static final String UPLOAD_LIMIT = "1MB";
    public static final long UPLOAD_LIMIT_BYTES = 1024 * 1024;
    public static final String ADMIN_USERNAME = "admin";
    /** Generated per run: no password is written down anywhere. */
    public static final String ADMIN_PASSWORD = "initial-" + UUID.randomUUID();

    private TestInstallation() {}

    public static Path newDataDirectory(String prefix) {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared H2 installation. */
    public static final class H2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        public static final Path DATA = newDataDirectory("h2-installation-");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            // Notifications are e-mailed to the JVM's test SMTP server, as an installation with SMTP does.
            TestMailServer mail = TestMailServer.instance();
            TestPropertyValues.of(
                            "conformity.data-dir=" + DATA,
                            "conformity.identity.initial-admin.password=" + ADMIN_PASSWORD,
                            "spring.mail.host=" + mail.host(),
                            "spring.mail.port=" + mail.port(),
                            "conformity.notification.from=" + TestMailServer.FROM)
                    .applyTo(context);
        }
    }
}
