-- What the build understood, per top-level folder of the vault (`(root)` for notes at the
-- top): notes by kind, how many carry a date, and of the episodes how many have a duration,
-- chapters and people; the money and growth figures found. Pointed at a new archive, a
-- folder of episodes that comes out as notes is where a `[kinds]` rule in notehouse.toml helps.
with notes as (
    select
        note_id,
        kind,
        note_date,
        case when contains(path, '/') then split_part(path, '/', 1) else '(root)' end as folder
    from notes
),

episodes as (
    select note_id, duration_seconds from episodes
),

chapter_notes as (
    select distinct note_id from chapters
),

people_notes as (
    select distinct note_id from appearances where role <> 'mentioned'
),

money as (
    select note_id, count(*) as figures from money_mentions group by note_id
),

growth as (
    select note_id, count(*) as figures from growth_mentions group by note_id
),

per_note as (
    select
        n.folder,
        n.kind,
        n.note_date is not null as dated,
        e.duration_seconds is not null as timed,
        c.note_id is not null as chaptered,
        p.note_id is not null as peopled,
        coalesce(m.figures, 0) as money_figures,
        coalesce(g.figures, 0) as growth_figures
    from notes as n
    left join episodes as e using (note_id)
    left join chapter_notes as c using (note_id)
    left join people_notes as p using (note_id)
    left join money as m using (note_id)
    left join growth as g using (note_id)
),

final as (
    select
        folder,
        count(*) as notes,
        count(*) filter (where kind = 'episode') as episodes,
        count(*) filter (where kind = 'profile') as profiles,
        count(*) filter (where kind = 'note') as other_notes,
        round(avg(dated::int), 3) as dated_share,
        count(*) filter (where kind = 'episode' and timed) as episodes_with_duration,
        count(*) filter (where kind = 'episode' and chaptered) as episodes_with_chapters,
        count(*) filter (where kind = 'episode' and peopled) as episodes_with_people,
        count(*) filter (where peopled) as notes_with_people,
        sum(money_figures)::bigint as money_mentions,
        sum(growth_figures)::bigint as growth_mentions
    from per_note
    group by folder
    order by notes desc, folder
)

select * from final
