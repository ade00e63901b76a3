package io.conformity.identity;

import java.util.List;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A local account. The password is hashed at once and never stored or logged in clear. */
public record CreateUserCommand(
        @NotBlank
        @Pattern(
                regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                message = "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
        String username,

        @NotBlank @PlainText(max = 200, printed = true) String displayName,
        @PlainText(max = 200, printed = true) String function,
        @NotEmpty List<@NotNull Role> roles,

        @NotBlank @Size(min = 12, message = "must be 12 to 128 characters") @PlainText(max = 128)
        String password,

        @Email(regexp = EmailAddress.FORM, message = EmailAddress.MESSAGE) @Size(max = EmailAddress.MAX_LENGTH)
        String email) {

    /** An account without an e-mail address: notifications reach it in the inbox only. */
    public CreateUserCommand(String username, String displayName, String function, List<Role> roles, String password) {
        this(username, displayName, function, roles, password, null);
    }

    @Override
    public String toString() {
        return "CreateUserCommand[username=" + username + ", roles=" + roles + "]";
    }
}
