package io.conformity.declaration.internal.signing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that signs declarations, and the time-stamp authority that dates the signature. With neither a keystore
 * nor PEM files, the installation generates its own key in {@code directory} on first start. Passwords are secrets:
 * they have no default and are better given as files ({@code passwordFile}, {@code keyPasswordFile}).
 *
 * @param directory where the generated installation key and certificate live (owner-only permissions)
 * @param keystore the manufacturer's key in a PKCS#12 keystore
 * @param pem the manufacturer's key as PEM files (PKCS#8 private key, certificate chain signer first)
 * @param tsaUrl an RFC 3161 time-stamp authority; with one, every signature is time-stamped (PAdES baseline-T)
 * @param tsaTimeout how long one time-stamp request may take before signing fails
 */
@ConfigurationProperties("conformity.signing")
public record SigningProperties(
        @DefaultValue("./data/signing") Path directory,
        Keystore keystore,
        Pem pem,
        URI tsaUrl,
        @DefaultValue("PT30S") Duration tsaTimeout) {

    public SigningProperties {
        if (keystore != null && pem != null) {
            throw new IllegalArgumentException(
                    "conformity.signing: configure either a keystore or PEM files for the signing key, not both");
        }
        if (tsaUrl != null && !("http".equals(tsaUrl.getScheme()) || "https".equals(tsaUrl.getScheme()))) {
            throw new IllegalArgumentException("conformity.signing.tsa-url must be an http or https URL: " + tsaUrl);
        }
    }

    /** The generated per-installation key under {@code directory}, without a time-stamp authority. */
    public static SigningProperties generated(Path directory) {
        return new SigningProperties(directory, null, null, null, Duration.ofSeconds(30));
    }

    /**
     * @param alias the key entry to use; without one, the keystore must hold exactly one key entry
     */
    public record Keystore(Path path, String password, Path passwordFile, String alias) {

        @Override
        public String toString() {
            return "Keystore[path=" + path + ", passwordFile=" + passwordFile + ", alias=" + alias + "]";
        }
    }

    /**
     * @param privateKey a PKCS#8 private key, encrypted when a key password is given
     * @param certificateChain the signer's certificate first, then its issuers
     */
    public record Pem(Path privateKey, Path certificateChain, String keyPassword, Path keyPasswordFile) {

        @Override
        public String toString() {
            return "Pem[privateKey=" + privateKey + ", certificateChain=" + certificateChain + ", keyPasswordFile="
                    + keyPasswordFile + "]";
        }
    }
}
