package io.conformity.declaration.internal.signing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** Reading and writing keys and certificates in PEM. */
final class PemFiles {

    // An instance, not a registered provider: nothing else in the JVM changes its algorithm choices because of it.
    private static final Provider BC = new BouncyCastleProvider();

    private PemFiles() {}

    /**
     * The private key in a PEM file: PKCS#8 (encrypted when a password is given) or the traditional OpenSSL form.
     */
    static PrivateKey readPrivateKey(Path file, char[] password) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(file, password);
                    return converter.getPrivateKey(
                            encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                    .setProvider(BC)
                                    .build(password)));
                }
                if (object instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(file, password);
                    return converter
                            .getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                                    .setProvider(BC)
                                    .build(password)))
                            .getPrivate();
                }
            }
            throw new IllegalStateException("No private key in " + file);
        } catch (PKCSException | OperatorCreationException | PEMException e) {
            throw new IllegalStateException("Cannot read the private key in " + file + " (wrong password?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the private key in " + file, e);
        }
    }

    private static void requirePassword(Path file, char[] password) {
        if (password == null) {
            throw new IllegalStateException("The private key in " + file + " is encrypted; configure its password");
        }
    }

    /** Every certificate in a PEM file, in file order. */
    static List<X509Certificate> readCertificates(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> certificates = new ArrayList<>();
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("No certificate in " + file);
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot read the certificates in " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificates in " + file, e);
        }
    }

    /** PKCS#8, unencrypted: the file's permissions protect it. */
    static String privateKey(PrivateKey key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String certificates(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
