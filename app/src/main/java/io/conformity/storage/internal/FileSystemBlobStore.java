package io.conformity.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.conformity.storage.BlobCorruptedException;
import io.conformity.storage.BlobReferences;
import io.conformity.storage.BlobStore;
import io.conformity.storage.BlobTooLargeException;
import io.conformity.storage.StagedBlob;
import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;
import io.conformity.storage.VerificationReport;
import io.conformity.storage.VerificationReport.Mismatch;
import io.conformity.storage.VerificationReport.Missing;
import io.conformity.storage.VerificationReport.Unreadable;

/**
 * Stages to a temporary file under {@code incoming} while hashing, then links it to its hash path, so a reader never
 * sees a half-written blob and a refused, failed or oversized upload leaves nothing behind. Partial files left by a
 * crash are removed at start.
 */
@Component
class FileSystemBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

    /**
     * Large enough that the per-call costs of read, digest and write vanish next to hashing; larger buffers measured
     * no faster (BlobStoreBenchmark) and cost heap per concurrent upload.
     */
    static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;
    private final Path hashes;
    private final Clock clock;
    private final ReentrantLock verification = new ReentrantLock();

    @Autowired
    FileSystemBlobStore(StorageProperties properties, Clock clock) {
        this.root = properties.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming");
        this.hashes = root.resolve("sha256");
        this.clock = clock;
        try {
            Files.createDirectories(incoming);
            Files.createDirectories(hashes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store at " + root, e);
        }
        removeLeftovers(processStart());
    }

    FileSystemBlobStore(StorageProperties properties) {
        this(properties, Clock.systemUTC());
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
            MessageDigest digest = Sha256.newDigest();
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                ByteBuffer window = ByteBuffer.wrap(buffer);
                int read;
                // Whole buffers: a network stream yields a few KiB per read, and each write and digest update
                // has a fixed cost.
                while ((read = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                    size += read;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    digest.update(buffer, 0, read);
                    window.clear().limit(read);
                    while (window.hasRemaining()) {
                        out.write(window);
                    }
                }
            }
            StagedBlob staged = new FileStagedBlob(temp, Sha256.hex(digest), size);
            temp = null;
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage upload", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        return channel(sha256).map(channel -> {
            try {
                return verifying(channel, sha256, channel.size());
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Cannot read blob " + sha256, e);
            }
        });
    }

    @Override
    public Optional<InputStream> open(String sha256, long expectedSize) throws BlobCorruptedException {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("A size is never negative: " + expectedSize);
        }
        Optional<FileChannel> opened = channel(sha256);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        FileChannel channel = opened.get();
        long actual;
        try {
            actual = channel.size();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot read blob " + sha256, e);
        }
        if (actual != expectedSize) {
            closeQuietly(channel);
            BlobCorruptedException corrupted = new BlobCorruptedException(
                    sha256, "the file has " + actual + " bytes, " + expectedSize + " were stored");
            log.error("Blob store: {}", corrupted.getMessage());
            throw corrupted;
        }
        return Optional.of(verifying(channel, sha256, expectedSize));
    }

    @Override
    public OptionalLong size(String sha256) {
        if (!Sha256.isName(sha256)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + sha256, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Sha256.isName(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public boolean release(String sha256, Collection<? extends BlobReferences> references) {
        Path file = pathOf(sha256);
        if (references.stream().anyMatch(owner -> owner.refersTo(sha256))) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                log.info("Blob store: released blob {}, which no module refers to any more", sha256);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blob " + sha256, e);
        }
    }

    @Override
    public VerificationReport verifyAll(Collection<? extends BlobReferences> references) {
        verification.lock();
        try {
            return verify(references);
        } finally {
            verification.unlock();
        }
    }

    private VerificationReport verify(Collection<? extends BlobReferences> references) {
        Instant startedAt = clock.instant();
        log.info("Blob store: verifying every blob under {}", hashes);
        long checkedBlobs = 0;
        long checkedBytes = 0;
        List<Mismatch> mismatched = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        try (Stream<Path> walk = Files.isDirectory(hashes) ? Files.walk(hashes) : Stream.empty()) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (!Sha256.isName(name) || !file.equals(pathOf(name))) {
                    log.warn("Blob store: {} is not a blob (a blob's path is sha256/ab/cd/<hash>); ignored", file);
                    continue;
                }
                try {
                    MessageDigest digest = Sha256.newDigest();
                    checkedBytes += hash(file, digest);
                    checkedBlobs++;
                    String actual = Sha256.hex(digest);
                    if (!actual.equals(name)) {
                        log.error("Blob store: blob {} is corrupted: its bytes hash to {}", name, actual);
                        mismatched.add(new Mismatch(name, actual));
                    }
                } catch (IOException e) {
                    log.error("Blob store: blob {} cannot be read", name, e);
                    unreadable.add(new Unreadable(name, e.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot walk the blob store at " + hashes, e);
        }
        Map<String, SortedSet<String>> absent = new TreeMap<>();
        for (BlobReferences owner : references) {
            try (Stream<String> referenced = owner.referencedHashes()) {
                referenced
                        .filter(sha256 -> !exists(sha256))
                        .forEach(sha256 -> absent.computeIfAbsent(sha256, s -> new TreeSet<>())
                                .add(owner.owner()));
            }
        }
        List<Missing> missing = new ArrayList<>();
        absent.forEach((sha256, owners) -> {
            log.error("Blob store: blob {} is missing; it is referenced by {}", sha256, owners);
            missing.add(new Missing(sha256, List.copyOf(owners)));
        });
        mismatched.sort(Comparator.comparing(Mismatch::sha256));
        unreadable.sort(Comparator.comparing(Unreadable::sha256));
        VerificationReport report = new VerificationReport(
                checkedBlobs, checkedBytes, mismatched, unreadable, missing, startedAt, clock.instant());
        if (report.intact()) {
            log.info("Blob store: verified {} blobs ({} bytes), all intact", checkedBlobs, checkedBytes);
        } else {
            log.error(
                    "Blob store: verified {} blobs ({} bytes): {} corrupted, {} unreadable, {} missing",
                    checkedBlobs,
                    checkedBytes,
                    mismatched.size(),
                    unreadable.size(),
                    missing.size());
        }
        return report;
    }

    /** Feeds the file to the digest and answers its length. */
    private static long hash(Path file, MessageDigest digest) throws IOException {
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return size;
    }

    private Optional<FileChannel> channel(String sha256) {
        if (!Sha256.isName(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileChannel.open(pathOf(sha256), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + sha256, e);
        }
    }

    private static InputStream verifying(FileChannel channel, String sha256, long expectedSize) {
        return new VerifyingInputStream(Channels.newInputStream(channel), sha256, expectedSize);
    }

    /**
     * Makes the staged bytes the blob {@code sha256}: links them in place unless intact bytes are already there, and
     * replaces a stored file that no longer matches its name.
     *
     * @return the stored blob, and whether the staged file was moved (not linked) into place
     */
    private Placed place(Path temp, String sha256, long size) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            if (intact(target, sha256)) {
                return new Placed(new StoredBlob(sha256, size, false), false);
            }
            // Bytes never change under a name, so replacing a damaged file with the right bytes restores it.
            force(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(target.getParent());
            log.warn("Blob store: blob {} was corrupted; restored from an upload of the same bytes", sha256);
            return new Placed(new StoredBlob(sha256, size, true), true);
        }
        Files.createDirectories(target.getParent());
        // The name must never point at bytes still in the page cache only: after a crash it would be an empty or
        // partial file that a committed database row relies on.
        force(temp);
        try {
            // A hard link never replaces an existing file (a rename would, silently), so exactly one of several
            // concurrent commits of the same bytes stores them.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException raced) {
            return new Placed(new StoredBlob(sha256, size, false), false);
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(target)) {
                return new Placed(new StoredBlob(sha256, size, false), false);
            }
            Files.move(temp, target);
            forceDirectory(target.getParent());
            return new Placed(new StoredBlob(sha256, size, true), true);
        }
        forceDirectory(target.getParent());
        return new Placed(new StoredBlob(sha256, size, true), false);
    }

    private record Placed(StoredBlob blob, boolean moved) {}

    private static boolean intact(Path file, String sha256) {
        MessageDigest digest = Sha256.newDigest();
        try {
            hash(file, digest);
        } catch (IOException e) {
            return false;
        }
        return Sha256.hex(digest).equals(sha256);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }

    /** Makes a new name durable; not every platform can open a folder, and there it is not needed. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Blob store: cannot sync folder {}", directory, e);
        }
    }

    /**
     * Removes the staging files of uploads that a crash or a kill interrupted. Only files last written before this
     * process started are removed: a file written since then belongs to an upload in progress.
     */
    private void removeLeftovers(Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
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
            log.warn("Blob store: cannot remove partial uploads from {}", incoming, e);
        }
        if (removed > 0) {
            log.warn("Blob store: removed {} partial upload(s) an earlier run left in {}", removed, incoming);
        } else {
            log.info("Blob store: no partial upload left in {}", incoming);
        }
    }

    private static Instant processStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private Path pathOf(String sha256) {
        if (!Sha256.isName(sha256)) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
        }
        return hashes.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The temp name is unique and unreferenced; the next start removes it.
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only read from; nothing to lose.
        }
    }

    /** A staged file in {@code incoming}, linked into place on commit and removed on close. */
    private final class FileStagedBlob implements StagedBlob {

        private final Path temp;
        private final String sha256;
        private final long size;
        private StoredBlob committed;
        private boolean moved;
        private boolean closed;

        FileStagedBlob(Path temp, String sha256, long size) {
            this.temp = temp;
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public String sha256() {
            return sha256;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public synchronized InputStream open() {
            if (closed) {
                throw new IllegalStateException("Staged blob " + sha256 + " is closed");
            }
            try {
                return Files.newInputStream(moved ? pathOf(sha256) : temp);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read staged blob " + sha256, e);
            }
        }

        @Override
        public synchronized StoredBlob commit() {
            if (committed != null) {
                return committed;
            }
            if (closed) {
                throw new IllegalStateException("Staged blob " + sha256 + " was closed without a commit");
            }
            try {
                Placed placed = place(temp, sha256, size);
                moved = placed.moved();
                committed = placed.blob();
                return committed;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store blob " + sha256, e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                if (!moved) {
                    deleteQuietly(temp);
                }
            }
        }
    }
}
