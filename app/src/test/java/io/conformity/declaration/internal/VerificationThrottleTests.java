package io.conformity.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import io.conformity.declaration.DeclarationProperties;
import io.conformity.problem.ProblemException;

class VerificationThrottleTests {

    private static DeclarationProperties perMinute(int limit) {
        return new DeclarationProperties(
                new ClassPathResource("conformity/templates/"),
                List.of(),
                "https://conformity.example/{id}",
                new DeclarationProperties.Verification(DataSize.ofMegabytes(1), limit));
    }

    @Test
    void eachAddressHasItsOwnAllowancePerMinute() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:30Z"), ZoneOffset.UTC);
        VerificationThrottle throttle = new VerificationThrottle(perMinute(3), clock);
        for (int i = 0; i < 3; i++) {
            throttle.acquire("192.0.2.1");
        }
        throttle.acquire("192.0.2.2");

        assertThatThrownBy(() -> throttle.acquire("192.0.2.1"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("30"));
    }

    @Test
    void aNewMinuteStartsAfresh() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:59Z"));
        VerificationThrottle throttle = new VerificationThrottle(perMinute(1), clock);
        throttle.acquire("192.0.2.1");
        assertThatThrownBy(() -> throttle.acquire("192.0.2.1")).isInstanceOf(ProblemException.class);

        clock.now = Instant.parse("2026-12-02T10:01:00Z");
        throttle.acquire("192.0.2.1");
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
