package io.conformity.identity;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start settings. There is no default password: with no account, either the operator supplies the
 * initial administrator's password (in {@code password} or, better, in {@code passwordFile}) or a one-time
 * setup link is printed.
 */
@ConfigurationProperties("conformity.identity")
public record IdentityProperties(
        @DefaultValue InitialAdmin initialAdmin,
        @DefaultValue("PT24H") Duration setupLinkValidity) {

    public record InitialAdmin(@DefaultValue("admin") String username, String password, Path passwordFile) {

        @Override
        public String toString() {
            return "InitialAdmin[username=" + username + ", passwordFile=" + passwordFile + "]";
        }
    }
}
