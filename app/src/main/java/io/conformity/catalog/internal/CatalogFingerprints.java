package io.conformity.catalog.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses to start when a framework, cross-walk or regime file differs from the one first loaded under the same
 * version:
 * assessments already opened cite that version, so its text must never change under them. A changed text is
 * published as a new version (a new file).
 */
@Component
@Order(0)
class CatalogFingerprints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogFingerprints.class);

    private final CatalogService catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogFingerprints(CatalogService catalog, JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Framework, cross-walk and regime files alike: what an assessment cites and how its scope was worked out.
        for (CatalogLoader.FileFingerprint file : catalog.files()) {
            List<String> known = jdbc.queryForList(
                    "select sha256 from catalog_fingerprint where framework_urn = ? " + "and framework_version = ?",
                    String.class,
                    file.urn(),
                    file.version());
            if (known.isEmpty()) {
                jdbc.update(
                        "insert into catalog_fingerprint (framework_urn, framework_version, sha256, "
                                + "first_loaded_at) values (?, ?, ?, ?)",
                        file.urn(),
                        file.version(),
                        file.sha256(),
                        Timestamp.from(clock.instant()));
                log.info("Catalog: loaded {} for the first time (sha256 {})", file.description(), file.sha256());
            } else if (!known.get(0).equals(file.sha256())) {
                throw new IllegalStateException("Catalog: the file of " + file.urn() + " " + file.version()
                        + " changed since it was first loaded (sha256 " + known.get(0) + ", now " + file.sha256()
                        + "). A loaded version is never edited in place: restore the file and publish the change "
                        + "as a new version.");
            }
        }
    }
}
