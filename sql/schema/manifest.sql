-- manifest: one row per file of the last build: what incremental builds compare against.
CREATE TABLE manifest (
    path VARCHAR,
    note_id VARCHAR,
    size_bytes BIGINT,
    mtime_ns BIGINT,
    content_sha256 VARCHAR,
    parser_version VARCHAR,
    loaded BOOLEAN,
    run_id VARCHAR
);
