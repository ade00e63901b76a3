package io.conformity.ui.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.conformity.evidence.Severity;

/**
 * Words and marks the assessment pages print for the API's codes ({@code ${@assessmentWords.words(kind)}}): a
 * severity shown in colour always has its word and a symbol too. Instants are {@link Timestamps}'.
 */
@Component("assessmentWords")
class AssessmentWords {

    /** A code such as {@code COLLECT_EVIDENCE} or {@code compliance-officer} as words: "Collect evidence". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public String severity(Severity severity) {
        return words(severity);
    }

    /** A shape per severity, so that the mark differs in more than colour. */
    public String severityMark(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "\u2716";
            case HIGH -> "\u25B2";
            case MEDIUM -> "\u25C6";
            case LOW -> "\u25BD";
            case INFO -> "\u25CB";
        };
    }

    /** The first twelve hex digits: enough to tell files apart on a page; the full hash is in the title. */
    public String shortHash(String sha256) {
        return sha256 == null || sha256.length() < 12 ? sha256 : sha256.substring(0, 12);
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
