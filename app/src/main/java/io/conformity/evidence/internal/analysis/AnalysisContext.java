package io.conformity.evidence.internal.analysis;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the manufacturer declared, against which tool outputs are checked, and today's date.
 *
 * @param today              the date expiry and validity are judged against (from the application's clock)
 * @param declaredInterfaces the ports declared open ({@code 18443/tcp}) and each one's justification; empty when
 *                           no interfaces declaration exists yet (every open port is then undeclared)
 * @param publishedSupportEnd the support-period end date published earlier, if any
 * @param components         the purls of the release's SBOM components (vulnerabilities are matched against them)
 */
public record AnalysisContext(
        LocalDate today,
        Map<String, DeclaredInterface> declaredInterfaces,
        Optional<LocalDate> publishedSupportEnd,
        Set<String> components) {

    public AnalysisContext {
        declaredInterfaces = Map.copyOf(declaredInterfaces);
        components = Set.copyOf(components);
    }

    public static AnalysisContext of(LocalDate today) {
        return new AnalysisContext(today, Map.of(), Optional.empty(), Set.of());
    }

    public Optional<DeclaredInterface> declared(int port, String protocol) {
        return Optional.ofNullable(declaredInterfaces.get(port + "/" + protocol.toLowerCase()));
    }

    /** One declared network service: {@code justification} says why it is enabled. */
    public record DeclaredInterface(int port, String protocol, String purpose, String justification) {}
}
