-- check_results: one row per data-quality check and run.
CREATE TABLE check_results (
    run_id VARCHAR,
    check_name VARCHAR,
    severity VARCHAR,
    description VARCHAR,
    failing_rows BIGINT,
    passed BOOLEAN,
    sample VARCHAR
);
