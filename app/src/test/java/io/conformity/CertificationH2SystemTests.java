package io.conformity;

import java.nio.file.Path;

import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.TestInstallation;

/** The whole flow on the embedded default: H2 file database and file store in a fresh folder. */
@ConformityIntegrationTest
class CertificationH2SystemTests extends CertificationSystemTestBase {

    @Override
    Path declarationOutput() {
        return Path.of("target", "e2e", "declaration.pdf");
    }

    @Override
    Path blobDirectory() {
        return TestInstallation.H2.DATA.resolve("blobs");
    }
}
