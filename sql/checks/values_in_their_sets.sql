-- severity: error
-- description: kinds, roles, sources, periods, metrics, qualifiers and bases use their documented values
with offending as (
    select 'notes.kind' as column_name, kind as value from notes
    where kind not in ('episode', 'profile', 'note') or kind is null
    union all
    select 'fields.source', source from fields where source not in ('frontmatter', 'inline', 'body')
    union all
    select 'people.kind', kind from people where kind not in ('person', 'organization')
    union all
    select 'appearances.role', role from appearances
    where role not in ('host', 'panelist', 'guest', 'sponsor', 'subject', 'author', 'mentioned')
    union all
    select 'money_mentions.period', period from money_mentions
    where period not in ('hour', 'day', 'week', 'month', 'quarter', 'year')
    union all
    select 'money_mentions.metric', metric from money_mentions
    where metric not in ('revenue', 'arr', 'mrr', 'price', 'profit', 'funding', 'valuation', 'cost', 'other')
    union all
    select 'money_mentions.qualifier', qualifier from money_mentions
    where qualifier not in ('exact', 'approx', 'at_least', 'at_most')
    union all
    select 'growth_mentions.basis', basis from growth_mentions where basis not in ('yoy', 'mom', 'other')
),

final as (
    select column_name, value, count(*) as rows_with_value
    from offending
    group by all
)

select * from final
