-- A wikilink to a profile note mentions its subject, unless the person already has a role in the note.
insert into appearances (note_id, person_id, role, name, source_key, line, person_kind)
with links_to_profiles as (
    select w.note_id, s.person_id, s.name, min(w.line) as line
    from wikilinks as w
    join appearances as s
        on s.note_id = w.target_note_id and s.role = 'subject'
    where w.target_note_id <> w.note_id
    group by w.note_id, s.person_id, s.name
),

final as (
    select l.note_id, l.person_id, 'mentioned', l.name, 'wikilink', l.line, 'person'
    from links_to_profiles as l
    anti join appearances as a
        on a.note_id = l.note_id and a.person_id = l.person_id
)

select * from final
