-- people: one row per person or organisation, keyed by a stable id from the normalised name.
CREATE TABLE people (
    person_id VARCHAR,
    name VARCHAR,
    kind VARCHAR,
    note_id VARCHAR
);
