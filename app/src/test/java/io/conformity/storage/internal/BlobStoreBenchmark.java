package io.conformity.storage.internal;

import java.io.InputStream;
import java.io.OutputStream;
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

import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;

/**
 * Upload throughput and memory of the blob store, against {@code openssl dgst -sha256} on the same file in the
 * same run. Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Dtest=BlobStoreBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints figures; asserts only that a small heap can store a file far larger than itself.
 */
@Tag("benchmark")
class BlobStoreBenchmark {

    private static final long SIZE = 512L * 1024 * 1024;
    private static final int ROUNDS = 3;

    @Test
    void throughputAndMemory() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        Path input = dir.resolve("input.bin");
        writeRandom(input, SIZE);

        double openssl = best(() -> run("openssl", "dgst", "-sha256", input.toString()));
        double digestOnly = best(() -> {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(input)) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    digest.update(buffer, 0, read);
                }
            }
        });
        double store = best(() -> {
            Path root = Files.createTempDirectory(dir, "store-");
            FileSystemBlobStore blobs = new FileSystemBlobStore(new StorageProperties(root));
            try (InputStream in = Files.newInputStream(input)) {
                blobs.put(in, Long.MAX_VALUE);
            }
            deleteTree(root);
        });

        double gb = SIZE / 1e9;
        System.out.printf("%nBlob store benchmark, %d MiB, best of %d%n", SIZE >> 20, ROUNDS);
        System.out.printf("  openssl dgst -sha256 (baseline)  %6.2f s  %5.2f GB/s%n", openssl, gb / openssl);
        System.out.printf(
                "  Java SHA-256 only                %6.2f s  %5.2f GB/s  %.2fx baseline time%n",
                digestOnly, gb / digestOnly, digestOnly / openssl);
        System.out.printf(
                "  BlobStore.put (hash + copy)      %6.2f s  %5.2f GB/s  %.2fx baseline time%n",
                store, gb / store, store / openssl);

        // Streaming, not buffering: a JVM with a 32 MiB heap stores the 512 MiB file.
        Path root = Files.createTempDirectory(dir, "small-heap-");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx32m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapUpload.class.getName(),
                        input.toString(),
                        root.toString())
                .inheritIO()
                .start();
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new AssertionError("Storing 512 MiB with a 32 MiB heap failed");
        }
        System.out.println("  BlobStore.put with -Xmx32m         stored 512 MiB: streaming confirmed");
        deleteTree(root);
        Files.delete(input);
    }

    /** Entry point of the small-heap child JVM. */
    static final class SmallHeapUpload {
        public static void main(String[] args) throws Exception {
            FileSystemBlobStore blobs = new FileSystemBlobStore(new StorageProperties(Path.of(args[1])));
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                StoredBlob blob = blobs.put(in, Long.MAX_VALUE);
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
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
