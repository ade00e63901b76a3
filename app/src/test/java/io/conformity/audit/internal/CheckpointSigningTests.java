package io.conformity.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints are signed by the installation's Ed25519 key and any change to one is detected. */
class CheckpointSigningTests {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aSignedCheckpointVerifiesAfterARoundTripThroughItsLine() {
        CheckpointKey key = CheckpointKey.in(directory);
        Checkpoint written = Checkpoint.signed(412, "ab".repeat(32), AT, key);

        Checkpoint read = Checkpoint.parse(written.line());

        assertThat(read).isEqualTo(written);
        assertThat(read.verifiedBy(key)).isTrue();
        assertThat(written.line()).startsWith("{\"at\":\"2026-12-02T10:00:00Z\",\"hash\":\"abab");
    }

    @Test
    void aChangedSequenceHashOrTimeNoLongerVerifies() {
        CheckpointKey key = CheckpointKey.in(directory);
        Checkpoint written = Checkpoint.signed(412, "ab".repeat(32), AT, key);

        assertThat(new Checkpoint(413, written.hash(), AT, written.signature()).verifiedBy(key))
                .isFalse();
        assertThat(new Checkpoint(412, "cd".repeat(32), AT, written.signature()).verifiedBy(key))
                .isFalse();
        assertThat(new Checkpoint(412, written.hash(), AT.plusSeconds(1), written.signature()).verifiedBy(key))
                .isFalse();
        assertThat(new Checkpoint(412, written.hash(), AT, "not base64!").verifiedBy(key))
                .isFalse();
    }

    @Test
    void anotherInstallationsKeyDoesNotVerify(@TempDir Path elsewhere) {
        Checkpoint written = Checkpoint.signed(7, "ab".repeat(32), AT, CheckpointKey.in(directory));

        assertThat(written.verifiedBy(CheckpointKey.in(elsewhere))).isFalse();
    }

    @Test
    void theKeyIsGeneratedOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        CheckpointKey first = CheckpointKey.in(directory);
        CheckpointKey again = CheckpointKey.in(directory);

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        Checkpoint written = Checkpoint.signed(1, "ab".repeat(32), AT, first);
        assertThat(written.verifiedBy(again)).isTrue();
        Path privateKey = directory.resolve(CheckpointKey.PRIVATE_FILE);
        if (Files.getFileStore(privateKey).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(privateKey))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CheckpointKey.PRIVATE_FILE, CheckpointKey.PUBLIC_FILE);
        }
    }
}
