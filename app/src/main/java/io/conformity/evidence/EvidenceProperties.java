package io.conformity.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Upload limits. The servlet multipart limit is bound to the same value in {@code application.yml}. */
@ConfigurationProperties("conformity.evidence")
public record EvidenceProperties(@DefaultValue("100MB") DataSize maxUploadSize) {
}
