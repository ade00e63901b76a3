package io.conformity.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.conformity.assessment.ConformityProcedure;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.ConformityRoute.AppliedStandard;
import io.conformity.assessment.ConformityRoute.AssuranceLevel;
import io.conformity.assessment.ConformityRoute.Certificate;
import io.conformity.assessment.ConformityRoute.NotifiedBody;
import io.conformity.assessment.ConformityRoute.StandardKind;
import io.conformity.product.AnnexItem;
import io.conformity.product.CraCategory;
import io.conformity.product.ProductView;
import io.conformity.product.SupportStatus;

/** CRA Article 32: every category against every procedure, and what each procedure needs. */
class ConformityRoutePolicyTests {

    private static final NotifiedBody BODY = new NotifiedBody("Example Notified Body GmbH", "0123");
    private static final Certificate CERTIFICATE = new Certificate("EX-2026-001", LocalDate.of(2026, 11, 2));
    private static final AppliedStandard HARMONISED_IN_FULL =
            new AppliedStandard(StandardKind.HARMONISED_STANDARD, "EN 18031-1:2024", true, null);
    private static final AppliedStandard HARMONISED_IN_PART =
            new AppliedStandard(StandardKind.HARMONISED_STANDARD, "EN 18031-1:2024", false, null);
    private static final AppliedStandard COMMON_SPECIFICATION_IN_FULL =
            new AppliedStandard(StandardKind.COMMON_SPECIFICATION, "CS 2027/1", true, null);
    private static final AppliedStandard CERTIFICATION_BASIC =
            new AppliedStandard(StandardKind.EU_CYBERSECURITY_CERTIFICATION, "EUCC", true, AssuranceLevel.BASIC);
    private static final AppliedStandard CERTIFICATION_SUBSTANTIAL =
            new AppliedStandard(StandardKind.EU_CYBERSECURITY_CERTIFICATION, "EUCC", true, AssuranceLevel.SUBSTANTIAL);
    private static final AppliedStandard CERTIFICATION_HIGH_IN_PART =
            new AppliedStandard(StandardKind.EU_CYBERSECURITY_CERTIFICATION, "EUCC", false, AssuranceLevel.HIGH);

    /** The routes an officer may record, each well-formed for its procedure. */
    enum Route {
        MODULE_A(new ConformityRoute(ConformityProcedure.INTERNAL_CONTROL, List.of(), null, null)),
        MODULE_A_HARMONISED_IN_FULL(route(ConformityProcedure.INTERNAL_CONTROL, HARMONISED_IN_FULL)),
        MODULE_A_HARMONISED_IN_PART(route(ConformityProcedure.INTERNAL_CONTROL, HARMONISED_IN_PART)),
        MODULE_A_COMMON_SPECIFICATION(route(ConformityProcedure.INTERNAL_CONTROL, COMMON_SPECIFICATION_IN_FULL)),
        MODULE_A_CERTIFICATION_BASIC(route(ConformityProcedure.INTERNAL_CONTROL, CERTIFICATION_BASIC)),
        MODULE_A_CERTIFICATION_SUBSTANTIAL(route(ConformityProcedure.INTERNAL_CONTROL, CERTIFICATION_SUBSTANTIAL)),
        MODULE_A_CERTIFICATION_IN_PART(route(ConformityProcedure.INTERNAL_CONTROL, CERTIFICATION_HIGH_IN_PART)),
        MODULES_B_C(new ConformityRoute(ConformityProcedure.EU_TYPE_EXAMINATION, List.of(), BODY, CERTIFICATE)),
        MODULE_H(new ConformityRoute(ConformityProcedure.FULL_QUALITY_ASSURANCE, List.of(), BODY, CERTIFICATE)),
        CERTIFICATION_SCHEME(new ConformityRoute(
                ConformityProcedure.EU_CYBERSECURITY_CERTIFICATION,
                List.of(CERTIFICATION_SUBSTANTIAL),
                null,
                CERTIFICATE));

        final ConformityRoute route;

        Route(ConformityRoute route) {
            this.route = route;
        }

        private static ConformityRoute route(ConformityProcedure procedure, AppliedStandard standard) {
            return new ConformityRoute(procedure, List.of(standard), null, null);
        }
    }

    private static final Map<CraCategory, Set<Route>> ALLOWED = Map.of(
            CraCategory.DEFAULT,
            Set.of(Route.values()),
            CraCategory.IMPORTANT_CLASS_I,
            Set.of(
                    Route.MODULE_A_HARMONISED_IN_FULL,
                    Route.MODULE_A_COMMON_SPECIFICATION,
                    Route.MODULE_A_CERTIFICATION_SUBSTANTIAL,
                    Route.MODULES_B_C,
                    Route.MODULE_H,
                    Route.CERTIFICATION_SCHEME),
            CraCategory.IMPORTANT_CLASS_II,
            Set.of(Route.MODULES_B_C, Route.MODULE_H, Route.CERTIFICATION_SCHEME),
            CraCategory.CRITICAL,
            Set.of(Route.CERTIFICATION_SCHEME));

