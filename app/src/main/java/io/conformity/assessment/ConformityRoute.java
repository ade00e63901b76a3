package io.conformity.assessment;

import java.time.LocalDate;
import java.util.List;

import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a CRA assessment shows conformity (Article 32), as the EU declaration of conformity states it (Annex V pts 6
 * and 7): the procedure, the harmonised standards, common specifications or EU cybersecurity certifications applied,
 * and for a procedure with a notified body, that body and the certificate it issued.
 *
 * @param notifiedBody required for modules B + C and H; left out for module A
 * @param certificate  required for modules B + C and H and for a certification scheme; left out for module A
 */
public record ConformityRoute(
        @NotNull ConformityProcedure procedure,
        @Size(max = 20) List<@NotNull @Valid AppliedStandard> standardsApplied,
        @Valid NotifiedBody notifiedBody,
        @Valid Certificate certificate) {

    public ConformityRoute {
        standardsApplied = standardsApplied == null ? List.of() : List.copyOf(standardsApplied);
    }

    /** Internal control on nothing but the essential requirements themselves. */
    public static ConformityRoute internalControl() {
        return new ConformityRoute(ConformityProcedure.INTERNAL_CONTROL, List.of(), null, null);
    }

    /** Whether a standard, specification or certification (at least "substantial") covers the product in full. */
    public boolean appliedInFull() {
        return standardsApplied.stream().anyMatch(AppliedStandard::presumesConformity);
    }

    public enum StandardKind {
        HARMONISED_STANDARD("harmonised standard"),
        COMMON_SPECIFICATION("common specification"),
        EU_CYBERSECURITY_CERTIFICATION("European cybersecurity certification");

        private final String wording;

        StandardKind(String wording) {
            this.wording = wording;
        }

        public String wording() {
            return wording;
        }
    }

    /** Assurance levels of a European cybersecurity certificate; Article 32 asks for at least substantial. */
    public enum AssuranceLevel {
        BASIC,
        SUBSTANTIAL,
        HIGH
    }

    /**
     * A standard, specification or certification scheme applied.
     *
     * @param appliedInFull  false when only parts were applied (the technical documentation says which)
     * @param assuranceLevel required for a certification, left out otherwise
     */
    public record AppliedStandard(
            @NotNull StandardKind kind,
            @NotBlank @PlainText(max = 300, printed = true) String reference,
            boolean appliedInFull,
            AssuranceLevel assuranceLevel) {

        /** Applied in full, and for a certification at assurance level substantial or high. */
        public boolean presumesConformity() {
            return appliedInFull
                    && (kind != StandardKind.EU_CYBERSECURITY_CERTIFICATION
                            || (assuranceLevel != null && assuranceLevel != AssuranceLevel.BASIC));
        }

        /** "EN 18031-1:2024 (harmonised standard, applied in full)". */
        public String citation() {
            return reference + " (" + kind.wording()
                    + (assuranceLevel == null
                            ? ""
                            : ", assurance level " + assuranceLevel.name().toLowerCase())
                    + (appliedInFull ? ", applied in full" : ", applied in part") + ")";
        }
    }

    /** A notified body: its name and its four-digit identification number. */
    public record NotifiedBody(
            @NotBlank @PlainText(max = 200, printed = true) String name,

            @NotNull @Pattern(regexp = "\\d{4}", message = "must be the body's four-digit identification number")
            String number) {}

    /** The certificate the body issued: its reference and date of issue. */
    public record Certificate(
            @NotBlank @PlainText(max = 200, printed = true) String reference,
            @NotNull @PastOrPresent LocalDate date) {}
}
