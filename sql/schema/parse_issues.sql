-- parse_issues: one row per problem found, kept for the last 20 runs.
CREATE TABLE parse_issues (
    run_id VARCHAR,
    path VARCHAR,
    note_id VARCHAR,
    severity VARCHAR,
    stage VARCHAR,
    message VARCHAR,
    line INTEGER
);
