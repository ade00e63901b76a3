package io.conformity.evidence.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import io.conformity.evidence.EvidenceProperties;
import io.conformity.evidence.internal.analysis.EvidenceReader;
import io.conformity.evidence.internal.declarations.StructuredDeclarations;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceReader evidenceReader() {
        return EvidenceReader.withAllAnalyzers();
    }

    @Bean
    StructuredDeclarations structuredDeclarations(ResourceLoader loader, EvidenceProperties properties) {
        return new StructuredDeclarations(loader, properties.schemas());
    }
}
