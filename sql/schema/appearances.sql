-- appearances: one row per person and role in a note.
CREATE TABLE appearances (
    note_id VARCHAR,
    person_id VARCHAR,
    role VARCHAR,
    name VARCHAR,
    source_key VARCHAR,
    line INTEGER,
    person_kind VARCHAR
);
