-- One row per note: kind, language, date, size, and how many tags, links and figures it holds.
with notes as (
    select note_id, path, title, kind, lang, note_date, word_count from notes
),

tags as (
    select note_id, count(*) as tags from tags group by note_id
),

links as (
    select note_id, count(*) as links from links group by note_id
),

money as (
    select note_id, count(*) as money_mentions from money_mentions group by note_id
),

final as (
    select
        cast(n.note_id as varchar) as note_id,
        cast(n.path as varchar) as path,
        cast(n.title as varchar) as title,
        cast(n.kind as varchar) as kind,
        cast(n.lang as varchar) as lang,
        cast(n.note_date as date) as note_date,
        cast(n.word_count as bigint) as word_count,
        cast(coalesce(t.tags, 0) as bigint) as tags,
        cast(coalesce(l.links, 0) as bigint) as links,
        cast(coalesce(m.money_mentions, 0) as bigint) as money_mentions
    from notes as n
    left join tags as t using (note_id)
    left join links as l using (note_id)
    left join money as m using (note_id)
    order by n.note_date desc nulls last, n.path
)

select * from final
