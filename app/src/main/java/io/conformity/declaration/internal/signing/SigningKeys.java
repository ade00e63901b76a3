package io.conformity.declaration.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that signs declarations: the manufacturer's, from a PKCS#12 keystore or PEM files, or else this
 * installation's own, generated on first start (see {@link InstallationKey}). Loaded once at start; its certificate is
 * recorded in the register of signing certificates so that verification recognises it even after it is replaced.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String certificateSha256;

    SigningKeys(SigningProperties properties, SigningCertificates register, Clock clock) {
        LoadedKey loaded;
        if (properties.keystore() != null) {
            loaded = fromKeystore(properties.keystore());
        } else if (properties.pem() != null) {
            loaded = fromPem(properties.pem());
        } else {
            loaded = InstallationKey.loadOrGenerate(properties.directory(), clock.instant());
        }
        X509Certificate certificate = loaded.chain().get(0);
        if (!Certificates.matches(loaded.privateKey(), certificate.getPublicKey())) {
            throw new IllegalStateException("The signing key does not belong to its certificate "
                    + certificate.getSubjectX500Principal().getName());
        }
        Certificates.signatureAlgorithm(loaded.privateKey());
        this.privateKey = loaded.privateKey();
        this.chain = loaded.chain();
        this.certificateSha256 = Certificates.sha256(certificate);
        register.register(certificate, clock.instant());
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
            log.warn(
                    "The signing certificate {} expired on {}: declarations cannot be signed until a new key is"
                            + " configured",
                    certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant());
        } else {
            log.info(
                    "Declarations are signed as {} (certificate SHA-256 {}, valid until {})",
                    certificate.getSubjectX500Principal().getName(),
                    certificateSha256,
                    certificate.getNotAfter().toInstant());
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's certificate first, then its issuers as configured. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Lower-case hex SHA-256 of the signer's certificate (DER), as the register of signing certificates keys it. */
    public String certificateSha256() {
        return certificateSha256;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    private static LoadedKey fromKeystore(SigningProperties.Keystore settings) {
        Path path = require(settings.path(), "conformity.signing.keystore.path");
        char[] password = secret(settings.password(), settings.passwordFile(), "conformity.signing.keystore.password");
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password);
            String alias = settings.alias();
            if (alias == null) {
                List<String> keyAliases = new ArrayList<>();
                for (String candidate : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(candidate)) {
                        keyAliases.add(candidate);
                    }
                }
                if (keyAliases.size() != 1) {
                    throw new IllegalStateException("The keystore " + path + " holds " + keyAliases.size() + " keys "
                            + keyAliases + "; name one in conformity.signing.keystore.alias");
                }
                alias = keyAliases.get(0);
            }
            Key key = store.getKey(alias, password == null ? new char[0] : password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("The keystore " + path + " has no private key under alias " + alias);
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new IllegalStateException("The key " + alias + " in " + path + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            return new LoadedKey(privateKey, chain);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keystore " + path + " (wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the keystore " + path, e);
        }
    }

    private static LoadedKey fromPem(SigningProperties.Pem settings) {
        Path keyFile = require(settings.privateKey(), "conformity.signing.pem.private-key");
        Path chainFile = require(settings.certificateChain(), "conformity.signing.pem.certificate-chain");
        PrivateKey key = PemFiles.readPrivateKey(
                keyFile,
                secret(settings.keyPassword(), settings.keyPasswordFile(), "conformity.signing.pem.key-password"));
        List<X509Certificate> certificates = new ArrayList<>(PemFiles.readCertificates(chainFile));
        // Signer first, whatever order the file was written in.
        X509Certificate signer = certificates.stream()
                .filter(c -> Certificates.matches(key, c.getPublicKey()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No certificate in " + chainFile + " belongs to the private key in " + keyFile));
        certificates.remove(signer);
        certificates.add(0, signer);
        return new LoadedKey(key, certificates);
    }

    private static Path require(Path path, String property) {
        if (path == null) {
            throw new IllegalStateException(property + " is not set");
        }
        return path;
    }

    private static char[] secret(String value, Path file, String property) {
        if (value != null && file != null) {
            throw new IllegalStateException("Set either " + property + " or " + property + "-file, not both");
        }
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + property + "-file " + file, e);
            }
        }
        return value == null ? null : value.toCharArray();
    }
}
