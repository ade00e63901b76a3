package io.conformity.declaration.internal;

import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.conformity.storage.BlobReferences;

/** The PDF of every declaration issued, so that a verification of the store names any that are lost. */
@Component
class DeclarationBlobReferences implements BlobReferences {

    private final JdbcTemplate jdbc;

    DeclarationBlobReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String owner() {
        return "declaration";
    }

    @Override
    public Stream<String> referencedHashes() {
        return jdbc.queryForStream("select distinct sha256 from declaration", (row, number) -> row.getString(1));
    }

    @Override
    public boolean refersTo(String sha256) {
        Integer count = jdbc.queryForObject("select count(*) from declaration where sha256 = ?", Integer.class, sha256);
        return count != null && count > 0;
    }
}
