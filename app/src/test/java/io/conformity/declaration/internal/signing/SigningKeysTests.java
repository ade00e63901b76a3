package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the signing key comes from: generated on first start and loaded again, or the manufacturer's key from a
 * PKCS#12 keystore or PEM files. Keys and keystores are made at test time; none is in the repository.
 */
class SigningKeysTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private JdbcTemplate database;
    private SigningCertificates register;

    @BeforeEach
    void database() {
        database = SigningDatabases.h2();
        register = new SigningCertificates(database);
    }

    @Test
    void firstStartGeneratesAnOwnerOnlyKeyAndSelfSignedCertificateThatLaterStartsLoad() throws Exception {
        Path directory = folder.resolve("data").resolve("signing");

        SigningKeys first = new SigningKeys(SigningProperties.generated(directory), register, CLOCK);
        SigningKeys second = new SigningKeys(SigningProperties.generated(directory), register, CLOCK);

        Path key = directory.resolve(InstallationKey.KEY_FILE);
        Path certificateFile = directory.resolve(InstallationKey.CERTIFICATE_FILE);
        assertThat(key).exists();
        assertThat(certificateFile).exists();
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificateFile)))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(directory)) {
            assertThat(files).as("no temporary file left behind").hasSize(2);
        }
        assertThat(second.certificateSha256()).isEqualTo(first.certificateSha256());
        assertThat(second.privateKey().getEncoded())
                .isEqualTo(first.privateKey().getEncoded());

        X509Certificate certificate = first.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).matches("CN=Conformity installation [0-9a-f-]{36}");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(3072);
        boolean[] usage = certificate.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        for (int bit = 2; bit < usage.length; bit++) {
            assertThat(usage[bit]).as("key usage bit %d", bit).isFalse();
        }
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(3650)));
        assertThat(Files.readString(key, StandardCharsets.US_ASCII)).doesNotContain("ENCRYPTED");

        assertThat(register.isRegistered(first.certificateSha256())).isTrue();
        assertThat(database.queryForObject("select count(*) from signing_certificate", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void twoInstallationsNeverShareAKey() {
        SigningKeys one = new SigningKeys(SigningProperties.generated(folder.resolve("one")), register, CLOCK);
        SigningKeys two = new SigningKeys(SigningProperties.generated(folder.resolve("two")), register, CLOCK);

        assertThat(two.certificateSha256()).isNotEqualTo(one.certificateSha256());
        assertThat(two.certificate().getPublicKey())
                .isNotEqualTo(one.certificate().getPublicKey());
    }

    @Test
    void aKeyFileWithoutItsCertificateStopsTheStartInsteadOfReplacingTheKey() throws Exception {
        Path directory = folder.resolve("signing");
        new SigningKeys(SigningProperties.generated(directory), register, CLOCK);
        Files.delete(directory.resolve(InstallationKey.CERTIFICATE_FILE));

        assertThatThrownBy(() -> new SigningKeys(SigningProperties.generated(directory), register, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no certificate");
    }

    @Test
    void aPkcs12KeystoreIsLoadedWithItsAliasAndPasswordFile() throws Exception {
        KeyPair manufacturer = rsa();
        KeyPair other = rsa();
        X509Certificate manufacturerCertificate = certificate(manufacturer, "ACME Devices Ltd");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "keystore-secret".toCharArray();
        store.setKeyEntry("acme", manufacturer.getPrivate(), password, new Certificate[] {manufacturerCertificate});
        store.setKeyEntry(
                "other", other.getPrivate(), password, new Certificate[] {certificate(other, "Someone else")});
        Path keystore = folder.resolve("acme.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }
        Path passwordFile = Files.writeString(folder.resolve("keystore-password"), "keystore-secret\n");

        SigningKeys keys = new SigningKeys(
                properties(new SigningProperties.Keystore(keystore, null, passwordFile, "acme"), null),
                register,
                CLOCK);

        assertThat(keys.certificate()).isEqualTo(manufacturerCertificate);
        assertThat(register.isRegistered(keys.certificateSha256())).isTrue();
        assertThat(folder.resolve("signing")).doesNotExist();
        assertThatThrownBy(() -> new SigningKeys(
                        properties(new SigningProperties.Keystore(keystore, "keystore-secret", null, null), null),
                        register,
                        CLOCK))
                .hasMessageContaining("holds 2 keys");
    }

    @Test
    void pemFilesAreLoadedSignerFirstWhateverTheOrderOfTheChain() throws Exception {
        KeyPair issuer = rsa();
        KeyPair manufacturer = rsa();
        X509Certificate issuerCertificate = certificate(issuer, "ACME Issuing CA");
        X509Certificate manufacturerCertificate = certificate(manufacturer, "ACME Devices Ltd");
        Path key = Files.writeString(folder.resolve("key.pem"), PemFiles.privateKey(manufacturer.getPrivate()));
        Path chain = Files.writeString(
                folder.resolve("chain.pem"),
                PemFiles.certificates(List.of(issuerCertificate, manufacturerCertificate)));

        SigningKeys keys =
                new SigningKeys(properties(null, new SigningProperties.Pem(key, chain, null, null)), register, CLOCK);

        assertThat(keys.chain()).containsExactly(manufacturerCertificate, issuerCertificate);
    }

    @Test
    void anEncryptedPkcs8EcKeyIsLoadedWithItsPasswordAndSigns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair manufacturer = generator.generateKeyPair();
        X509Certificate certificate = certificate(manufacturer, "ACME Devices Ltd");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(
                    manufacturer.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                            .setProvider(new BouncyCastleProvider())
                            .setPassword("pem-secret".toCharArray())
                            .build()));
        }
        Path key = Files.writeString(folder.resolve("key.pem"), pem.toString());
        Path chain = Files.writeString(folder.resolve("chain.pem"), PemFiles.certificates(List.of(certificate)));

        SigningKeys keys = new SigningKeys(
                properties(null, new SigningProperties.Pem(key, chain, "pem-secret", null)), register, CLOCK);
        byte[] signed = new PadesSigner(keys, (TimeStampClient) null)
                .sign(SamplePdfs.plain(), new SignatureDetails("Jane Doe", "", "ACME Devices Ltd", "Cambridge", NOW));

        assertThat(keys.certificate()).isEqualTo(certificate);
        SignatureReport report = new PdfSignatureVerifier(register).verify(signed);
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThatThrownBy(() -> new SigningKeys(
                        properties(null, new SigningProperties.Pem(key, chain, null, null)), register, CLOCK))
                .hasMessageContaining("encrypted");
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefused() throws Exception {
        Path key = Files.writeString(folder.resolve("key.pem"), PemFiles.privateKey(rsa().getPrivate()));
        Path chain = Files.writeString(
                folder.resolve("chain.pem"), PemFiles.certificates(List.of(certificate(rsa(), "ACME Devices Ltd"))));

        assertThatThrownBy(() -> new SigningKeys(
                        properties(null, new SigningProperties.Pem(key, chain, null, null)), register, CLOCK))
                .hasMessageContaining("belongs to the private key");
    }

    @Test
    void aKeystoreAndPemFilesTogetherAreRefused() {
        assertThatThrownBy(() -> properties(
                        new SigningProperties.Keystore(folder.resolve("a.p12"), "x", null, null),
                        new SigningProperties.Pem(folder.resolve("k.pem"), folder.resolve("c.pem"), null, null)))
                .hasMessageContaining("not both");
    }

    @Test
    void passwordsStayOutOfLogsOfTheConfiguration() {
        assertThat(new SigningProperties.Keystore(folder, "keystore-secret", null, "acme").toString())
                .doesNotContain("keystore-secret");
        assertThat(new SigningProperties.Pem(folder, folder, "pem-secret", null).toString())
                .doesNotContain("pem-secret");
    }

    private SigningProperties properties(SigningProperties.Keystore keystore, SigningProperties.Pem pem) {
        return new SigningProperties(folder.resolve("signing"), keystore, pem, null, Duration.ofSeconds(5));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair keys, String name) {
        return Certificates.selfSigned(keys, name, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365));
    }
}
