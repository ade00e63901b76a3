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

import io.conformity.catalog.CatalogApi;
import io.conformity.catalog.Framework;

/**
 * Refuses to start when a framework version's file differs from the one first loaded under the same version:
 * assessments already opened cite that version, so its text must never change under them. A changed text is
 * published as a new version (a new file).
 */
@Component
@Order(0)
class CatalogFingerprints implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogFingerprints.class);

    private final CatalogApi catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogFingerprints(CatalogApi catalog, JdbcTemplate jdbc, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Framework framework : catalog.frameworks()) {
            List<String> known = jdbc.queryForList(
                    "select sha256 from catalog_fingerprint where framework_urn = ? " + "and framework_version = ?",
                    String.class,
                    framework.urn(),
                    framework.version());
            if (known.isEmpty()) {
                jdbc.update(
                        "insert into catalog_fingerprint (framework_urn, framework_version, sha256, "
                                + "first_loaded_at) values (?, ?, ?, ?)",
                        framework.urn(),
                        framework.version(),
                        framework.sha256(),
                        Timestamp.from(clock.instant()));
                log.info(
                        "Catalog: loaded {} {} for the first time (sha256 {})",
                        framework.reference(),
                        framework.version(),
                        framework.sha256());
            } else if (!known.get(0).equals(framework.sha256())) {
                throw new IllegalStateException("Catalog: the file of " + framework.urn() + " " + framework.version()
                        + " changed since it was first loaded (sha256 " + known.get(0) + ", now " + framework.sha256()
                        + "). A loaded version is never edited in place: restore the file and publish the change "
                        + "as a new version.");
            }
        }
    }
}
