package io.conformity.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where stored bytes live: {@code <directory>/sha256/ab/cd/<hash>}. */
@ConfigurationProperties("conformity.storage")
public record StorageProperties(
        @DefaultValue("./data/blobs") Path directory) {}
