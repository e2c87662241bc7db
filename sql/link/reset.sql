-- Before the cross-note steps: forget what the last build linked, so that renamed, added
-- and deleted notes are linked anew. Every row these steps write is written again below.
DELETE FROM people;
UPDATE wikilinks SET target_note_id = NULL;
DELETE FROM appearances WHERE role = 'mentioned' AND source_key = 'wikilink';
