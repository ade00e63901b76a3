package io.conformity.audit;

import java.util.List;

/**
 * Heads of the audit chain kept outside the audit module's tables, which verification checks the chain against.
 * Implemented by modules that carry heads away (the declaration module: every issued declaration states the head
 * at its issue), so the audit module does not depend on them.
 */
public interface AuditAnchors {

    List<Anchor> anchors();

    /**
     * @param source what carries the head, e.g. {@code declaration 1b4e…}
     * @param sequence the entry the head names
     * @param hash that entry's hash as the source recorded it
     */
    record Anchor(String source, long sequence, String hash) {}
}
