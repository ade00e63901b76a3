package io.conformity.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the most any request body is read, unless its handler says otherwise with {@link BodyLimit}
 * @param publicUrl the address clients reach Conformity at (the OpenAPI description's server), never taken from a
 *     request's {@code Host} header
 */
@ConfigurationProperties("conformity.web")
public record WebProperties(@DefaultValue("256KB") DataSize maxBodySize, String publicUrl) {}
