-- runs: one row per build, kept for every run.
CREATE TABLE runs (
    run_id VARCHAR,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    vault VARCHAR,
    files_seen BIGINT,
    files_new BIGINT,
    files_changed BIGINT,
    files_deleted BIGINT,
    files_unchanged BIGINT,
    files_parsed BIGINT,
    notes_loaded BIGINT,
    errors BIGINT,
    warnings BIGINT,
    status VARCHAR,
    parser_version VARCHAR
);
