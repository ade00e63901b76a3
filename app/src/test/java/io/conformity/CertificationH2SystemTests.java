package io.conformity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole flow on the embedded default: H2 file database and file store in a fresh folder. */
class CertificationH2SystemTests extends CertificationSystemTestBase {

    static final Path DATA = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("conformity.data-dir", DATA::toString);
        registry.add("conformity.identity.initial-admin.password", () -> ADMIN_PASSWORD);
    }

    @Override
    Path declarationOutput() {
        return Path.of("target", "e2e", "declaration.pdf");
    }

    @Override
    Path blobDirectory() {
        return DATA.resolve("blobs");
    }

    private static Path tempDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "h2-system-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
