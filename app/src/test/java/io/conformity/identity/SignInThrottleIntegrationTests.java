package io.conformity.identity;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;

/**
 * Guessing is slowed, never locked out: growing delays answered with 429 and Retry-After, the right password refused
 * while a delay runs and accepted after it. Time is moved with the application's clock, not slept.
 */
@ConformityIntegrationTest
class SignInThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiftyWrongPasswordsAreSlowedAndTheRightOneWaitsForTheDelay() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        Credentials wrong = new Credentials(engineer.username(), "wrong-password-" + UUID.randomUUID());
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(api.get(wrong, "/api/v1/users/me"));
        }
        assertThat(answers.subList(0, 5)).extracting(Response::status).containsOnly(401);
        List<Response> slowed = answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(slowed).hasSizeGreaterThanOrEqualTo(40);
        assertThat(answers).extracting(Response::status).containsOnly(401, 429);
        for (Response r : slowed) {
            assertThat(assertProblem(r, 429).get("type").asText()).endsWith("too-many-requests");
            assertThat(Long.parseLong(r.headers().getFirst("Retry-After"))).isBetween(1L, 900L);
        }

        escalate(wrong, 3);
        Response refused = api.get(engineer, "/api/v1/users/me");
        assertProblem(refused, 429);
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isGreaterThanOrEqualTo(16);
        long retryAfter = Long.parseLong(refused.headers().getFirst("Retry-After"));
        clock.advance(Duration.ofSeconds(retryAfter + 1));
        api.get(engineer, "/api/v1/users/me").expect(200);

        // A success clears this address's count for the account; later failures start from the free ones again.
        for (int i = 0; i < 5; i++) {
            assertProblem(api.get(wrong, "/api/v1/users/me"), 401);
        }
        Response sixth = api.get(wrong, "/api/v1/users/me");
        assertProblem(sixth, 401);
        assertProblem(api.get(wrong, "/api/v1/users/me"), 429);
    }

    @Test
    void delaysGrowWithEachFailureAfterTheWaitAndAreCapped() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        Credentials wrong = new Credentials(engineer.username(), "wrong-password-" + UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            assertProblem(api.get(wrong, "/api/v1/users/me"), 401);
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Response slowed = api.get(wrong, "/api/v1/users/me");
            assertProblem(slowed, 429);
            long wait = Long.parseLong(slowed.headers().getFirst("Retry-After"));
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait + 1));
            assertProblem(api.get(wrong, "/api/v1/users/me"), 401);
        }
        assertThat(waits.subList(0, 5)).containsExactly(2L, 4L, 8L, 16L, 32L);
        assertThat(waits).allMatch(w -> w <= 900);
        assertThat(waits.get(waits.size() - 1)).isEqualTo(900L);
        // Never a lockout: once the wait is over the right password works.
        clock.advance(Duration.ofMinutes(16));
        api.get(engineer, "/api/v1/users/me").expect(200);
    }

    @Test
    void theLoginFormShowsTheWaitWith429() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        Browser browser = new Browser(port);
        for (int i = 0; i < 6; i++) {
            assertThat(browser.signIn(engineer.username(), "wrong-password-123456")
                            .status())
                    .isEqualTo(302);
        }
        escalate(new Credentials(engineer.username(), "wrong-password-123456"), 3);
        Response slowed = browser.signIn(engineer.username(), engineer.password());
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(slowed.text()).contains("Too many failed sign-ins");
        clock.advance(Duration.ofSeconds(Long.parseLong(slowed.headers().getFirst("Retry-After")) + 1));
        assertThat(browser.signIn(engineer.username(), engineer.password()).status())
                .isEqualTo(302);
        browser.get("/").expect(200);
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswers() {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 7; i++) {
            Response wrong = api.get(new Credentials(engineer.username(), "wrong-password-123456"), "/api/v1/tasks");
            Response unknown = api.get(new Credentials(nobody, "wrong-password-123456"), "/api/v1/tasks");
            assertThat(unknown.status()).isEqualTo(wrong.status());
            assertThat(unknown.headers().containsKey("Retry-After"))
                    .isEqualTo(wrong.headers().containsKey("Retry-After"));
            assertThat(unknown.json().get("type")).isEqualTo(wrong.json().get("type"));
        }
    }

    /**
     * Guessing one account from many addresses: each address has its own free failures, then the account's own
     * limit slows the new addresses; the user's usual address, where they signed in before, is not held up.
     */
    @Test
    void guessingFromManyAddressesDoesNotLockTheUserOutWhereTheySignedInBefore() throws IOException {
        Credentials engineer = fixtures.user("eng", "Ed", "Engineer", "ENGINEER");
        String usual = freshAddress();
        assertThat(get(usual, "/api/v1/users/me", engineer.authorization())).startsWith("HTTP/1.1 200");
        String wrong = new Credentials(engineer.username(), "wrong-password-123456").authorization();
        for (int a = 0; a < 5; a++) {
            String attacker = freshAddress();
            for (int i = 0; i < 5; i++) {
                get(attacker, "/api/v1/users/me", wrong);
            }
        }
        // 21 failures: the account limit (20) now slows addresses it has never signed in from; waiting out the
        // delays and failing again makes them long enough to look at.
        int failed = 0;
        while (failed < 3) {
            String answer = get(freshAddress(), "/api/v1/users/me", wrong);
            if (answer.startsWith("HTTP/1.1 429")) {
                clock.advance(Duration.ofSeconds(retryAfter(answer) + 1));
            } else {
                assertThat(answer).startsWith("HTTP/1.1 401");
                failed++;
            }
        }
        assertThat(get(freshAddress(), "/api/v1/users/me", engineer.authorization()))
                .startsWith("HTTP/1.1 429");
        // ... but not the user's usual one.
        assertThat(get(usual, "/api/v1/users/me", engineer.authorization())).startsWith("HTTP/1.1 200");
    }

    @Test
    void badTokensAreSlowedPerAddress() throws IOException {
        String address = freshAddress();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(get(address, "/api/v1/users/me", "Bearer cfy_" + UUID.randomUUID()));
        }
        assertThat(answers.subList(0, 20)).allMatch(a -> a.startsWith("HTTP/1.1 401"));
        assertThat(answers.get(21)).startsWith("HTTP/1.1 429").contains("Retry-After: ");
        // Another address is not affected.
        assertThat(get(freshAddress(), "/api/v1/users/me", "Bearer cfy_" + UUID.randomUUID()))
                .startsWith("HTTP/1.1 401");
        clock.advance(Duration.ofMinutes(16));
        assertThat(get(address, "/api/v1/users/me", "Bearer cfy_" + UUID.randomUUID()))
                .startsWith("HTTP/1.1 401");
    }

    private static long retryAfter(String answer) {
        for (String line : answer.split("\r\n")) {
            if (line.startsWith("Retry-After: ")) {
                return Long.parseLong(line.substring("Retry-After: ".length()).strip());
            }
        }
        throw new AssertionError("no Retry-After in " + answer);
    }

    /** A loopback address of its own (any of 127.0.0.0/8), so that per-address counts start from nothing. */
    private static String freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
    }

    /** A GET sent from the given local address; the whole answer, head and body. */
    private String get(String from, String path, String authorization) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: " + authorization
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits out each delay and fails again, so that the delay doubles: a delay of 16 s leaves a loaded machine ample
     * time for the assertions that must run within it.
     */
    private void escalate(Credentials wrong, int times) {
        int failed = 0;
        while (failed < times) {
            Response answer = api.get(wrong, "/api/v1/users/me");
            if (answer.status() == 429) {
                clock.advance(Duration.ofSeconds(Long.parseLong(answer.headers().getFirst("Retry-After")) + 1));
            } else {
                assertProblem(answer, 401);
                failed++;
            }
        }
    }
}
