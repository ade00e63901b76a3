package io.conformity.declaration.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.conformity.declaration.DeclarationProperties;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/**
 * Verification is open to anyone and parses untrusted PDFs, so each client address gets a fixed number per minute.
 * Windows are kept only for addresses seen in the current minute, which bounds the memory an attacker can make it
 * hold to one entry per address per minute.
 */
@Component
class VerificationThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long currentMinute = -1;

    VerificationThrottle(DeclarationProperties properties, Clock clock) {
        this.perMinute = properties.verification().perMinute();
        this.clock = clock;
    }

    /** Counts one verification by the address; 429 with the seconds to wait when its minute is used up. */
    void acquire(String address) {
        long minute = clock.millis() / WINDOW.toMillis();
        if (minute != currentMinute) {
            // Once a minute, not on every call: the map holds only the addresses seen in the current minute.
            currentMinute = minute;
            windows.values().removeIf(w -> w.minute() != minute);
        }
        Window window = windows.compute(
                address, (key, w) -> w == null || w.minute() != minute ? new Window(minute, 1) : w.plusOne());
        if (window.count() > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * WINDOW.toMillis() - clock.millis() + 999) / 1000);
            ProblemException tooMany = new ProblemException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "At most " + perMinute + " verifications a minute from one address; try again in " + retryAfter
                            + " s.",
                    Map.of("retryAfterSeconds", retryAfter));
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            throw tooMany;
        }
    }

    private record Window(long minute, int count) {
        Window plusOne() {
            return new Window(minute, count + 1);
        }
    }
}
