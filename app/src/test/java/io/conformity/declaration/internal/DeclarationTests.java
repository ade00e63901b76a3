package io.conformity.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** The register entry's own rules: one way out of ISSUED, and retention under PSTI regulations 8 and 9. */
class DeclarationTests {

    static final Instant ISSUED_AT = Instant.parse("2026-12-02T10:15:30.123456789Z");
    static final Instant LATER = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void aSupersededStatementNamesItsSuccessorAndCannotBeWithdrawnOrSupersededAgain() {
        Declaration declaration = declaration(LocalDate.parse("2030-06-30"));
        UUID successor = UUID.randomUUID();
        declaration.supersede(successor, LATER);

        DeclarationView view = declaration.view();
        assertThat(view.status()).isEqualTo(DeclarationStatus.SUPERSEDED);
        assertThat(view.supersededBy()).isEqualTo(successor);
        assertThat(view.supersededAt()).isEqualTo(LATER);
        assertRefused(() -> declaration.withdraw("Recalled", "officer", LATER), "SUPERSEDED by " + successor);
        assertRefused(() -> declaration.supersede(UUID.randomUUID(), LATER), "SUPERSEDED");
    }

    @Test
    void aWithdrawnStatementKeepsWhoWhenAndWhyAndCannotBeSuperseded() {
        Declaration declaration = declaration(LocalDate.parse("2030-06-30"));
        declaration.withdraw("Default password on batch B1", "sig-1", LATER);

        DeclarationView view = declaration.view();
        assertThat(view.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
        assertThat(view.withdrawalReason()).isEqualTo("Default password on batch B1");
        assertThat(view.withdrawnBy()).isEqualTo("sig-1");
        assertThat(view.withdrawnAt()).isEqualTo(LATER);
        assertRefused(() -> declaration.supersede(UUID.randomUUID(), LATER), "WITHDRAWN");
        assertRefused(() -> declaration.withdraw("Again", "sig-1", LATER), "Default password on batch B1");
    }

    @Test
    void aStatementCannotSupersedeItself() {
        Declaration declaration = declaration(LocalDate.parse("2030-06-30"));
        assertThatThrownBy(() -> declaration.supersede(declaration.id(), LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionIsTenYearsFromIssueOrTheSupportPeriodWhicheverIsLater() {
        assertThat(declaration(LocalDate.parse("2030-06-30")).retainedUntil()).isEqualTo("2036-12-02");
        assertThat(declaration(LocalDate.parse("2040-01-31")).retainedUntil()).isEqualTo("2040-01-31");
        // Neither withdrawal nor supersession shortens it: the copy documents what was on the market.
        Declaration withdrawn = declaration(LocalDate.parse("2030-06-30"));
        withdrawn.withdraw("Recalled", "officer", LATER);
        assertThat(withdrawn.retainedUntil()).isEqualTo("2036-12-02");
    }

    @Test
    void deletionIsRefusedThroughTheLastDayOfRetentionNamingIt() {
        Declaration declaration = declaration(LocalDate.parse("2030-06-30"));
        assertThatThrownBy(() -> declaration.requireDeletable(LocalDate.parse("2036-12-02")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.DECLARATION_RETAINED);
                    assertThat(e.getMessage()).contains("2036-12-02", "2036-12-03");
                });
        declaration.requireDeletable(LocalDate.parse("2036-12-03"));
    }

    @Test
    void timesAreKeptAtTheDatabasesPrecision() {
        assertThat(declaration(LocalDate.parse("2030-06-30")).view().issuedAt())
                .isEqualTo("2026-12-02T10:15:30.123456Z");
    }

    private static void assertRefused(Runnable change, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.DECLARATION_STATE);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    private static Declaration declaration(LocalDate supportPeriodEnd) {
        return new Declaration(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "PSTI",
                new Declaration.Subject(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Acme Devices Ltd",
                        "smart plug",
                        "AC-1",
                        "1.0.0",
                        "B1",
                        supportPeriodEnd),
                "0".repeat(64),
                1234,
                ISSUED_AT);
    }
}
