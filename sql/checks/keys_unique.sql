-- severity: error
-- description: every table's key is unique and not null (people, manifest, and ordinals within a note)
with keys as (
    select 'people.person_id' as key_name, person_id as key_value from people
    union all select 'manifest.path', path from manifest
    union all select 'fields(note_id, ordinal)', note_id || '#' || ordinal from fields
    union all select 'chapters(note_id, ordinal)', note_id || '#' || ordinal from chapters
    union all select 'money_mentions(note_id, ordinal)', note_id || '#' || ordinal from money_mentions
    union all select 'growth_mentions(note_id, ordinal)', note_id || '#' || ordinal from growth_mentions
    union all select 'episodes.note_id', note_id from episodes
),

final as (
    select key_name, key_value, count(*) as copies
    from keys
    group by key_name, key_value
    having count(*) > 1 or key_value is null
)

select * from final
