package io.conformity.declaration.internal.rendering;

/** A template, style sheet or font of the templates folder is missing or wrong: an operator's mistake, not data's. */
public class DeclarationTemplateException extends RuntimeException {

    public DeclarationTemplateException(String message) {
        super(message);
    }

    public DeclarationTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
