package io.conformity.identity;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** A user changing their own password: the current one proves it is them, not someone at an unlocked screen. */
public record PasswordChangeCommand(
        @NotBlank @PlainText(max = 128) String currentPassword,
        @NotBlank @PlainText(max = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeCommand[]";
    }
}
