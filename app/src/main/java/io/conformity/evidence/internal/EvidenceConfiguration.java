package io.conformity.evidence.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import io.conformity.evidence.EvidenceProperties;
import io.conformity.evidence.internal.analysis.EvidenceReader;
import io.conformity.evidence.internal.analysis.NmapAnalyzer;
import io.conformity.evidence.internal.analysis.SecurityTxtAnalyzer;
import io.conformity.evidence.internal.analysis.SslscanAnalyzer;
import io.conformity.evidence.internal.analysis.TestsslAnalyzer;
import io.conformity.evidence.internal.declarations.StructuredDeclarations;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    /** The analyzers, in the order they are asked whether they recognise a file. */
    @Bean
    EvidenceReader evidenceReader() {
        return new EvidenceReader(
                List.of(new NmapAnalyzer(), new TestsslAnalyzer(), new SslscanAnalyzer(), new SecurityTxtAnalyzer()));
    }

    @Bean
    StructuredDeclarations structuredDeclarations(ResourceLoader loader, EvidenceProperties properties) {
        return new StructuredDeclarations(loader, properties.schemas());
    }
}
