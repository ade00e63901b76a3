package io.conformity.declaration.pdf;

/**
 * A declaration template that cannot be used as written, or content that lacks a value the template requires.
 * The message names the template, the line and the placeholder or directive at fault, because the reader is
 * usually an operator who edited the template rather than a developer.
 */
public class DeclarationTemplateException extends RuntimeException {

    public DeclarationTemplateException(String message) {
        super(message);
    }

    public DeclarationTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
