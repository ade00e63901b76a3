package io.conformity.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence settings.
 *
 * @param maxUploadSize the most one evidence file may hold, whatever the multipart envelope adds
 * @param schemas       where the JSON Schemas of structured declarations live ({@code index.json} and one
 *                      {@code <kind>.schema.json} each); a {@code file:} location lets an operator extend them
 */
@ConfigurationProperties("conformity.evidence")
public record EvidenceProperties(
        @DefaultValue("100MB") DataSize maxUploadSize,

        @DefaultValue("classpath:conformity/evidence-schema/evidence/")
        String schemas) {}
