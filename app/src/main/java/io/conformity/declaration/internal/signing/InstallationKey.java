package io.conformity.declaration.internal.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a key pair and self-signed certificate of this installation alone, generated on first start
 * under the data directory and loaded again on every later start. Never a key shipped with the code, so no two
 * installations can sign for each other.
 */
final class InstallationKey {

    static final String KEY_FILE = "installation-key.pem";
    static final String CERTIFICATE_FILE = "installation-certificate.pem";
    static final Duration VALIDITY = Duration.ofDays(3653);
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(InstallationKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private InstallationKey() {}

    static LoadedKey loadOrGenerate(Path directory, Instant now) {
        Path keyFile = directory.resolve(KEY_FILE);
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        // The key is moved into place last, so a key file means a complete pair; a certificate alone is what a crash
        // during the first start leaves, and nothing was signed with it.
        if (Files.exists(keyFile)) {
            if (!Files.exists(certificateFile)) {
                throw new IllegalStateException("The installation signing key " + keyFile + " has no certificate ("
                        + certificateFile + "); restore it from a backup, or configure a key");
            }
            warnIfOthersCanRead(keyFile);
            return new LoadedKey(PemFiles.readPrivateKey(keyFile, null), PemFiles.readCertificates(certificateFile));
        }
        return generate(directory, keyFile, certificateFile, now);
    }

    private static LoadedKey generate(Path directory, Path keyFile, Path certificateFile, Instant now) {
        KeyPair keys = newKeyPair();
        UUID installation = UUID.randomUUID();
        // Valid from an hour back, so that a signing time from a clock a little behind this one is still covered.
        X509Certificate certificate = Certificates.selfSigned(
                keys, "Conformity installation " + installation, now.minus(CLOCK_SKEW), VALIDITY.plus(CLOCK_SKEW));
        try {
            createOwnerOnlyDirectory(directory);
            writeOwnerOnly(certificateFile, PemFiles.certificates(List.of(certificate)));
            writeOwnerOnly(keyFile, PemFiles.privateKey(keys.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the installation signing key in " + directory, e);
        }
        log.info(
                "Generated this installation's signing key and self-signed certificate in {} (SHA-256 {}); configure"
                        + " conformity.signing.keystore or conformity.signing.pem to sign with the manufacturer's key",
                directory,
                Certificates.sha256(certificate));
        return new LoadedKey(keys.getPrivate(), List.of(certificate));
    }

    /**
     * RSA 3072 rather than EC P-256: a regulator checks the file offline with whatever reader they have, and RSA with
     * SHA-256 is the one algorithm every PAdES validator (older Acrobat and poppler builds included) accepts; 3072 bits
     * give the 128-bit security NIST SP 800-57 asks of keys used beyond 2030. The cost, a slower one-time key
     * generation and a 384-byte signature, does not matter here.
     */
    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java platform", e);
        }
    }

    private static boolean posix(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!posix(directory)) {
            Files.createDirectories(directory);
            return;
        }
        if (!Files.isDirectory(directory)) {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        // The umask may have widened what createDirectory asked for, or the folder was made by hand.
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
    }

    /** Written to a temporary file that is owner-only from its creation, flushed to disk, then moved into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path directory = file.getParent();
        FileAttribute<?>[] attributes = posix(directory)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            if (posix(directory)) {
                Files.setPosixFilePermissions(temporary, OWNER_ONLY_FILE);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void warnIfOthersCanRead(Path keyFile) {
        try {
            if (posix(keyFile) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(keyFile))) {
                log.warn("The installation signing key {} can be read by others than its owner; chmod 600 it", keyFile);
            }
        } catch (IOException e) {
            log.warn("Cannot read the permissions of {}", keyFile, e);
        }
    }
}
