-- Resolve every [[wikilink]] to the note it names: a full path beats a file name,
-- which beats an alias; between equals the shallower, then alphabetically first path wins.
update wikilinks
set target_note_id = picked.note_id
from (
    select key, note_id
    from (
        select
            key,
            note_id,
            row_number() over (partition by key order by rank, depth, path) as pick
        from note_keys
    )
    where pick = 1
) as picked
where wikilinks.target_key = picked.key
