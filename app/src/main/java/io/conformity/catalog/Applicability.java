package io.conformity.catalog;

/**
 * Whether a requirement applies to a product, and if not, the generated justification naming the condition or
 * feature that is absent.
 */
public record Applicability(boolean applicable, String justification) {

    public static Applicability applies() {
        return new Applicability(true, null);
    }
}
