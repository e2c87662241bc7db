-- tags: one row per tag of a note (front matter and #inline).
CREATE TABLE tags (
    note_id VARCHAR,
    tag VARCHAR,
    source VARCHAR,
    line INTEGER
);
