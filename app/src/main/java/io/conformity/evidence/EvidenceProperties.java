package io.conformity.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Upload limits: {@code maxUploadSize} is the most one evidence file may hold, whatever the multipart envelope adds. */
@ConfigurationProperties("conformity.evidence")
public record EvidenceProperties(@DefaultValue("100MB") DataSize maxUploadSize) {}
