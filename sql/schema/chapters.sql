-- chapters: one row per chapter line of an episode's chapter list.
CREATE TABLE chapters (
    note_id VARCHAR,
    ordinal INTEGER,
    start_seconds BIGINT,
    end_seconds BIGINT,
    length_seconds BIGINT,
    title VARCHAR,
    line INTEGER,
    text VARCHAR
);
