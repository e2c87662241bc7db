-- severity: error
-- description: every row of a note's child tables points at a note that exists
with children as (
    select 'fields' as child_table, note_id from fields
    union all select 'episodes', note_id from episodes
    union all select 'chapters', note_id from chapters
    union all select 'appearances', note_id from appearances
    union all select 'tags', note_id from tags
    union all select 'aliases', note_id from aliases
    union all select 'links', note_id from links
    union all select 'wikilinks', note_id from wikilinks
    union all select 'money_mentions', note_id from money_mentions
    union all select 'growth_mentions', note_id from growth_mentions
),

final as (
    select c.child_table, c.note_id, count(*) as orphan_rows
    from children as c
    anti join notes as n on n.note_id = c.note_id
    group by all
)

select * from final
