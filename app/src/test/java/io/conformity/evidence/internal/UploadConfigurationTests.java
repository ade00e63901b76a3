package io.conformity.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.util.unit.DataSize;

import io.conformity.evidence.EvidenceProperties;
import jakarta.servlet.MultipartConfigElement;

class UploadConfigurationTests {

    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void theSpoolFolderIsCreatedAbsoluteAndOnlyTheContainersOldPartFilesAreRemoved() throws Exception {
        Path folder = Files.createDirectories(root.resolve("multipart"));
        Path crashed = old(Files.write(folder.resolve("upload_0a1b2c3d_00000001.tmp"), new byte[10]));
        Path inProgress = Files.write(folder.resolve("upload_0a1b2c3d_00000002.tmp"), new byte[10]);
        Path other = old(Files.write(folder.resolve("keep.tmp"), new byte[10]));
        Path folderNamedLikeAPart = old(Files.createDirectory(folder.resolve("upload_dir.tmp")));
        MultipartProperties multipart = new MultipartProperties();
        multipart.setLocation(folder.toString());

        MultipartConfigElement element = new UploadConfiguration()
                .multipartConfigElement(
                        new EvidenceProperties(
                                DataSize.ofMegabytes(1), "classpath:conformity/evidence-schema/evidence/"),
                        multipart);

        assertThat(Path.of(element.getLocation())).isEqualTo(folder.toAbsolutePath());
        assertThat(element.getMaxFileSize()).isEqualTo(1024 * 1024);
        assertThat(crashed).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(other).exists();
        assertThat(folderNamedLikeAPart).isDirectory();
    }

    @Test
    void aMissingFolderIsCreated() {
        Path folder = root.resolve("data").resolve("multipart");
        MultipartProperties multipart = new MultipartProperties();
        multipart.setLocation(folder.toString());

        new UploadConfiguration()
                .multipartConfigElement(
                        new EvidenceProperties(
                                DataSize.ofMegabytes(1), "classpath:conformity/evidence-schema/evidence/"),
                        multipart);

        assertThat(folder).isDirectory();
    }

    private static Path old(Path file) throws Exception {
        return Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
    }
}
