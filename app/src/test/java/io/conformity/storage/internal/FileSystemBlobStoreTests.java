package io.conformity.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.conformity.storage.BlobTooLargeException;
import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;

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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
