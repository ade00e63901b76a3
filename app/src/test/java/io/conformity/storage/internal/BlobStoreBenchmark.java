package io.conformity.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.management.ThreadMXBean;

import io.conformity.storage.StagedBlob;
import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;
import io.conformity.storage.VerificationReport;

/**
 * Upload, download and verification throughput and memory of the blob store, against {@code openssl dgst -sha256}
 * on the same file in the same run. Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Dtest=BlobStoreBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints figures; asserts only that staging allocates next to nothing and that a small heap can store, re-read and
 * verify a file far larger than itself.
 */
@Tag("benchmark")
class BlobStoreBenchmark {

    private static final long SIZE = 1024L * 1024 * 1024;
    private static final int ROUNDS = 3;

    @Test
    void throughputAndMemory() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        Path input = dir.resolve("input.bin");
        writeRandom(input, SIZE);
        Path root = Files.createTempDirectory(dir, "store-");
        FileSystemBlobStore blobs = new FileSystemBlobStore(new StorageProperties(root));

        double openssl = best(() -> run("openssl", "dgst", "-sha256", input.toString()));
        double digestOnly = best(() -> {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[FileSystemBlobStore.BUFFER];
            try (InputStream in = Files.newInputStream(input)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    digest.update(buffer, 0, read);
                }
            }
        });
        double previousPut = best(() -> previousPut(input, dir.resolve("previous.part")));
        double stage = best(() -> {
            try (InputStream in = Files.newInputStream(input);
                    StagedBlob staged = blobs.stage(in, Long.MAX_VALUE)) {
                assertThat(staged.size()).isEqualTo(SIZE);
            }
        });
        List<Double> commits = new ArrayList<>();
        String[] sha256 = new String[1];
        double stageAndCommit = best(() -> {
            deleteTree(root.resolve("sha256"));
            try (InputStream in = Files.newInputStream(input);
                    StagedBlob staged = blobs.stage(in, Long.MAX_VALUE)) {
                long start = System.nanoTime();
                StoredBlob stored = staged.commit();
                commits.add((System.nanoTime() - start) / 1e9);
                assertThat(stored.newlyStored()).isTrue();
                sha256[0] = stored.sha256();
            }
        });
        double commit = commits.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double verifiedRead = best(() -> {
            try (InputStream in = blobs.open(sha256[0], SIZE).orElseThrow()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        double verifyAll = best(() -> {
            VerificationReport report = blobs.verifyAll(List.of());
            assertThat(report.intact()).isTrue();
            assertThat(report.checkedBytes()).isEqualTo(SIZE);
        });

        // Heap: what one stage + commit allocates (buffer, digest, paths), and what it leaves reachable.
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        deleteTree(root.resolve("sha256"));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long retainedBefore = rt.totalMemory() - rt.freeMemory();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        try (InputStream in = Files.newInputStream(input);
                StagedBlob staged = blobs.stage(in, Long.MAX_VALUE)) {
            staged.commit();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.gc();
        long retainedGrowth = rt.totalMemory() - rt.freeMemory() - retainedBefore;

        double gb = SIZE / 1e9;
        System.out.printf("%nBlob store benchmark, %d MiB, best of %d%n", SIZE >> 20, ROUNDS);
        line("openssl dgst -sha256 (baseline)", openssl, gb, openssl);
        line("Java SHA-256 only", digestOnly, gb, openssl);
        line("put before staging (64 KiB stream)", previousPut, gb, openssl);
        line("stage (hash + copy), then close", stage, gb, openssl);
        line("stage + commit (fsync, link)", stageAndCommit, gb, openssl);
        System.out.printf("    of which commit                     %6.2f s%n", commit);
        line("verified read open(sha256, size)", verifiedRead, gb, openssl);
        line("verifyAll (one blob)", verifyAll, gb, openssl);
        System.out.printf(
                "  stage / put before staging: %.2f; stage + commit / openssl: %.2f; stage / Java SHA-256: %.2f%n",
                stage / previousPut, stageAndCommit / openssl, stage / digestOnly);
        System.out.printf(
                "  heap: allocated %d KiB while staging and committing %d MiB (%.5f %% of it); "
                        + "retained growth %d KiB%n",
                allocated >> 10, SIZE >> 20, 100.0 * allocated / SIZE, retainedGrowth >> 10);
        assertThat(allocated).as("bytes allocated while staging").isLessThan(4L * 1024 * 1024);

        // Streaming, not buffering: a JVM with a 32 MiB heap stages, re-reads, commits and reads back the file.
        Path smallRoot = Files.createTempDirectory(dir, "small-heap-");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapUpload.class.getName(),
                        input.toString(),
                        smallRoot.toString())
                .inheritIO()
                .start();
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new AssertionError("Staging 1 GiB with a 32 MiB heap failed");
        }
        System.out.println("  -Xmx32m: staged, re-read, committed and verified 1 GiB: streaming confirmed");
        deleteTree(smallRoot);
        deleteTree(root);
        Files.delete(input);
    }

    /** Entry point of the small-heap child JVM. */
    static final class SmallHeapUpload {
        public static void main(String[] args) throws Exception {
            FileSystemBlobStore blobs = new FileSystemBlobStore(new StorageProperties(Path.of(args[1])));
            try (InputStream in = Files.newInputStream(Path.of(args[0]));
                    StagedBlob staged = blobs.stage(in, Long.MAX_VALUE)) {
                try (InputStream again = staged.open()) {
                    again.transferTo(OutputStream.nullOutputStream());
                }
                StoredBlob blob = staged.commit();
                try (InputStream stored = blobs.open(blob.sha256(), blob.size()).orElseThrow()) {
                    stored.transferTo(OutputStream.nullOutputStream());
                }
                Runtime rt = Runtime.getRuntime();
                System.out.printf(
                        "  child: %s, %d bytes, heap max %d MiB%n",
                        blob.sha256().substring(0, 12), blob.size(), rt.maxMemory() >> 20);
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    /** The loop {@code put} ran before staging: 64 KiB buffer, hash, write through an output stream. */
    private static void previousPut(Path input, Path temp) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(input);
                OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        digest.digest();
        Files.delete(temp);
    }

    private static void line(String what, double seconds, double gb, double baseline) {
        System.out.printf(
                "  %-38s %6.2f s  %5.2f GB/s  %.2fx baseline time%n", what, seconds, gb / seconds, seconds / baseline);
    }

    private static double best(Work work) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e9);
        }
        return times.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed");
        }
    }

    private static void writeRandom(Path file, long size) throws Exception {
        Random random = new Random(42);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
