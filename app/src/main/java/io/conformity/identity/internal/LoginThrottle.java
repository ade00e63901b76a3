package io.conformity.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password and token guessing with growing delays, never with a permanent lockout.
 *
 * <p>Keys: one account from one address (strict: a guesser at one place); one address over all accounts (a sprayer
 * trying many accounts); one account over all addresses (guessing spread over many addresses). The last two would
 * let an attacker keep an account waiting everywhere (from many addresses) or everyone behind a shared address
 * waiting, so neither applies to an address the account signed in from successfully within {@code knownAddressFor}:
 * the real user keeps signing in from their usual places while the attacker waits. No delay exceeds {@code maxDelay}, and a key is forgotten after
 * {@code forgetAfter} without a failure. Attempts refused while a delay runs are not checked and do not count, so
 * hammering does not lengthen the wait. Only failures count: successful requests never wait.
 *
 * <p>Memory is bounded the way the verification throttle's is: once a minute, keys that wait no more and have had
 * no failure for {@code forgetAfter} are dropped. Time is the application's clock.
 */
@Component
class LoginThrottle {

    private final ThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownAddresses = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    LoginThrottle(ThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the sign-in must still wait, if it must. */
    Optional<Duration> signInDelay(String username, String address) {
        Instant now = sweep();
        String account = account(username);
        boolean known = known(account, address, now);
        Duration wait = longest(
                now,
                "pair:" + account + "|" + address,
                known ? null : "address:" + address,
                known ? null : "account:" + account);
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void signInFailed(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        fail("pair:" + account + "|" + address, properties.perAccountAndAddress(), now);
        fail("address:" + address, properties.perAddress(), now);
        fail("account:" + account, properties.perAccount(), now);
    }

    void signInSucceeded(String username, String address) {
        String account = account(username);
        failures.remove("pair:" + account + "|" + address);
        knownAddresses.put(account + "|" + address, clock.instant());
    }

    Optional<Duration> tokenDelay(String address) {
        Instant now = sweep();
        Duration wait = longest(now, "token:" + address);
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void tokenFailed(String address) {
        fail("token:" + address, properties.tokensPerAddress(), clock.instant());
    }

    private Duration longest(Instant now, String... keys) {
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Failures f = key == null ? null : failures.get(key);
            if (f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now)) {
                Duration wait = Duration.between(now, f.blockedUntil());
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest;
    }

    private void fail(String key, int free, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || forgotten(f, now) ? 1 : f.count() + 1;
            // Within the free failures nothing waits: not even "until now", which a clock set back would make later.
            Instant blockedUntil = count <= free ? null : now.plus(delay(count - free));
            return new Failures(count, now, blockedUntil);
        });
    }

    /** 2^n seconds for the n-th failure past the free ones, at most {@code maxDelay}. */
    private Duration delay(int beyondFree) {
        long max = properties.maxDelay().toSeconds();
        return Duration.ofSeconds(beyondFree >= 31 ? max : Math.min(max, 1L << beyondFree));
    }

    private boolean forgotten(Failures f, Instant now) {
        return f.last().plus(properties.forgetAfter()).isBefore(now)
                && (f.blockedUntil() == null || !f.blockedUntil().isAfter(now));
    }

    private boolean known(String account, String address, Instant now) {
        Instant since = knownAddresses.get(account + "|" + address);
        return since != null && since.plus(properties.knownAddressFor()).isAfter(now);
    }

    private Instant sweep() {
        Instant now = clock.instant();
        long minute = now.toEpochMilli() / 60_000;
        if (minute != lastSweep) {
            lastSweep = minute;
            failures.values().removeIf(f -> forgotten(f, now));
            knownAddresses
                    .values()
                    .removeIf(since -> !since.plus(properties.knownAddressFor()).isAfter(now));
        }
        return now;
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}
}
