package io.conformity.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.audit.AuditAnchors;
import io.conformity.audit.AuditApi;
import io.conformity.audit.AuditCaller;
import io.conformity.audit.AuditEntryView;
import io.conformity.audit.AuditSubjects;
import io.conformity.audit.AuditVerification;
import io.conformity.audit.AuditVerification.Finding;
import io.conformity.audit.ChainHead;
import io.conformity.problem.NotFoundException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import jakarta.persistence.EntityManager;

@Service
@Transactional(readOnly = true)
class AuditService implements AuditApi {

    // Role.ADMIN's group name: identity publishes audit events, so this module may not import it.
    private static final String ADMIN = "admin";

    private final ChainHeadRepository heads;
    private final AuditEntryRepository entries;
    private final EntityManager entityManager;
    private final AuditCheckpoints checkpoints;
    private final ObjectProvider<AuditAnchors> anchors;
    private final ObjectProvider<AuditSubjects> subjects;
    private final AuditCaller caller;
    private final Clock clock;

    AuditService(
            ChainHeadRepository heads,
            AuditEntryRepository entries,
            EntityManager entityManager,
            AuditCheckpoints checkpoints,
            ObjectProvider<AuditAnchors> anchors,
            ObjectProvider<AuditSubjects> subjects,
            AuditCaller caller,
            Clock clock) {
        this.subjects = subjects;
        this.caller = caller;
        this.heads = heads;
        this.entries = entries;
        this.entityManager = entityManager;
        this.checkpoints = checkpoints;
        this.anchors = anchors;
        this.clock = clock;
    }

    @Override
    public ChainHead head() {
        ChainHeadRow row = heads.read().orElseThrow(() -> new IllegalStateException("The audit chain has no head"));
        return new ChainHead(row.sequence(), row.hash());
    }

    @Override
    public Page<AuditEntryView> history(String subjectId, Pageable pageable) {
        requireReadable(subjectId);
        Page<AuditEntry> page =
                subjectId == null ? entries.findAll(pageable) : entries.findBySubjectId(subjectId, pageable);
        return page.map(AuditEntry::view);
    }

    /**
     * Administrators read the whole trail; anyone else (a compliance officer) one subject at a time, when the module
     * that owns it says they may read its records: another product's assessment is as unknown as a made-up id.
     */
    private void requireReadable(String subjectId) {
        boolean admin = caller.caller().map(c -> c.roles().contains(ADMIN)).orElse(true);
        if (admin) {
            return;
        }
        if (subjectId == null) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "Only administrators read the whole trail; name a subject you work on.");
        }
        boolean readable = subjects.orderedStream()
                .map(owner -> owner.readable(subjectId))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(false);
        if (!readable) {
            throw new NotFoundException("Audit subject", subjectId);
        }
    }

    @Override
    public AuditVerification verify() {
        List<Checkpoint> signed = checkpoints.all();
        List<AuditAnchors.Anchor> carried =
                anchors.orderedStream().flatMap(a -> a.anchors().stream()).toList();
        Set<Long> wanted = new HashSet<>();
        signed.forEach(c -> wanted.add(c.sequence()));
        carried.forEach(a -> wanted.add(a.sequence()));
        ChainHead head = head();

        ChainWalk.Result walk = ChainWalk.after(entries, entityManager, 0, ChainHead.GENESIS, wanted);
        List<Finding> findings = new ArrayList<>(walk.findings());
        if (walk.lastSequence() != head.sequence() || !walk.lastHash().equals(head.hash())) {
            findings.add(new Finding(
                    Math.min(walk.lastSequence(), head.sequence()) + 1,
                    "the chain head names entry " + head.sequence() + " but the chain ends at entry "
                            + walk.lastSequence()
                            + (walk.lastSequence() == head.sequence() ? " with another hash" : "")));
        }
        for (Checkpoint checkpoint : signed) {
            String source = "the signed checkpoint of " + checkpoint.at();
            if (!checkpoints.verifies(checkpoint)) {
                findings.add(new Finding(
                        Math.max(checkpoint.sequence(), 0), source + " does not verify with the installation's key"));
            } else {
                compare(source, checkpoint.sequence(), checkpoint.hash(), walk, findings);
            }
        }
        for (AuditAnchors.Anchor anchor : carried) {
            compare("the head carried by " + anchor.source(), anchor.sequence(), anchor.hash(), walk, findings);
        }
        findings.sort(Comparator.comparingLong(Finding::sequence));
        return new AuditVerification(
                findings.isEmpty(),
                clock.instant(),
                walk.entries(),
                new ChainHead(walk.lastSequence(), walk.lastHash()),
                signed.size(),
                carried.size(),
                findings.isEmpty() ? null : findings.get(0),
                findings.subList(0, Math.min(findings.size(), AuditVerification.MAX_FINDINGS)));
    }

    private static void compare(
            String source, long sequence, String hash, ChainWalk.Result walk, List<Finding> findings) {
        String stored = walk.captured().get(sequence);
        if (stored == null) {
            findings.add(new Finding(sequence, "missing, yet " + source + " names it: the chain was cut"));
        } else if (!stored.equals(hash)) {
            findings.add(new Finding(
                    sequence, "its hash differs from " + source + ": the chain was rewritten at or before this entry"));
        }
    }
}
