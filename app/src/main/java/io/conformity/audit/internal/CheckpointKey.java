package io.conformity.audit.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-installation Ed25519 key that signs checkpoints (the JDK's own implementation). Generated on first use in
 * the checkpoint directory: the private key readable by its owner only, the public key beside it.
 */
final class CheckpointKey {

    static final String PRIVATE_FILE = "checkpoint-signing.key";
    static final String PUBLIC_FILE = "checkpoint-signing.pub";
    private static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code directory}, generated there first if there is none. */
    static CheckpointKey in(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_FILE);
        Path publicFile = directory.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(privateFile)) {
                generate(directory, privateFile, publicFile);
            }
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            return new CheckpointKey(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The audit checkpoint key in " + directory + " cannot be read or created", e);
        }
    }

    private static void generate(Path directory, Path privateFile, Path publicFile)
            throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Path publicTemp = Files.createTempFile(directory, PUBLIC_FILE, ".tmp");
        Files.write(publicTemp, pair.getPublic().getEncoded());
        Files.move(publicTemp, publicFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path privateTemp = ownerOnly(Files.createTempFile(directory, PRIVATE_FILE, ".tmp"));
        Files.write(privateTemp, pair.getPrivate().getEncoded());
        try {
            // Another node sharing the directory may have won: its key then stands, this one is dropped.
            Files.move(privateTemp, privateFile, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "Generated the audit checkpoint key {} (public key SHA-256 {}); keep a copy of the public key"
                            + " away from this host",
                    privateFile,
                    fingerprint(pair.getPublic()));
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(privateTemp);
        }
    }

    // Before anything is written into it: the private key is never readable by others, not even for a moment.
    private static Path ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    boolean verify(byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String fingerprint() {
        return fingerprint(publicKey);
    }

    private static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
