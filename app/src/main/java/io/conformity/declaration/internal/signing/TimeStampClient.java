package io.conformity.declaration.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 client over HTTP: asks for a token with a fresh nonce and the authority's certificate, and accepts it
 * only when it is granted for this imprint and nonce and its signature verifies with the certificate it carries.
 */
final class TimeStampClient {

    // A token with its certificate chain is a few kilobytes; a megabyte is a broken or hostile answer.
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    TimeStampClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI url() {
        return url;
    }

    /** A verified time-stamp token over a SHA-256 digest. */
    TimeStampToken timeStamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        byte[] body = post(request);
        TimeStampResponse response;
        try (ASN1InputStream in = new ASN1InputStream(body)) {
            response = new TimeStampResponse(TimeStampResp.getInstance(in.readObject()));
        } catch (IOException | TSPException | IllegalArgumentException e) {
            throw new TimeStampException(
                    "The time-stamp authority at " + url + " sent an answer that is not an RFC" + " 3161 response", e);
        }
        try {
            // Status granted, same imprint, same nonce, certificate included as asked.
            response.validate(request);
        } catch (TSPException e) {
            throw new TimeStampException(
                    "The time-stamp authority at " + url + " refused or answered wrongly: " + e.getMessage()
                            + statusText(response),
                    e);
        }
        TimeStampToken token = response.getTimeStampToken();
        verify(token);
        return token;
    }

    private static String statusText(TimeStampResponse response) {
        String text = response.getStatusString();
        return text == null
                ? " (status " + response.getStatus() + ")"
                : " (status " + response.getStatus() + ": " + text + ")";
    }

    private void verify(TimeStampToken token) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                throw new TimeStampException("The time-stamp token from " + url + " does not carry its certificate");
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(matches.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (TimeStampException e) {
            throw e;
        } catch (Exception e) {
            throw new TimeStampException("The time-stamp token from " + url + " does not verify: " + e.getMessage(), e);
        }
    }

    private byte[] post(TimeStampRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .header("Accept", "application/timestamp-reply")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new TimeStampException("The time-stamp authority at " + url + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new TimeStampException("The time-stamp authority at " + url + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException("Interrupted while waiting for the time-stamp authority at " + url, e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new TimeStampException(
                        "The time-stamp authority at " + url + " answered HTTP " + response.statusCode());
            }
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new TimeStampException(
                        "The time-stamp authority at " + url + " sent more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new TimeStampException("The answer of the time-stamp authority at " + url + " broke off: " + e, e);
        }
    }
}
