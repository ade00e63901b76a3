package io.conformity.evidence.internal.analysis;

import java.util.List;
import java.util.Objects;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * One thing an analyzer found in a file.
 *
 * @param code       stable, lower-case, dot-separated ({@code nmap.port.undeclared}); clients and the DMN key on it
 * @param severity   how much it weighs
 * @param provisions the requirements it bears on, never empty
 * @param message    one or two sentences a compliance officer understands, naming what was found
 * @param location   where in the file: {@code port 12323/tcp}, {@code line 14}, a JSON Pointer
 * @param purl       the package URL of the component it is about, when it is about one (matched against the
 *                   release's SBOM); else null
 */
public record Finding(
        String code, Severity severity, List<Provision> provisions, String message, String location, String purl) {

    public Finding(String code, Severity severity, List<Provision> provisions, String message, String location) {
        this(code, severity, provisions, message, location, null);
    }

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        provisions = List.copyOf(provisions);
        if (provisions.isEmpty()) {
            throw new IllegalArgumentException("A finding bears on at least one provision: " + code);
        }
    }

    Finding withMessage(String text) {
        return new Finding(code, severity, provisions, text, location, purl);
    }
}
