package io.conformity.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins and unknown API tokens are slowed (see {@link LoginThrottle}). After the free failures of a
 * key, each further failure makes it wait 2, 4, 8 ... seconds, at most {@code maxDelay}; a key without a failure
 * for {@code forgetAfter} starts again from nothing.
 *
 * @param perAccountAndAddress free failures of one account from one address
 * @param perAccount free failures of one account from addresses it has never signed in from
 * @param perAddress free failures from one address, whichever accounts it tries
 * @param tokensPerAddress free unknown, expired or revoked API tokens from one address
 * @param knownAddressFor how long a successful sign-in from an address exempts it from the account's own limit
 */
@ConfigurationProperties("conformity.identity.throttle")
record ThrottleProperties(
        @DefaultValue("5") int perAccountAndAddress,
        @DefaultValue("20") int perAccount,
        @DefaultValue("100") int perAddress,
        @DefaultValue("20") int tokensPerAddress,
        @DefaultValue("PT15M") Duration maxDelay,
        @DefaultValue("PT1H") Duration forgetAfter,
        @DefaultValue("P30D") Duration knownAddressFor) {}
