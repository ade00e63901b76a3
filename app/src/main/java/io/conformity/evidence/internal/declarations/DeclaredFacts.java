package io.conformity.evidence.internal.declarations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.evidence.internal.analysis.AnalysisContext;
import io.conformity.evidence.internal.analysis.AnalysisContext.DeclaredInterface;
import io.conformity.evidence.internal.declarations.StructuredDeclarations.Validated;

/**
 * The facts of a manufacturer's declarations that tool outputs are checked against, in the shape of
 * {@link AnalysisContext}: the network interfaces declared open and the published support-period end.
 */
public final class DeclaredFacts {

    private DeclaredFacts() {}

    /**
     * The network interfaces of an {@code interfaces} declaration that are enabled in the initialised state, keyed
     * {@code port/protocol} in lower case ({@code 18443/tcp}) as {@link AnalysisContext#declared(int, String)} looks
     * them up. Interfaces declared but disabled by default are left out: a scan that finds one open has found an
     * undeclared open port. Radio, physical and other interfaces have no port and are left out too.
     * <p>
     * {@link DeclaredInterface#justification()} is the empty string when the declaration gives none.
     *
     * @throws IllegalArgumentException if {@code declaration} is not of kind {@code interfaces}
     */
    public static Map<String, DeclaredInterface> interfaces(Validated declaration) {
        requireKind(declaration, "interfaces");
        Map<String, DeclaredInterface> declared = new LinkedHashMap<>();
        for (JsonNode entry : declaration.document().path("interfaces")) {
            if (!"network".equals(entry.path("type").asText())
                    || !entry.path("enabledByDefault").asBoolean()) {
                continue;
            }
            int port = entry.path("port").asInt();
            String protocol = entry.path("protocol").asText().toLowerCase(Locale.ROOT);
            // Validation refuses a second entry for one port, so putIfAbsent never drops a declared interface.
            declared.putIfAbsent(
                    key(port, protocol),
                    new DeclaredInterface(
                            port,
                            protocol,
                            entry.path("purpose").asText(),
                            entry.path("justification").asText("")));
        }
        return Map.copyOf(declared);
    }

    /**
     * The end date of a {@code support-period} declaration.
     *
     * @throws IllegalArgumentException if {@code declaration} is not of kind {@code support-period}
     */
    public static Optional<LocalDate> supportEnd(Validated declaration) {
        requireKind(declaration, "support-period");
        JsonNode end = declaration.document().path("endDate");
        // The schema requires it (format: date), so this is present for every validated declaration.
        return end.isTextual() ? Optional.of(LocalDate.parse(end.textValue())) : Optional.empty();
    }

    static String key(int port, String protocol) {
        return port + "/" + protocol.toLowerCase(Locale.ROOT);
    }

    private static void requireKind(Validated declaration, String kind) {
        if (!declaration.kind().equals(kind)) {
            throw new IllegalArgumentException("Expected a " + kind + " declaration, got " + declaration.kind());
        }
    }
}
