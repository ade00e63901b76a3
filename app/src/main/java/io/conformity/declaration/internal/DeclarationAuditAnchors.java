package io.conformity.declaration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.audit.AuditAnchors;
import io.conformity.declaration.internal.rendering.DeclarationTwin;
import io.conformity.storage.BlobStore;

/**
 * The audit heads that issued declarations carry, read from each stored file's embedded twin, not from a database
 * column: the file is signed, so whoever rewrites the database cannot rewrite the head it states. Declarations
 * issued before heads were printed carry none and are skipped; a file missing from the store is the storage
 * verification's finding, not the audit trail's.
 */
@Component
class DeclarationAuditAnchors implements AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(DeclarationAuditAnchors.class);

    private final DeclarationRepository declarations;
    private final BlobStore store;

    DeclarationAuditAnchors(DeclarationRepository declarations, BlobStore store) {
        this.declarations = declarations;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        for (Declaration declaration : declarations.findAll(Sort.by("issuedAt", "id"))) {
            head(declaration).ifPresent(anchors::add);
        }
        return anchors;
    }

    private Optional<Anchor> head(Declaration declaration) {
        try {
            Optional<InputStream> file = store.open(declaration.sha256(), declaration.size());
            if (file.isEmpty()) {
                return Optional.empty();
            }
            byte[] pdf;
            try (InputStream in = file.get()) {
                pdf = in.readAllBytes();
            }
            return DeclarationTwin.embeddedIn(pdf)
                    .map(twin -> twin.path("auditHead"))
                    .filter(JsonNode::isObject)
                    .map(head -> new Anchor(
                            "declaration " + declaration.id(),
                            head.path("sequence").asLong(),
                            head.path("hash").asText()));
        } catch (IOException e) {
            log.warn("The audit head of declaration {} cannot be read", declaration.id(), e);
            return Optional.empty();
        }
    }
}
