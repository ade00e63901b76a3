package io.conformity.evidence.internal;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import io.conformity.evidence.EvidenceProperties;
import jakarta.servlet.MultipartConfigElement;

/**
 * The servlet container's multipart limits, derived from the evidence limit: the limit is on the file, so a file
 * of exactly {@code max-upload-size} bytes is accepted, and the request may add the multipart envelope on top.
 * Parts are written straight to disk and streamed from there, never held in memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MultipartProperties.class)
class UploadConfiguration {

    /** Boundaries, part headers and a short form field or two; the part count is bounded by the container. */
    static final DataSize ENVELOPE = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties evidence, MultipartProperties multipart) {
        long file = evidence.maxUploadSize().toBytes();
        return new MultipartConfigElement(multipart.getLocation(), file, file + ENVELOPE.toBytes(), 0);
    }
}
