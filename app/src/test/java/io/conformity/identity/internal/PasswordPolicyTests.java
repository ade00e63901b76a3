package io.conformity.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "passwordpass",
                "aaaaaaaaaaaa",
                "aaaaaaaaaaab",
                "Password1234",
                "qwertyqwerty",
                "abcdefghijkl",
                "zyxwvutsrqpo",
                "123456789012",
                "098765432109",
                "abcabcabcabc",
                "iloveyou1234",
                "short",
                "MyConformityPass",
                "has-ed-inside-it!"
            })
    void weakPasswordsAreRefused(String password) {
        assertThat(POLICY.weakness("ed", password)).as(password).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "violet kettle drums at noon",
                "pw-0b6c9a4e-1f2d-4c3b-9a8e-7d6c5b4a3f21",
                "tX9#mQ2!vL7p",
                "a-long-enough-password",
                "éééééééééééé0123456789abcdefghijklmnopqr"
            })
    void otherPasswordsPass(String password) {
        assertThat(POLICY.weakness("ed", password)).as(password).isEmpty();
    }

    @Test
    void theListHasTheCommonPasswords() {
        assertThat(POLICY.weakness("someone", "123456789012")).isPresent();
        assertThat(POLICY.weakness("someone", "baseball1234")).contains("is on the list of commonly used passwords");
    }
}
