package io.conformity.product.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.AnnexItem;
import io.conformity.product.CraCategory;
import io.conformity.product.SupportPeriodNotice;
import io.conformity.product.SupportStatus;

/** The product's own rules: CRA classification and the support period. */
class ProductTests {

    private static final LocalDate LATEST = LocalDate.of(2056, 12, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final AnnexItem ROUTERS = new AnnexItem(12, "Routers, modems and switches");

    @Test
    void aListedCategoryNeedsItsAnnexItemAndADefaultOneHasNone() {
        assertThatThrownBy(() -> product(CraCategory.IMPORTANT_CLASS_I, null, LocalDate.of(2032, 1, 1), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1 problem");
        assertThatThrownBy(() -> product(CraCategory.DEFAULT, ROUTERS, LocalDate.of(2032, 1, 1), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(product(CraCategory.CRITICAL, ROUTERS, LocalDate.of(2032, 1, 1), null)
                        .view()
                        .craAnnexItem())
                .isEqualTo(ROUTERS);
    }

    @Test
    void theSupportPeriodEndsAfterFirstSupplyAndWithinTheHorizon() {
        LocalDate supplied = LocalDate.of(2027, 3, 1);
        assertThatThrownBy(() -> product(CraCategory.DEFAULT, null, supplied, supplied))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> product(CraCategory.DEFAULT, null, LATEST.plusDays(1), supplied))
                .isInstanceOf(InvalidInputException.class);
        assertThat(product(CraCategory.DEFAULT, null, LATEST, supplied).view().supportPeriodEnd())
                .isEqualTo(LATEST);
    }

    @Test
    void aDeclaredSupportPeriodMayBeExtendedButNotShortened() {
        Product product = product(CraCategory.DEFAULT, null, LocalDate.of(2032, 1, 31), null);
        product.changeSupportPeriod(LocalDate.of(2031, 1, 31), null, LATEST, TODAY);
        product.supportPeriodDeclared(LocalDate.of(2031, 1, 31));
        product.supportPeriodDeclared(LocalDate.of(2030, 1, 31));
        assertThat(product.view().declaredSupportPeriodEnd()).isEqualTo(LocalDate.of(2031, 1, 31));

        assertThatThrownBy(() -> product.changeSupportPeriod(LocalDate.of(2031, 1, 30), null, LATEST, TODAY))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.SUPPORT_PERIOD_SHORTENED))
                .hasMessageContaining("2031-01-31");
        product.changeSupportPeriod(LocalDate.of(2031, 1, 31), "https://example.test/support", LATEST, TODAY);
        product.changeSupportPeriod(LocalDate.of(2035, 6, 30), null, LATEST, TODAY);
        assertThat(product.view().supportPeriodEnd()).isEqualTo(LocalDate.of(2035, 6, 30));
        assertThat(product.view().supportPeriodUrl()).isEqualTo("https://example.test/support");
    }

    @Test
    void theEndAsItStoodAtFirstSupplyIsKeptWhenItIsExtendedLater() {
        Product product = product(CraCategory.DEFAULT, null, LocalDate.of(2030, 12, 31), LocalDate.of(2026, 6, 1));
        assertThat(product.view().supportPeriodEndAtFirstSupply()).isEqualTo(LocalDate.of(2030, 12, 31));

        product.changeSupportPeriod(LocalDate.of(2032, 12, 31), null, LATEST, TODAY);
        product.changeSupportPeriod(LocalDate.of(2033, 12, 31), null, LATEST, TODAY);

        // PSTI Schedule 4 (e): the statement gives the period as it stood when the product was first supplied.
        assertThat(product.view().supportPeriodEndAtFirstSupply()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(product.view().supportPeriodEnd()).isEqualTo(LocalDate.of(2033, 12, 31));

        Product notYetSupplied =
                product(CraCategory.DEFAULT, null, LocalDate.of(2030, 12, 31), LocalDate.of(2027, 6, 1));
        notYetSupplied.changeSupportPeriod(LocalDate.of(2031, 12, 31), null, LATEST, TODAY);
        assertThat(notYetSupplied.view().supportPeriodEndAtFirstSupply()).isEqualTo(LocalDate.of(2031, 12, 31));
    }

    @Test
    void theWatchGivesEachNoticeOnceAndAnExtensionBringsTheProductBackInSupport() {
        Period notice = Period.ofDays(90);
        Product product = product(CraCategory.DEFAULT, null, LocalDate.of(2027, 3, 31), null);
        assertThat(product.watch(TODAY, notice)).as("more than 90 days left").isEmpty();
        assertThat(product.watch(LocalDate.of(2027, 1, 1), notice)).contains(SupportPeriodNotice.Kind.ENDING_SOON);
        assertThat(product.watch(LocalDate.of(2027, 1, 2), notice))
                .as("told once")
                .isEmpty();
        assertThat(product.watch(LocalDate.of(2027, 3, 31), notice))
                .as("the last day still counts")
                .isEmpty();
        assertThat(product.view().supportStatus()).isEqualTo(SupportStatus.IN_SUPPORT);

        assertThat(product.watch(LocalDate.of(2027, 4, 1), notice)).contains(SupportPeriodNotice.Kind.ENDED);
        assertThat(product.view().supportStatus()).isEqualTo(SupportStatus.OUT_OF_SUPPORT);
        assertThat(product.view().outOfSupportSince()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(product.watch(LocalDate.of(2027, 4, 2), notice)).isEmpty();

        product.changeSupportPeriod(LocalDate.of(2027, 6, 30), null, LATEST, LocalDate.of(2027, 4, 2));
        assertThat(product.view().supportStatus()).isEqualTo(SupportStatus.IN_SUPPORT);
        assertThat(product.view().outOfSupportSince()).isNull();
        assertThat(product.watch(LocalDate.of(2027, 4, 3), notice))
                .as("a new end date is told again")
                .contains(SupportPeriodNotice.Kind.ENDING_SOON);
    }

    private static Product product(CraCategory category, AnnexItem item, LocalDate end, LocalDate supplied) {
        return new Product(UUID.randomUUID(), "WR-1", "Wi-Fi router", end, null, category, item, supplied, LATEST);
    }
}
