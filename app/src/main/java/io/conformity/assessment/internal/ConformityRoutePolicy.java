package io.conformity.assessment.internal;

import static io.conformity.assessment.ConformityProcedure.EU_CYBERSECURITY_CERTIFICATION;
import static io.conformity.assessment.ConformityProcedure.INTERNAL_CONTROL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.conformity.assessment.ConformityProcedure;
import io.conformity.assessment.ConformityRoute;
import io.conformity.assessment.ConformityRoute.AppliedStandard;
import io.conformity.assessment.ConformityRoute.StandardKind;
import io.conformity.problem.InvalidInputException;
import io.conformity.product.CraCategory;
import io.conformity.product.ProductView;

/**
 * Which conformity routes CRA Article 32 opens to a product of each category:
 * <ul>
 *   <li>default: internal control (module A), or any of the third-party routes;
 *   <li>important, class I (Annex III): module A only where a harmonised standard, common specification or EU
 *       cybersecurity certification (assurance level at least substantial) was applied in full; otherwise
 *       modules B + C or H (or the certification scheme itself);
 *   <li>important, class II (Annex III): modules B + C, H, or a European cybersecurity certification scheme;
 *   <li>critical (Annex IV): a European cybersecurity certification scheme.
 * </ul>
 * What each procedure itself needs (a notified body and its certificate for B + C and H, none for A) is checked
 * field by field; what the product's category allows is a separate refusal, so it can be checked again at approval
 * when the category may have changed.
 */
final class ConformityRoutePolicy {

    private ConformityRoutePolicy() {}

    /** What the procedure needs whatever the product: each missing or contradictory field, as a JSON Pointer. */
    static List<Map<String, Object>> fieldErrors(ConformityRoute route) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ConformityProcedure procedure = route.procedure();
        if (procedure.needsNotifiedBody()) {
            if (route.notifiedBody() == null) {
                errors.add(InvalidInputException.at(
                        "/notifiedBody",
                        "required for " + procedure.wording() + ": the notified body's name and four-digit number"));
            }
            if (route.certificate() == null) {
                errors.add(InvalidInputException.at(
                        "/certificate",
                        "required for " + procedure.wording()
                                + ": the reference and date of the certificate the notified body issued"));
            }
        }
        if (procedure == INTERNAL_CONTROL) {
            if (route.notifiedBody() != null) {
                errors.add(InvalidInputException.at(
                        "/notifiedBody",
                        "must be left out: no notified body takes part in internal control (module A)"));
            }
            if (route.certificate() != null) {
                errors.add(InvalidInputException.at(
                        "/certificate", "must be left out: internal control (module A) involves no certificate"));
            }
        }
        if (procedure == EU_CYBERSECURITY_CERTIFICATION) {
            if (route.certificate() == null) {
                errors.add(InvalidInputException.at(
                        "/certificate", "required for a certification scheme: the certificate's reference and date"));
            }
            boolean certified = route.standardsApplied().stream()
                    .anyMatch(s -> s.kind() == StandardKind.EU_CYBERSECURITY_CERTIFICATION && s.presumesConformity());
            if (!certified) {
                errors.add(InvalidInputException.at(
                        "/standardsApplied",
                        "must name the European cybersecurity certification scheme, applied in full at assurance"
                                + " level substantial or high"));
            }
        }
        List<AppliedStandard> standards = route.standardsApplied();
        for (int i = 0; i < standards.size(); i++) {
            AppliedStandard s = standards.get(i);
            boolean certification = s.kind() == StandardKind.EU_CYBERSECURITY_CERTIFICATION;
            if (certification && s.assuranceLevel() == null) {
                errors.add(InvalidInputException.at(
                        "/standardsApplied/" + i + "/assuranceLevel",
                        "required for a certification: BASIC, SUBSTANTIAL or HIGH"));
            }
            if (!certification && s.assuranceLevel() != null) {
                errors.add(InvalidInputException.at(
                        "/standardsApplied/" + i + "/assuranceLevel",
                        "must be left out: only a certification has an assurance level"));
            }
        }
        return errors;
    }

    /**
     * Why the product's CRA category does not allow the route, or empty when it does.
     *
     * @param route the recorded route, or null when none is
     */
    static Optional<String> refusal(ProductView product, ConformityRoute route) {
        CraCategory category = product.craCategory();
        if (route == null) {
            return Optional.of(describe(product) + "; no conformity route is recorded (CRA Article 32).");
        }
        ConformityProcedure procedure = route.procedure();
        return switch (category) {
            case DEFAULT -> Optional.empty();
            case IMPORTANT_CLASS_I ->
                procedure != INTERNAL_CONTROL || route.appliedInFull()
                        ? Optional.empty()
                        : Optional.of(describe(product)
                                + "; internal control (module A) needs a harmonised standard, common specification or"
                                + " European cybersecurity certification (assurance level substantial or high) applied in"
                                + " full, and none is recorded. Record the one applied, or a notified body's EU-type"
                                + " examination (module B) and conformity to type (module C), or full quality assurance"
                                + " (module H) (CRA Article 32).");
            case IMPORTANT_CLASS_II ->
                procedure != INTERNAL_CONTROL
                        ? Optional.empty()
                        : Optional.of(describe(product)
                                + "; internal control (module A) is not open to it: it needs EU-type examination (module"
                                + " B) and conformity to type (module C), full quality assurance (module H) or a European"
                                + " cybersecurity certification scheme (CRA Article 32).");
            case CRITICAL ->
                procedure == EU_CYBERSECURITY_CERTIFICATION
                        ? Optional.empty()
                        : Optional.of(describe(product) + "; " + procedure.wording()
                                + " is not open to it: it needs a European cybersecurity certification scheme (CRA"
                                + " Article 32).");
        };
    }

    /** "The product 'Wi-Fi router' (model WR-1) is an important product of class I (Annex III, class I, item …)". */
    static String describe(ProductView product) {
        CraCategory category = product.craCategory();
        String what = switch (category) {
            case DEFAULT -> "a product with digital elements that no CRA annex lists";
            case IMPORTANT_CLASS_I -> "an important product of class I";
            case IMPORTANT_CLASS_II -> "an important product of class II";
            case CRITICAL -> "a critical product";
        };
        String where = category.listed()
                ? " (" + category.annex()
                        + (product.craAnnexItem() == null
                                ? ""
                                : ", " + product.craAnnexItem().citation()) + ")"
                : "";
        return "The product '" + product.productType() + "' (model " + product.modelDesignation() + ") is " + what
                + where;
    }
}
