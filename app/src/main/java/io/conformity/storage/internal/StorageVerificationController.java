package io.conformity.storage.internal;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.conformity.storage.BlobReferences;
import io.conformity.storage.BlobStore;
import io.conformity.storage.VerificationReport;

/**
 * Lets an administrator check the store on demand: every blob re-hashed, every blob a module refers to looked up.
 * The answer comes when the whole store has been read; verifications run one at a time.
 */
@RestController
@RequestMapping("/api/v1/admin")
class StorageVerificationController {

    private final BlobStore store;
    private final ObjectProvider<BlobReferences> references;

    StorageVerificationController(BlobStore store, ObjectProvider<BlobReferences> references) {
        this.store = store;
        this.references = references;
    }

    @PostMapping("/storage-verifications")
    @PreAuthorize("hasRole('ADMIN')")
    VerificationReport verify() {
        List<BlobReferences> owners = references.orderedStream().toList();
        return store.verifyAll(owners);
    }
}
