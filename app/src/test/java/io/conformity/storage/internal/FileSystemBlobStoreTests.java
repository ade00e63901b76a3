package io.conformity.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.conformity.storage.BlobCorruptedException;
import io.conformity.storage.BlobReferences;
import io.conformity.storage.BlobTooLargeException;
import io.conformity.storage.StagedBlob;
import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;
import io.conformity.storage.VerificationReport;
import io.conformity.storage.VerificationReport.Mismatch;
import io.conformity.storage.VerificationReport.Missing;

class FileSystemBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void storesUnderTheSha256AndReadsBack() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = "Contact: mailto:security@example.test\n".getBytes(StandardCharsets.UTF_8);

        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), 1000);

        assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        assertThat(blob.size()).isEqualTo(bytes.length);
        assertThat(blob.newlyStored()).isTrue();
        try (InputStream in = store.open(blob.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(root.resolve("sha256")
                        .resolve(blob.sha256().substring(0, 2))
                        .resolve(blob.sha256().substring(2, 4))
                        .resolve(blob.sha256()))
                .exists();
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.put(new ByteArrayInputStream(bytes), 100);
        StoredBlob second = store.put(new ByteArrayInputStream(bytes), 100);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.newlyStored()).isFalse();
        assertThat(files()).hasSize(1);
    }

    @Test
    void concurrentUploadsOfTheSameBytesLeaveOneFile() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = new byte[256 * 1024];
        new Random(1).nextBytes(bytes);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StoredBlob>> uploads = IntStream.range(0, 16)
                    .mapToObj(
                            i -> (Callable<StoredBlob>) () -> store.put(new ByteArrayInputStream(bytes), bytes.length))
                    .toList();
            List<Future<StoredBlob>> results = pool.invokeAll(uploads);
            long newly = 0;
            for (Future<StoredBlob> result : results) {
                assertThat(result.get().sha256()).isEqualTo(sha256(bytes));
                newly += result.get().newlyStored() ? 1 : 0;
            }
            assertThat(newly).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).hasSize(1);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void anOversizedStreamIsRefusedAndLeavesNothing() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        assertThatThrownBy(() -> store.put(endless(), 10 * 1024 * 1024))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining("10485760");
        assertThat(files()).isEmpty();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        assertThat(store.put(new ByteArrayInputStream(new byte[100]), 100).size())
                .isEqualTo(100);
    }

    @Test
    void aFailingStreamLeavesNoPartialFile() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        InputStream broken = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.put(broken, 1_000_000)).hasRootCauseMessage("connection reset");
        assertThat(files()).isEmpty();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void onlyWellFormedHashesAreLookedUp() {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        assertThat(store.exists("../../etc/passwd")).isFalse();
        assertThat(store.open("ABC")).isEmpty();
    }

    @Test
    void aStagedBlobCanBeReadAgainAndLeavesNothingWhenClosed() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(300_000, 2);

        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), bytes.length);
        assertThat(staged.sha256()).isEqualTo(sha256(bytes));
        assertThat(staged.size()).isEqualTo(bytes.length);
        try (InputStream first = staged.open();
                InputStream second = staged.open()) {
            assertThat(first.readAllBytes()).isEqualTo(bytes);
            assertThat(second.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(incoming()).hasSize(1);
        assertThat(store.exists(staged.sha256())).isFalse();

        staged.close();
        staged.close();

        assertThat(files()).isEmpty();
        assertThat(incoming()).isEmpty();
        assertThatThrownBy(staged::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(staged::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommittedBlobStaysWhenClosedAndASecondCommitAnswersTheFirst() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(1000, 3);
        StoredBlob first;
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 1000)) {
            first = staged.commit();
            assertThat(staged.commit()).isSameAs(first);
            try (InputStream again = staged.open()) {
                assertThat(again.readAllBytes()).isEqualTo(bytes);
            }
        }
        assertThat(first).isEqualTo(new StoredBlob(sha256(bytes), 1000, true));
        assertThat(files()).hasSize(1);
        assertThat(incoming()).isEmpty();
        try (InputStream in = store.open(first.sha256(), 1000).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.size(first.sha256())).hasValue(1000);
        assertThat(store.size(sha256(new byte[1]))).isEmpty();
        assertThat(store.size("not a hash")).isEmpty();
    }

    @Test
    void anOversizedStageIsRefusedAndLeavesNothing() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(files()).isEmpty();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void concurrentCommitsOfTheSameStagedBytesStoreThemOnce() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(256 * 1024, 4);
        List<StagedBlob> staged = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            staged.add(store.stage(new ByteArrayInputStream(bytes), bytes.length));
        }
        assertThat(incoming()).hasSize(16);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<StoredBlob>> commits =
                    staged.stream().map(s -> (Callable<StoredBlob>) s::commit).toList();
            long newly = 0;
            for (Future<StoredBlob> result : pool.invokeAll(commits)) {
                assertThat(result.get().sha256()).isEqualTo(sha256(bytes));
                newly += result.get().newlyStored() ? 1 : 0;
            }
            assertThat(newly).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            staged.forEach(StagedBlob::close);
        }
        assertThat(files()).hasSize(1);
        assertThat(incoming()).isEmpty();
        try (InputStream in = store.open(sha256(bytes)).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aFlippedByteFailsTheReadAtItsEndWithoutDeliveringTheLastBytes() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(1_000_000, 5);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        flipByte(blob.sha256(), 10);

        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        try (InputStream in = store.open(blob.sha256(), bytes.length).orElseThrow()) {
            assertThatThrownBy(() -> in.transferTo(delivered))
                    .isInstanceOf(BlobCorruptedException.class)
                    .hasMessageContaining(blob.sha256())
                    .hasMessageContaining("hash to ")
                    .satisfies(e ->
                            assertThat(((BlobCorruptedException) e).sha256()).isEqualTo(blob.sha256()));
            // A response announced with the size never completes: the bytes of the failing read are held back.
            assertThat(delivered.size()).isGreaterThan(0).isLessThan(bytes.length);
            // And the stream does not pretend to end afterwards.
            assertThatThrownBy(in::read).isInstanceOf(BlobCorruptedException.class);
        }
        try (InputStream in = store.open(blob.sha256()).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BlobCorruptedException.class);
        }
        try (InputStream in = store.open(blob.sha256()).orElseThrow()) {
            // Skipping still hashes the bytes it passes.
            in.skip(bytes.length - 10);
            assertThatThrownBy(() -> in.readNBytes(100)).isInstanceOf(BlobCorruptedException.class);
        }
    }

    @Test
    void anIntactBlobReadsToItsEnd() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(700_000, 6);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        try (InputStream in = store.open(blob.sha256(), bytes.length).orElseThrow()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b = in.read();
            out.write(b);
            in.transferTo(out);
            assertThat(out.toByteArray()).isEqualTo(bytes);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[10])).isEqualTo(-1);
        }
        StoredBlob empty = store.put(new ByteArrayInputStream(new byte[0]), 10);
        try (InputStream in = store.open(empty.sha256(), 0).orElseThrow()) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aTruncatedFileIsRefusedBeforeReadingWhenItsSizeIsKnown() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(100_000, 7);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        truncate(blob.sha256(), 60_000);

        assertThatThrownBy(() -> store.open(blob.sha256(), bytes.length))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining("60000 bytes, 100000 were stored");
        try (InputStream in = store.open(blob.sha256()).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(BlobCorruptedException.class);
        }
    }

    @Test
    void aFileTruncatedWhileBeingReadFailsInsteadOfEnding() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(1_000_000, 8);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        try (InputStream in = store.open(blob.sha256(), bytes.length).orElseThrow()) {
            assertThat(in.readNBytes(1000)).hasSize(1000);
            truncate(blob.sha256(), 500_000);
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(BlobCorruptedException.class)
                    .hasMessageContaining("ends after 500000 of 1000000 bytes");
        }
    }

    @Test
    void aLongerFileFailsTooAndRecordedSizesAreNeverNegative() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(1000, 9);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        assertThatThrownBy(() -> store.open(blob.sha256(), 999))
                .isInstanceOf(BlobCorruptedException.class)
                .hasMessageContaining("1000 bytes, 999 were stored");
        assertThatThrownBy(() -> store.open(blob.sha256(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.open(sha256(new byte[3]), 3)).isEmpty();
    }

    @Test
    void aNewUploadOfTheSameBytesRestoresACorruptedBlob() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] bytes = random(50_000, 10);
        StoredBlob blob = store.put(new ByteArrayInputStream(bytes), bytes.length);
        flipByte(blob.sha256(), 0);

        StoredBlob again = store.put(new ByteArrayInputStream(bytes), bytes.length);

        assertThat(again.newlyStored()).isTrue();
        try (InputStream in = store.open(blob.sha256(), bytes.length).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(files()).hasSize(1);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void verificationFindsAChangedBlobAndTheMissingOnes() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        byte[] intact = random(40_000, 11);
        byte[] damaged = random(30_000, 12);
        StoredBlob kept = store.put(new ByteArrayInputStream(intact), intact.length);
        StoredBlob changed = store.put(new ByteArrayInputStream(damaged), damaged.length);
        flipByte(changed.sha256(), 29_999);
        byte[] afterFlip = Files.readAllBytes(pathOf(changed.sha256()));
        // A stray file is neither a blob nor counted.
        Files.writeString(root.resolve("sha256").resolve("README"), "not a blob");
        String lost = sha256("lost".getBytes(StandardCharsets.UTF_8));
        String lostByBoth = sha256("lost by both".getBytes(StandardCharsets.UTF_8));

        VerificationReport report = store.verifyAll(List.of(
                references("evidence", kept.sha256(), changed.sha256(), lost, lostByBoth),
                references("declaration", lostByBoth)));

        assertThat(report.checkedBlobs()).isEqualTo(2);
        assertThat(report.checkedBytes()).isEqualTo(70_000);
        assertThat(report.mismatched()).containsExactly(new Mismatch(changed.sha256(), sha256(afterFlip)));
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.missing())
                .containsExactlyInAnyOrder(
                        new Missing(lost, List.of("evidence")),
                        new Missing(lostByBoth, List.of("declaration", "evidence")));
        assertThat(report.intact()).isFalse();
        assertThat(report.finishedAt()).isAfterOrEqualTo(report.startedAt());
    }

    @Test
    void verificationOfAnIntactStoreReportsNothing() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root));
        StoredBlob blob = store.put(new ByteArrayInputStream(random(10, 13)), 10);
        VerificationReport report = store.verifyAll(List.of(references("evidence", blob.sha256())));
        assertThat(report.checkedBlobs()).isEqualTo(1);
        assertThat(report.intact()).isTrue();
    }

    @Test
    void partialUploadsAnEarlierRunLeftAreRemovedAtStart() throws Exception {
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path crashed = Files.write(incoming.resolve("upload-1.part"), new byte[100]);
        Files.setLastModifiedTime(crashed, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path notOurs = Files.write(incoming.resolve("notes.txt"), new byte[1]);
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        // Written since this process started: an upload in progress (another instance's, say), kept.
        Path inProgress = Files.write(incoming.resolve("upload-2.part"), new byte[100]);

        new FileSystemBlobStore(new StorageProperties(root));

        assertThat(crashed).doesNotExist();
        assertThat(notOurs).exists();
        assertThat(inProgress).exists();
    }

    /** An input that never ends, so the limit, not the content, stops the copy. */
    private static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
    }

    private List<Path> files() throws IOException {
        Path hashes = root.resolve("sha256");
        if (!Files.exists(hashes)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(hashes)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> incoming() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve("incoming"))) {
            return list.toList();
        }
    }

    private static BlobReferences references(String owner, String... hashes) {
        return new BlobReferences() {
            @Override
            public String owner() {
                return owner;
            }

            @Override
            public Stream<String> referencedHashes() {
                return Set.of(hashes).stream();
            }
        };
    }

    private Path pathOf(String sha256) {
        return root.resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private void flipByte(String sha256, int position) throws IOException {
        Path file = pathOf(sha256);
        byte[] bytes = Files.readAllBytes(file);
        bytes[position] ^= 0x01;
        Files.write(file, bytes);
    }

    private void truncate(String sha256, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
