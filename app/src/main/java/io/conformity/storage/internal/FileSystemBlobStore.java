package io.conformity.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.conformity.storage.BlobStore;
import io.conformity.storage.BlobTooLargeException;
import io.conformity.storage.StorageProperties;
import io.conformity.storage.StoredBlob;

/**
 * Writes to a temporary file in the same folder tree while hashing, then links it atomically to its hash path and
 * removes the temporary name, so a reader never sees a half-written blob and a failed or oversized upload leaves
 * nothing behind.
 */
@Component
class FileSystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    FileSystemBlobStore(StorageProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store at " + root, e);
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                return new StoredBlob(sha256, size, false);
            }
            Files.createDirectories(target.getParent());
            try {
                // A hard link never replaces an existing file (a rename would, silently), so exactly one of
                // several concurrent uploads of the same bytes stores them.
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException raced) {
                return new StoredBlob(sha256, size, false);
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (Files.exists(target)) {
                    return new StoredBlob(sha256, size, false);
                }
                Files.move(temp, target);
                temp = null;
                return new StoredBlob(sha256, size, true);
            }
            return new StoredBlob(sha256, size, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store upload", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temp name is unique and unreferenced; leaving it is harmless.
                }
            }
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!exists(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(sha256)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + sha256, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve("sha256")
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
