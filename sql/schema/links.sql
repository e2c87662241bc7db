-- links: one row per external link.
CREATE TABLE links (
    note_id VARCHAR,
    url VARCHAR,
    domain VARCHAR,
    label VARCHAR,
    section VARCHAR,
    is_image BOOLEAN,
    line INTEGER,
    text VARCHAR
);