    static Stream<Arguments> everyCategoryAndRoute() {
        List<Arguments> all = new ArrayList<>();
        for (CraCategory category : CraCategory.values()) {
            for (Route route : Route.values()) {
                all.add(Arguments.of(category, route, ALLOWED.get(category).contains(route)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1} allowed: {2}")
    @MethodSource("everyCategoryAndRoute")
    void article32DecidesEachCombination(CraCategory category, Route route, boolean allowed) {
        assertThat(ConformityRoutePolicy.fieldErrors(route.route))
                .as("the route is well-formed")
                .isEmpty();
        assertThat(ConformityRoutePolicy.refusal(product(category), route.route))
                .as("%s for %s", route, category)
                .matches(refusal -> refusal.isEmpty() == allowed);
    }

    @ParameterizedTest
    @EnumSource(CraCategory.class)
    void withoutARecordedRouteNothingIsAllowed(CraCategory category) {
        assertThat(ConformityRoutePolicy.refusal(product(category), null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no conformity route is recorded"));
    }

    @Test
    void theRefusalForARouterNamesTheCategoryTheItemAndWhatIsMissing() {
        assertThat(ConformityRoutePolicy.refusal(product(CraCategory.IMPORTANT_CLASS_I), Route.MODULE_A.route))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("The product 'Wi-Fi router' (model WR-1) is an important product of class I"
                                + " (Annex III, class I, item 12: Routers, modems and switches)")
                        .contains("module A")
                        .contains("harmonised standard, common specification or European cybersecurity"
                                + " certification")
                        .contains("none is recorded"));
        assertThat(ConformityRoutePolicy.refusal(product(CraCategory.CRITICAL), Route.MODULE_H.route))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("a critical product (Annex IV")
                        .contains("Full quality assurance (module H) is not open to it"));
    }

    @Test
    void thirdPartyModulesNeedTheNotifiedBodyAndItsCertificate() {
        for (ConformityProcedure procedure :
                List.of(ConformityProcedure.EU_TYPE_EXAMINATION, ConformityProcedure.FULL_QUALITY_ASSURANCE)) {
            assertThat(ConformityRoutePolicy.fieldErrors(new ConformityRoute(procedure, List.of(), null, null)))
                    .extracting(e -> e.get("pointer"))
                    .containsExactly("/notifiedBody", "/certificate");
        }
    }

    @Test
    void internalControlHasNoNotifiedBodyNorCertificate() {
        assertThat(ConformityRoutePolicy.fieldErrors(
                        new ConformityRoute(ConformityProcedure.INTERNAL_CONTROL, List.of(), BODY, CERTIFICATE)))
                .extracting(e -> e.get("pointer"))
                .containsExactly("/notifiedBody", "/certificate");
    }

    @Test
    void aCertificationSchemeNamesTheCertificationAtSubstantialOrHigh() {
        assertThat(ConformityRoutePolicy.fieldErrors(new ConformityRoute(
                        ConformityProcedure.EU_CYBERSECURITY_CERTIFICATION, List.of(CERTIFICATION_BASIC), null, null)))
                .extracting(e -> e.get("pointer"))
                .containsExactly("/certificate", "/standardsApplied");
    }

    @Test
    void onlyACertificationHasAnAssuranceLevel() {
        assertThat(ConformityRoutePolicy.fieldErrors(new ConformityRoute(
                        ConformityProcedure.INTERNAL_CONTROL,
                        List.of(
                                new AppliedStandard(StandardKind.EU_CYBERSECURITY_CERTIFICATION, "EUCC", true, null),
                                new AppliedStandard(
                                        StandardKind.HARMONISED_STANDARD,
                                        "EN 18031-1:2024",
                                        true,
                                        AssuranceLevel.HIGH)),
                        null,
                        null)))
                .extracting(e -> e.get("pointer"))
                .containsExactly("/standardsApplied/0/assuranceLevel", "/standardsApplied/1/assuranceLevel");
    }

    @Test
    void citationsSayWhatWasAppliedAndHowFar() {
        assertThat(HARMONISED_IN_FULL.citation()).isEqualTo("EN 18031-1:2024 (harmonised standard, applied in full)");
        assertThat(CERTIFICATION_HIGH_IN_PART.citation())
                .isEqualTo("EUCC (European cybersecurity certification, assurance level high, applied in part)");
    }

    private static ProductView product(CraCategory category) {
        return new ProductView(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "WR-1",
                "Wi-Fi router",
                LocalDate.of(2032, 1, 31),
                null,
                category,
                category.listed() ? new AnnexItem(12, "Routers, modems and switches") : null,
                null,
                null,
                LocalDate.of(2032, 1, 31),
                SupportStatus.IN_SUPPORT,
                null);
    }
}
