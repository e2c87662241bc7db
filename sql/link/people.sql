-- One row per person_id: a profile's own spelling of the name wins, else the first note's;
-- an organisation only when every appearance says so (sponsors); note_id is the person's profile.
insert into people (person_id, name, kind, note_id)
with appearances as (
    select a.person_id, a.name, a.role, a.person_kind, a.note_id, n.path
    from appearances as a
    join notes as n using (note_id)
),

final as (
    select
        person_id,
        coalesce(min_by(name, path) filter (where role = 'subject'), min_by(name, path)) as name,
        case when bool_and(person_kind = 'organization') then 'organization' else 'person' end
            as kind,
        min_by(note_id, path) filter (where role = 'subject') as note_id
    from appearances
    group by person_id
)

select * from final
