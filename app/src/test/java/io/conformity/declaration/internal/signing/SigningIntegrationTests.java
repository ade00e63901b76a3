package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.TestInstallation;

/** The embedded default as the application starts it: its own key under the data directory, registered. */
@ConformityIntegrationTest
class SigningIntegrationTests {

    @Autowired
    SigningKeys keys;

    @Autowired
    PadesSigner signer;

    @Autowired
    PdfSignatureVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theInstallationSignsWithItsOwnRegisteredKeyKeptOwnerOnlyUnderTheDataDirectory() throws Exception {
        Path directory = TestInstallation.H2.DATA.resolve("signing");
        Path key = directory.resolve(InstallationKey.KEY_FILE);
        assertThat(key).exists();
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
        }
        assertThat(jdbc.queryForObject(
                        "select subject from signing_certificate where sha256 = ?",
                        String.class,
                        keys.certificateSha256()))
                .startsWith("CN=Conformity installation ");
        assertThat(signer.timeStamped()).isFalse();

        SignatureReport report = verifier.verify(signer.sign(
                SamplePdfs.plain(),
                new SignatureDetails("Jane Doe", "Compliance Officer", "ACME Devices Ltd", "London", Instant.now())));

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.registeredCertificate()).isTrue();
    }
}
