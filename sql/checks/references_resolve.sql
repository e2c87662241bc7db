-- severity: error
-- description: appearances name people that exist, and resolved wikilinks point at notes that exist
with missing_people as (
    select 'appearances.person_id' as reference, a.person_id as value, a.note_id
    from appearances as a
    anti join people as p on p.person_id = a.person_id
),

missing_targets as (
    select 'wikilinks.target_note_id', w.target_note_id, w.note_id
    from wikilinks as w
    anti join notes as n on n.note_id = w.target_note_id
    where w.target_note_id is not null
),

final as (
    select * from missing_people
    union all
    select * from missing_targets
)

select * from final
