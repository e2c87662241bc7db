-- Who appears with whom: pairs of people on the same episode as host, panelist or guest.
-- Each pair is listed once, person_a before person_b in person_id order.
with appearances as (
    select distinct note_id, person_id
    from appearances
    where role in ('host', 'panelist', 'guest')
),

people as (
    select person_id, name from people
),

episodes as (
    select e.note_id, coalesce(e.show_name, '(no show)') as show_name,
        coalesce(e.published_date, n.note_date) as published_date
    from episodes as e
    join notes as n using (note_id)
),

pairs as (
    select a.note_id, a.person_id as person_a, b.person_id as person_b
    from appearances as a
    join appearances as b on a.note_id = b.note_id and a.person_id < b.person_id
),

final as (
    select
        p.person_a,
        pa.name as name_a,
        p.person_b,
        pb.name as name_b,
        count(distinct p.note_id) as episodes,
        min(e.published_date) as first_together,
        max(e.published_date) as last_together,
        string_agg(distinct e.show_name, ', ' order by e.show_name) as shows
    from pairs as p
    join people as pa on pa.person_id = p.person_a
    join people as pb on pb.person_id = p.person_b
    join episodes as e using (note_id)
    group by p.person_a, pa.name, p.person_b, pb.name
    order by episodes desc, name_a, name_b
)

select * from final
