package io.conformity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new ThrottleProperties(5, 20, 100, 20, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(30)),
            clock);

    @Test
    void freeFailuresThenDoublingDelaysCappedAt15Minutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.signInDelay("eve", "10.0.0.1")).isEmpty();
            throttle.signInFailed("eve", "10.0.0.1");
        }
        assertThat(throttle.signInDelay("eve", "10.0.0.1")).isEmpty();
        throttle.signInFailed("eve", "10.0.0.1");
        assertThat(throttle.signInDelay("eve", "10.0.0.1")).contains(Duration.ofSeconds(2));
        // Others, and the same account elsewhere, are not held up by this pair.
        assertThat(throttle.signInDelay("bob", "10.0.0.1")).isEmpty();
        assertThat(throttle.signInDelay("eve", "10.0.0.2")).isEmpty();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(16));
            throttle.signInFailed("eve", "10.0.0.1");
        }
        assertThat(throttle.signInDelay("eve", "10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void theAccountLimitSparesAddressesTheAccountSignedInFrom() {
        throttle.signInSucceeded("eve", "10.0.0.9");
        for (int i = 0; i < 21; i++) {
            throttle.signInFailed("eve", "10.1.0." + i);
        }
        assertThat(throttle.signInDelay("eve", "10.2.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.signInDelay("eve", "10.0.0.9")).isEmpty();
    }

    @Test
    void aKeyIsForgottenAfterAnHourWithoutFailures() {
        for (int i = 0; i < 6; i++) {
            throttle.signInFailed("eve", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.signInFailed("eve", "10.0.0.1");
        assertThat(throttle.signInDelay("eve", "10.0.0.1")).isEmpty();
    }

    @Test
    void unknownTokensAreSlowedPerAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.tokenFailed("10.0.0.1");
        }
        assertThat(throttle.tokenDelay("10.0.0.1")).isEmpty();
        throttle.tokenFailed("10.0.0.1");
        assertThat(throttle.tokenDelay("10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.tokenDelay("10.0.0.2")).isEmpty();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
