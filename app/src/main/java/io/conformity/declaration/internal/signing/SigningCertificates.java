package io.conformity.declaration.internal.signing;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register of every certificate this installation has signed with ({@code signing_certificate}). Rows are never
 * removed: a declaration signed with a replaced key still verifies as "signed by a key registered here".
 */
@Component
class SigningCertificates {

    private final JdbcTemplate jdbc;

    SigningCertificates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the certificate unless it is already registered; safe when two instances start at once. */
    void register(X509Certificate certificate, Instant now) {
        String sha256 = Certificates.sha256(certificate);
        if (isRegistered(sha256)) {
            return;
        }
        try {
            jdbc.update(
                    "insert into signing_certificate (id, sha256, subject, not_before, not_after, der, first_used_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    sha256,
                    certificate.getSubjectX500Principal().getName(),
                    utc(certificate.getNotBefore().toInstant()),
                    utc(certificate.getNotAfter().toInstant()),
                    certificate.getEncoded(),
                    utc(now));
        } catch (DuplicateKeyException alreadyThere) {
            // Another instance registered the same certificate between the look-up and the insert.
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Certificate cannot be encoded", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    boolean isRegistered(String sha256) {
        Integer count =
                jdbc.queryForObject("select count(*) from signing_certificate where sha256 = ?", Integer.class, sha256);
        return count != null && count > 0;
    }
}
