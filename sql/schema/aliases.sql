-- aliases: one row per alias of a note.
CREATE TABLE aliases (
    note_id VARCHAR,
    alias VARCHAR
);
