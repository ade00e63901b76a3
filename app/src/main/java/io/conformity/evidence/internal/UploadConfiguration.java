package io.conformity.evidence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import io.conformity.evidence.EvidenceProperties;
import jakarta.servlet.MultipartConfigElement;

/**
 * The servlet container's multipart limits, derived from the evidence limit: the limit is on the file, so a file
 * of exactly {@code max-upload-size} bytes is accepted, and the request may add the multipart envelope on top.
 * Parts are written straight to disk and streamed from there, never held in memory.
 *
 * <p>The spool folder is created here, before the container starts, as an absolute path (the container would put a
 * relative one under its own temporary folder), and the part files a crash left in it are removed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MultipartProperties.class)
class UploadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UploadConfiguration.class);

    /** Boundaries, part headers and a short form field or two; the part count is bounded by the container. */
    static final DataSize ENVELOPE = DataSize.ofKilobytes(64);

    /** How Tomcat names a spooled part ({@code DiskFileItem}). */
    static final String PART_FILES = "upload_*.tmp";

    /**
     * Tomcat reads a request body 8 KiB per call by default: at gigabytes that is a hundred thousand wake-ups. A
     * larger read buffer per connection lets an upload stream at the speed of hashing.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> largeUploadReads() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(READ_BUFFER));
            connector.setProperty("socket.rxBufSize", String.valueOf(READ_BUFFER * 4));
        });
    }

    static final int READ_BUFFER = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(EvidenceProperties evidence, MultipartProperties multipart) {
        long file = evidence.maxUploadSize().toBytes();
        String location = multipart.getLocation();
        if (StringUtils.hasText(location)) {
            Path folder = Path.of(location).toAbsolutePath().normalize();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the upload folder " + folder, e);
            }
            removeLeftovers(
                    folder,
                    Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
            location = folder.toString();
        }
        return new MultipartConfigElement(location, file, file + ENVELOPE.toBytes(), 0);
    }

    /**
     * Removes the container's part files last written before {@code before} (the start of this process), so that
     * one still being written is kept; nothing else in the folder is touched.
     *
     * @return how many were removed
     */
    static int removeLeftovers(Path folder, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, PART_FILES)) {
            for (Path part : parts) {
                BasicFileAttributes attributes =
                        Files.readAttributes(part, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()
                        && attributes.lastModifiedTime().toInstant().isBefore(before)
                        && Files.deleteIfExists(part)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Uploads: cannot remove the part files left in {}", folder, e);
        }
        if (removed > 0) {
            log.warn("Uploads: removed {} part file(s) an earlier run left in {}", removed, folder);
        } else {
            log.info("Uploads: no part file left in {}", folder);
        }
        return removed;
    }
}
