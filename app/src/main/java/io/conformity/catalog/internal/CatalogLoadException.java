package io.conformity.catalog.internal;

import org.springframework.core.io.Resource;

/** A catalog file that cannot be used; the message names the file. */
public class CatalogLoadException extends IllegalStateException {

    CatalogLoadException(Resource file, String problem) {
        super("Catalog file " + file.getDescription() + ": " + problem);
    }
}
