-- severity: error
-- description: every note has one row in notes, with a non-null note_id and path
with notes as (
    select note_id, path from notes
),

duplicated as (
    select note_id, count(*) as copies
    from notes
    group by note_id
    having count(*) > 1 or note_id is null
),

final as (
    select d.note_id, d.copies, n.path
    from duplicated as d
    left join notes as n using (note_id)
)

select * from final
