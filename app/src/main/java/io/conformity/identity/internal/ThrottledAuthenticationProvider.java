package io.conformity.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (HTTP Basic and the login form) behind {@link LoginThrottle}: a waiting account or address is
 * refused before its password is hashed, each failure is counted and published to the audit trail. Unknown users
 * and wrong passwords give the same answer (the delegate hides which, and hashes a dummy password for unknown
 * users so the timing does not tell either).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AccountService accounts;

    ThrottledAuthenticationProvider(
            DaoAuthenticationProvider delegate, LoginThrottle throttle, AccountService accounts) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        throttle.signInDelay(username, address).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        try {
            Authentication authenticated = delegate.authenticate(authentication);
            throttle.signInSucceeded(username, address);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.signInFailed(username, address);
            accounts.signInFailed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
