package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register of signing certificates on both databases the application runs on (migration V9 included). */
class SigningCertificatesTests {

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aCertificateIsRegisteredOnceWithItsFacts(String vendor) throws Exception {
        JdbcTemplate database = "H2".equals(vendor) ? SigningDatabases.h2() : SigningDatabases.postgres();
        SigningCertificates register = new SigningCertificates(database);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Instant notBefore = Instant.parse("2026-12-01T00:00:00Z");
        X509Certificate certificate = Certificates.selfSigned(
                generator.generateKeyPair(), "ACME Devices Ltd", notBefore, Duration.ofDays(365));
        String sha256 = Certificates.sha256(certificate);

        assertThat(register.isRegistered(sha256)).isFalse();
        register.register(certificate, Instant.parse("2026-12-02T10:00:00Z"));
        register.register(certificate, Instant.parse("2026-12-03T10:00:00Z"));

        assertThat(register.isRegistered(sha256)).isTrue();
        Map<String, Object> row = database.queryForMap(
                "select count(*) over () as n, subject, der, not_before, first_used_at from signing_certificate"
                        + " where sha256 = ?",
                sha256);
        assertThat(((Number) row.get("n")).intValue()).isEqualTo(1);
        assertThat(row.get("subject")).isEqualTo("CN=ACME Devices Ltd");
        assertThat((byte[]) row.get("der")).isEqualTo(certificate.getEncoded());
        assertThat(database.queryForObject(
                                "select first_used_at from signing_certificate where sha256 = ?",
                                OffsetDateTime.class,
                                sha256)
                        .toInstant())
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }
}
