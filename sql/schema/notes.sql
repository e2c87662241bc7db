-- notes: one row per note file that could be read.
CREATE TABLE notes (
    note_id VARCHAR,
    path VARCHAR,
    kind VARCHAR,
    title VARCHAR,
    lang VARCHAR,
    note_date DATE,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    word_count BIGINT,
    size_bytes BIGINT,
    content_sha256 VARCHAR,
    file_name VARCHAR,
    folder VARCHAR,
    encoding VARCHAR,
    frontmatter_format VARCHAR,
    title_source VARCHAR,
    note_date_source VARCHAR,
    kind_reason VARCHAR,
    title_line INTEGER,
    note_date_line INTEGER,
    note_date_text VARCHAR
);
