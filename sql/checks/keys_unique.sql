-- severity: error
-- description: every table's key is unique and not null (people, manifest, and ordinals within a note)
-- Each table is grouped on its own key columns; a key is spelt out as text only for the
-- offending groups, so the check costs one hash aggregate per table.
with people_keys as (
    select 'people.person_id' as key_name, person_id as key_value, count(*) as copies
    from people
    group by person_id
    having count(*) > 1 or person_id is null
),

manifest_keys as (
    select 'manifest.path' as key_name, path as key_value, count(*) as copies
    from manifest
    group by path
    having count(*) > 1 or path is null
),

episode_keys as (
    select 'episodes.note_id' as key_name, note_id as key_value, count(*) as copies
    from episodes
    group by note_id
    having count(*) > 1 or note_id is null
),

ordinal_keys as (
    select 'fields(note_id, ordinal)' as key_name, note_id, ordinal, count(*) as copies
    from fields group by note_id, ordinal
    having count(*) > 1 or note_id is null or ordinal is null
    union all
    select 'chapters(note_id, ordinal)', note_id, ordinal, count(*)
    from chapters group by note_id, ordinal
    having count(*) > 1 or note_id is null or ordinal is null
    union all
    select 'money_mentions(note_id, ordinal)', note_id, ordinal, count(*)
    from money_mentions group by note_id, ordinal
    having count(*) > 1 or note_id is null or ordinal is null
    union all
    select 'growth_mentions(note_id, ordinal)', note_id, ordinal, count(*)
    from growth_mentions group by note_id, ordinal
    having count(*) > 1 or note_id is null or ordinal is null
),

final as (
    select * from people_keys
    union all select * from manifest_keys
    union all select * from episode_keys
    union all select key_name, note_id || '#' || ordinal, copies from ordinal_keys
)

select * from final
