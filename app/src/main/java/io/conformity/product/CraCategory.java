package io.conformity.product;

/**
 * Where the Cyber Resilience Act (Regulation (EU) 2024/2847) places a product with digital elements, which decides
 * the conformity-assessment procedures open to it (Article 32).
 */
public enum CraCategory {
    /** Neither in Annex III nor in Annex IV. */
    DEFAULT(null, "Product with digital elements (not listed in Annex III or IV)"),
    IMPORTANT_CLASS_I("Annex III, class I", "Important product with digital elements, class I (Annex III)"),
    IMPORTANT_CLASS_II("Annex III, class II", "Important product with digital elements, class II (Annex III)"),
    CRITICAL("Annex IV", "Critical product with digital elements (Annex IV)");

    private final String annex;
    private final String wording;

    CraCategory(String annex, String wording) {
        this.annex = annex;
        this.wording = wording;
    }

    /** The annex list the product falls under, e.g. {@code Annex III, class I}; null for a default product. */
    public String annex() {
        return annex;
    }

    /** The category as a declaration states it. */
    public String wording() {
        return wording;
    }

    public boolean listed() {
        return annex != null;
    }
}
