-- episodes: one row per episode note.
CREATE TABLE episodes (
    note_id VARCHAR,
    show_name VARCHAR,
    number BIGINT,
    season BIGINT,
    title VARCHAR,
    published_date DATE,
    duration_seconds BIGINT,
    duration_text VARCHAR,
    explicit BOOLEAN,
    status VARCHAR,
    share_url VARCHAR,
    media_url VARCHAR
);
