package io.conformity.declaration.internal.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * The folder of declaration templates, style sheets and fonts. Only plain relative names inside it are served:
 * a template cannot reach the network or the rest of the file system.
 */
final class TemplateFolder {

    private static final Pattern SAFE = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final Resource folder;

    TemplateFolder(Resource folder) {
        this.folder = asFolder(Objects.requireNonNull(folder, "folder"));
    }

    String description() {
        return folder.getDescription();
    }

    static boolean isSafe(String relativePath) {
        return relativePath != null && SAFE.matcher(relativePath).matches() && !relativePath.contains("..");
    }

    Resource resource(String relativePath) {
        if (!isSafe(relativePath)) {
            throw new DeclarationTemplateException(
                    "'" + relativePath + "' is not a plain relative name inside the templates folder");
        }
        try {
            return folder.createRelative(relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(String relativePath) {
        Resource resource = resource(relativePath);
        if (!resource.exists()) {
            throw new DeclarationTemplateException(relativePath + " not found in " + folder.getDescription());
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + relativePath + " from " + folder.getDescription(), e);
        }
    }

    /**
     * Spring resolves relative paths against the parent of a location without a trailing slash, so
     * {@code file:/etc/conformity/templates} would otherwise look for {@code /etc/conformity/x.html}.
     */
    private static Resource asFolder(Resource folder) {
        String filename = folder.getFilename();
        if (filename == null || filename.isEmpty()) {
            return folder;
        }
        try {
            return folder.createRelative(filename + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + folder.getDescription() + " as templates folder", e);
        }
    }
}
