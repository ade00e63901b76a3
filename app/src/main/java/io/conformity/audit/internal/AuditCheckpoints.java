package io.conformity.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.conformity.audit.AuditProperties;
import io.conformity.audit.ChainHead;
import jakarta.persistence.EntityManager;

/**
 * Writes the chain's head, signed, to {@code checkpoints.jsonl} outside the database: at start, every
 * {@code conformity.audit.checkpoint-interval} while the chain grows, and at shutdown. A database superuser who
 * rewrites entries and recomputes every hash after a checkpoint's entry cannot make that entry match the signed hash
 * again. A checkpoint is only signed after the entries since the previous one were checked, so it never vouches for
 * a chain already broken.
 */
@Component
public class AuditCheckpoints {

    static final String FILE = "checkpoints.jsonl";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditProperties properties;
    private final ChainHeadRepository heads;
    private final AuditEntryRepository entries;
    private final EntityManager entityManager;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private CheckpointKey key;
    private ScheduledExecutorService timer;

    AuditCheckpoints(
            AuditProperties properties,
            ChainHeadRepository heads,
            AuditEntryRepository entries,
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.properties = properties;
        this.heads = heads;
        this.entries = entries;
        this.entityManager = entityManager;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void started() {
        writeQuietly();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkpointInterval().toMillis();
        timer.scheduleWithFixedDelay(this::writeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stopping() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            writeQuietly();
        }
    }

    private void writeQuietly() {
        try {
            writeNow();
        } catch (RuntimeException e) {
            // The next round tries again; verification reports what a missing checkpoint leaves unanchored.
            log.warn("Audit checkpoint not written", e);
        }
    }

    /**
     * Writes a checkpoint of the current head, unless the chain has not grown since the last one or the entries since
     * then do not verify (then it logs an error and writes nothing).
     *
     * @return the checkpoint written
     */
    public synchronized Optional<Checkpoint> writeNow() {
        Optional<Checkpoint> last = last();
        Optional<ChainHead> head = readOnly.execute(status -> checkedHead(last));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint =
                Checkpoint.signed(head.get().sequence(), head.get().hash(), clock.instant(), key());
        append(checkpoint.line());
        return Optional.of(checkpoint);
    }

    /** The head to sign, once the entries since the last checkpoint are found intact; empty when nothing to sign. */
    private Optional<ChainHead> checkedHead(Optional<Checkpoint> last) {
        ChainHeadRow row = heads.read().orElseThrow(() -> new IllegalStateException("The audit chain has no head"));
        if (row.sequence() == 0
                || last.map(c -> c.sequence() == row.sequence() && c.hash().equals(row.hash()))
                        .orElse(false)) {
            return Optional.empty();
        }
        long from = last.map(Checkpoint::sequence).orElse(0L);
        String fromHash = last.map(Checkpoint::hash).orElse(ChainHead.GENESIS);
        if (from > row.sequence()) {
            log.error(
                    "Audit checkpoint refused: the chain ends at entry {}, the last checkpoint names entry {}",
                    row.sequence(),
                    from);
            return Optional.empty();
        }
        if (from > 0) {
            String stored = entries.findBySequence(from).map(AuditEntry::hash).orElse(null);
            if (!fromHash.equals(stored)) {
                log.error("Audit checkpoint refused: entry {} no longer matches the last checkpoint", from);
                return Optional.empty();
            }
        }
        ChainWalk.Result walk = ChainWalk.after(entries, entityManager, from, fromHash, Set.of());
        if (!walk.findings().isEmpty()
                || walk.lastSequence() != row.sequence()
                || !walk.lastHash().equals(row.hash())) {
            log.error("Audit checkpoint refused: the chain after entry {} does not verify ({})", from, walk.findings());
            return Optional.empty();
        }
        return Optional.of(new ChainHead(row.sequence(), row.hash()));
    }

    /** Every checkpoint written, oldest first; a line that cannot be read stands as a checkpoint that fails. */
    List<Checkpoint> all() {
        Path file = properties.checkpointDirectory().resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    checkpoints.add(Checkpoint.parse(line));
                } catch (RuntimeException unreadable) {
                    checkpoints.add(new Checkpoint(-1, "", Instant.EPOCH, ""));
                }
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    boolean verifies(Checkpoint checkpoint) {
        return checkpoint.sequence() > 0 && checkpoint.verifiedBy(key());
    }

    private Optional<Checkpoint> last() {
        List<Checkpoint> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private synchronized CheckpointKey key() {
        if (key == null) {
            key = CheckpointKey.in(properties.checkpointDirectory());
        }
        return key;
    }

    // Appended and forced to disk under a file lock: nodes sharing the directory never interleave their lines.
    private void append(String line) {
        Path file = properties.checkpointDirectory().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    FileLock ignored = channel.lock()) {
                ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint to " + file, e);
        }
    }
}
