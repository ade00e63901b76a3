package io.conformity.validation;

import java.util.OptionalInt;

/**
 * What the issued documents can print: implemented by the module that owns the fonts (declaration), consulted by
 * {@link PlainText#printed()} so that a character no font covers is refused where it is typed, naming the field,
 * instead of printing as a blank box in a legal document.
 */
public interface PrintableCharacters {

    /** The first code point of {@code text} that nothing can print, or empty when all of it prints. */
    OptionalInt firstUnprintable(String text);
}
