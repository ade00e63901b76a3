package io.conformity.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * Evidence upload over loopback HTTP, raw body (pipelines) and multipart (browsers), against
 * {@code openssl dgst -sha256} on the same file in the same run, with the server's heap growth while it streams.
 * Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Dtest=EvidenceUploadBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes with {@code -Dbenchmark.sizes=1,4} in GiB; {@code -Dbenchmark.store=/dev/shm/store} puts the store on a
 * RAM disk, to see the software path without the disk). Clients are {@code curl} processes, as in a pipeline. A
 * {@code dd} copy of the same file flushed to the store's disk is the floor any store on that disk has. Prints
 * figures; the README quotes them.
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "conformity.evidence.max-upload-size=5GB",
            "logging.level.root=warn",
            "conformity.storage.directory=${benchmark.store:target/benchmark-store}"
        })
@ContextConfiguration(initializers = TestInstallation.H2.class)
class EvidenceUploadBenchmark {

    private static final long GIB = 1024L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void rawAndMultipartUploadAgainstOpenssl() throws Exception {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        Credentials engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String found = null;
        for (JsonNode r :
                api.get(officer, "/api/v1/assessments/" + assessmentId).json().get("requirements")) {
            if (r.get("applicable").asBoolean() && r.get("principle").asText().equals("6")) {
                found = r.get("id").asText();
            }
        }
        String requirement = found;
        Path dir = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        System.out.println();
        Path store = Path.of(System.getProperty("benchmark.store", "target/benchmark-store"))
                .toAbsolutePath();
        System.out.println("Store: " + store);
        System.out.println(
                "| size | path | time | throughput | openssl dgst -sha256 | ratio | disk write+fsync (dd) | server heap growth |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        int salt = 0;
        for (String size : System.getProperty("benchmark.sizes", "1,4").split(",")) {
            long bytes = Long.parseLong(size.strip()) * GIB;
            Path file = dir.resolve("upload-" + size.strip() + "g.bin");
            writeFile(file, bytes, ++salt);
            // Dirty pages of the file just written (and of earlier uploads) would otherwise throttle the upload's
            // writes: both sides start with a clean page cache holding the input.
            run("sync");
            double openssl = seconds(() -> run("openssl", "dgst", "-sha256", file.toString()));
            // What the disk under the store allows: the same bytes copied next to it and flushed, as a commit does.
            Path copy = store.resolve("dd-baseline.bin");
            double disk = seconds(() -> {
                run("dd", "if=" + file, "of=" + copy, "bs=1M", "conv=fsync");
                Files.delete(copy);
            });
            run("sync");
            Measured raw = measure(() -> put(engineer, requirementPath(requirement, "raw.bin"), file, bytes));
            print(size + " GiB", "raw PUT (curl -T)", bytes, raw, openssl, disk);
            writeFile(file, bytes, ++salt);
            run("sync");
            openssl = seconds(() -> run("openssl", "dgst", "-sha256", file.toString()));
            run("sync");
            Measured multipart = measure(() -> multipart(engineer, requirement, file, bytes));
            print(size + " GiB", "multipart POST (curl -F)", bytes, multipart, openssl, disk);
            Files.delete(file);
        }
    }

    private String requirementPath(String requirement, String name) {
        return "/api/v1/requirement-assessments/" + requirement + "/evidence/" + name;
    }

    private static void print(String size, String path, long bytes, Measured m, double openssl, double disk) {
        System.out.printf(
                "| %s | %s | %.2f s | %.2f GB/s | %.2f s (%.2f GB/s) | %.2f× | %.2f s (%.2f GB/s) | %d MiB |%n",
                size,
                path,
                m.seconds(),
                bytes / m.seconds() / 1e9,
                openssl,
                bytes / openssl / 1e9,
                openssl / m.seconds(),
                disk,
                bytes / disk / 1e9,
                m.heapGrowth() / (1024 * 1024));
    }

    record Measured(double seconds, long heapGrowth) {}

    interface Call {
        void run() throws Exception;
    }

    /** Time of the call, and the peak of used heap above the level before it (sampled every 20 ms). */
    private static Measured measure(Call call) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        call.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        sampler.join();
        return new Measured(seconds, Math.max(0, peak.get() - before));
    }

    /** As a pipeline sends it: {@code curl -T}, a separate process, so the JVM measured is only the server. */
    private void put(Credentials user, String path, Path file, long bytes) throws IOException, InterruptedException {
        curl(user, "-T", file.toString(), "http://localhost:" + port + path);
    }

    private void curl(Credentials user, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-u", user.username() + ":" + user.password()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.endsWith("201")) {
            throw new AssertionError("curl " + arguments[0] + ": " + out);
        }
    }

    /** As a browser sends it: one multipart part, here from {@code curl -F}. */
    private void multipart(Credentials user, String requirement, Path file, long bytes)
            throws IOException, InterruptedException {
        curl(
                user,
                "-F",
                "file=@" + file + ";filename=mp.bin",
                "http://localhost:" + port + "/api/v1/requirement-assessments/" + requirement + "/evidence");
    }

    /** Distinct bytes per run (the store keeps identical content once), written fast from a random block. */
    private static void writeFile(Path file, long bytes, int salt) throws IOException {
        byte[] block = new byte[1024 * 1024];
        new Random(salt).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0, n = 0; written < bytes; written += block.length, n++) {
                ByteBuffer.wrap(block).putLong(n).putInt(salt);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }

    private static double seconds(Call call) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
