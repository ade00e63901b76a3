package io.conformity.evidence.internal;

import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.conformity.storage.BlobReferences;

/** The files of every evidence record, so that a verification of the store names any that are lost. */
@Component
class EvidenceBlobReferences implements BlobReferences {

    private final JdbcTemplate jdbc;

    EvidenceBlobReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String owner() {
        return "evidence";
    }

    @Override
    public Stream<String> referencedHashes() {
        return jdbc.queryForStream("select distinct sha256 from evidence", (row, number) -> row.getString(1));
    }
}
