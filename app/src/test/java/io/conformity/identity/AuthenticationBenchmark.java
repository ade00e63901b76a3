package io.conformity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/**
 * Constant-rate load on an authenticated read ({@code GET /api/v1/users/me}) with a personal API token and with a
 * session cookie, and on {@code /actuator/health}, interleaved in the same run (goal from issue 9: p99 of the
 * authenticated reads within 5x health's p99). Requests leave on a fixed schedule whether or not earlier ones have
 * answered, and each latency is measured from the moment its request was due, so a slow answer that delays the
 * client counts against the server (no coordinated omission). Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Djacoco.skip=true -Dtest=AuthenticationBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.rate=100} requests a second per target, {@code -Dbenchmark.seconds=20} measured after
 * {@code -Dbenchmark.warmup=5} seconds).
 */
@Tag("benchmark")
@ConformityIntegrationTest
class AuthenticationBenchmark {

    private static final int RATE = Integer.getInteger("benchmark.rate", 100);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 5);
    private static final int WORKERS = Integer.getInteger("benchmark.workers", 32);
    private static final int SEQUENTIAL = 500;
    private static final int WARM_UP_SEQUENTIAL = 200;
    private static final int BASIC = 100;
    private static final int BASIC_WARM_UP = 20;

    @LocalServerPort
    int port;

    @Test
    void tokenAndSessionReadsAgainstHealthAtAConstantRate() throws Exception {
        ApiClient api = new ApiClient(port);
        Credentials engineer = new Fixtures(api).user("bench", "Bea Bench", "Engineer", "ENGINEER");
        String token = api.post(
                        engineer,
                        "/api/v1/users/me/tokens",
                        Map.of("name", "benchmark", "scope", "read", "lifetime", "PT1H"))
                .expect(201)
                .json()
                .get("secret")
                .asText();
        Browser browser = new Browser(port);
        assertThat(browser.signIn(engineer.username(), engineer.password()).status())
                .isEqualTo(302);
        String session = "JSESSIONID=" + browser.sessionCookie().orElseThrow().getValue();

        Map<String, HttpRequest> targets = new LinkedHashMap<>();
        targets.put("GET /actuator/health (no authentication)", request("/actuator/health", null, null));
        targets.put("GET /api/v1/users/me, API token", request("/api/v1/users/me", "Bearer " + token, null));
        targets.put("GET /api/v1/users/me, session cookie", request("/api/v1/users/me", null, session));

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<HttpRequest> requests = new ArrayList<>(targets.values());

        // One client, one request after another, the targets in turn: what each costs on an idle server.
        List<long[]> sequential = new ArrayList<>();
        requests.forEach(r -> sequential.add(new long[SEQUENTIAL]));
        for (int i = 0; i < WARM_UP_SEQUENTIAL + SEQUENTIAL; i++) {
            for (int t = 0; t < requests.size(); t++) {
                long sent = System.nanoTime();
                HttpResponse<Void> response = client.send(requests.get(t), HttpResponse.BodyHandlers.discarding());
                long latency = System.nanoTime() - sent;
                assertThat(response.statusCode()).isEqualTo(200);
                if (i >= WARM_UP_SEQUENTIAL) {
                    sequential.get(t)[i - WARM_UP_SEQUENTIAL] = latency;
                }
            }
        }

        // HTTP Basic hashes the password on every request (Argon2id): measured alone, for comparison only.
        HttpRequest basic = request("/api/v1/users/me", engineer.authorization(), null);
        long[] basicLatencies = new long[BASIC];
        for (int i = 0; i < BASIC_WARM_UP + BASIC; i++) {
            long sent = System.nanoTime();
            assertThat(client.send(basic, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
            if (i >= BASIC_WARM_UP) {
                basicLatencies[i - BASIC_WARM_UP] = System.nanoTime() - sent;
            }
        }
        Arrays.sort(basicLatencies);

        // Constant rate: request k is due at start + k * period, the targets in turn, each at RATE a second.
        // Workers take the next due request, wait for its time if it is not due yet, and measure from the due time:
        // when the server is slow and every worker is busy, the requests that leave late count their wait.
        int perTarget = RATE * (WARM_UP + SECONDS);
        long total = (long) perTarget * requests.size();
        long period = TimeUnit.SECONDS.toNanos(1) / ((long) RATE * requests.size());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long warmUpEnd = start + TimeUnit.SECONDS.toNanos(WARM_UP);
        List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
        requests.forEach(r -> latencies.add(new ConcurrentLinkedQueue<>()));
        AtomicInteger failures = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            workers.submit(() -> {
                long k;
                while ((k = next.getAndIncrement()) < total) {
                    long due = start + k * period;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int target = (int) (k % requests.size());
                    try {
                        HttpResponse<Void> response =
                                client.send(requests.get(target), HttpResponse.BodyHandlers.discarding());
                        long latency = System.nanoTime() - due;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (due >= warmUpEnd) {
                            latencies.get(target).add(latency);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(WARM_UP + SECONDS + 120, TimeUnit.SECONDS))
                .isTrue();

        System.out.printf(
                Locale.ROOT,
                "%nAuthentication, one request after another (%d per target after %d warm-up), one client:%n",
                SEQUENTIAL,
                WARM_UP_SEQUENTIAL);
        int s = 0;
        for (String name : targets.keySet()) {
            long[] sorted = sequential.get(s++).clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "  | %-40s | p50 %6.2f ms | p99 %6.2f ms |%n",
                    name,
                    millis(percentile(sorted, 0.50)),
                    millis(percentile(sorted, 0.99)));
        }
        System.out.printf(
                Locale.ROOT,
                "  | %-40s | p50 %6.2f ms | p99 %6.2f ms | (%d after %d warm-up)%n",
                "GET /api/v1/users/me, HTTP Basic",
                millis(percentile(basicLatencies, 0.50)),
                millis(percentile(basicLatencies, 0.99)),
                BASIC,
                BASIC_WARM_UP);
        System.out.printf(
                Locale.ROOT,
                "%nAuthentication at a constant rate: %d requests/s per target, %d s measured after %d s warm-up,"
                        + " interleaved, latency from each request's due time:%n",
                RATE,
                SECONDS,
                WARM_UP);
        System.out.printf(
                Locale.ROOT,
                "  | %-40s | %8s | %8s | %8s | %8s | %9s |%n",
                "",
                "requests",
                "p50",
                "p99",
                "max",
                "p99/health");
        double healthP99 = 0;
        int t = 0;
        for (String name : targets.keySet()) {
            long[] sorted = latencies.get(t++).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            double p50 = millis(percentile(sorted, 0.50));
            double p99 = millis(percentile(sorted, 0.99));
            if (healthP99 == 0) {
                healthP99 = p99;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  | %-40s | %8d | %6.2f ms | %6.2f ms | %6.1f ms | %8.1fx |%n",
                    name,
                    sorted.length,
                    p50,
                    p99,
                    millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                    p99 / healthP99);
        }
        System.out.printf(
                Locale.ROOT, "  failed or non-200 answers: %d (goal: p99 <= 5x health's p99)%n%n", failures.get());
        assertThat(failures.get()).isZero();
        assertThat(latencies).allSatisfy(l -> assertThat(l).hasSizeGreaterThan(RATE * SECONDS * 9 / 10));
    }

    private HttpRequest request(String path, String authorization, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
