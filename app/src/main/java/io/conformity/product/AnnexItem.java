package io.conformity.product;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The item of the CRA annex list (Annex III class I or II, Annex IV) a product falls under, as the officer reads it
 * in the Regulation: its label (e.g. "Routers, modems intended for the connection to the internet, and switches")
 * and, where given, its number in that list. The reference this tool is built on does not give the numbered lists,
 * so the item is the officer's reference, checked for shape only.
 */
public record AnnexItem(
        @Positive @Max(99) Integer number,
        @NotBlank @PlainText(max = 300, printed = true) String label) {

    /** "item 12: Routers, …", or only the label when no number is given. */
    public String citation() {
        return number == null ? label : "item " + number + ": " + label;
    }
}
