package io.conformity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real RFC 3161 time-stamp authority over HTTP in the test JVM, with a key and certificate (extendedKeyUsage
 * timeStamping, critical) generated at start. It can be made slow ({@link #delay(Duration)}) or failing (HTTP 500,
 * {@link #failing(boolean)}) to test what signing does when the authority is.
 */
public final class TestTimeStampAuthority implements AutoCloseable {

    /** A policy of this test authority only (an arc under the "example" private enterprise number 32473). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.32473.3161.1");

    private final HttpServer server;
    private final ExecutorService executor;
    private final X509Certificate certificate;
    private final KeyPair keys;
    private final List<X509Certificate> padding = new CopyOnWriteArrayList<>();
    private final AtomicLong serial = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean failing;

    private TestTimeStampAuthority() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        try {
            X500Name name = new X500Name("CN=Conformity test time-stamp authority");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    name,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            // RFC 3161 §2.3: the authority's certificate has exactly this extended key usage, marked critical.
            builder.addExtension(
                    Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new GeneralSecurityException("Could not set up the test time-stamp authority", e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-tsa");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    public static TestTimeStampAuthority start() {
        try {
            return new TestTimeStampAuthority();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/tsa");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** How long each answer waits before it is sent. */
    public TestTimeStampAuthority delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** While failing, every request gets HTTP 500. */
    public TestTimeStampAuthority failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    /**
     * Tokens carry {@code count} more certificates than the authority's own, as a token with a long chain does
     * (about 700 bytes each).
     */
    public TestTimeStampAuthority extraCertificates(int count) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                X500Name name = new X500Name("CN=Conformity test chain certificate " + i);
                Instant now = Instant.now();
                certificates.add(new JcaX509CertificateConverter()
                        .getCertificate(new JcaX509v3CertificateBuilder(
                                        name,
                                        BigInteger.valueOf(i + 1),
                                        Date.from(now.minus(Duration.ofDays(1))),
                                        Date.from(now.plus(Duration.ofDays(365))),
                                        name,
                                        keys.getPublic())
                                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))));
            }
            padding.clear();
            padding.addAll(certificates);
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TimeStampTokenGenerator tokenGenerator() throws Exception {
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(padding);
        generator.addCertificates(new JcaCertStore(chain));
        return generator;
    }

    /** Requests received so far, answered or not. */
    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            if (!Duration.ZERO.equals(delay)) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (failing || !"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(failing ? 500 : 405, -1);
                return;
            }
            byte[] answer;
            try {
                TimeStampRequest request = new TimeStampRequest(body);
                TimeStampResponse response = new TimeStampResponseGenerator(tokenGenerator(), TSPAlgorithms.ALLOWED)
                        .generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
                answer = response.getEncoded();
            } catch (Exception e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
