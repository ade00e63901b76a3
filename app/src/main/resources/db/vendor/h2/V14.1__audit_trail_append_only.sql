-- H2 is the embedded default: one process, whose database user is the database's administrator, which no grant can
-- restrain. Nobody else reaches the file while the application runs (AUTO_SERVER=FALSE). The entries are mapped
-- immutable and the application issues no UPDATE or DELETE on them; tampering with the file at rest is what the
-- hash chain, the signed checkpoints and the heads printed in declarations reveal. Kept for parity with PostgreSQL.
revoke update, delete on audit_entry from public;
