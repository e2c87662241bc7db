-- severity: error
-- description: annualized_amount is amount times the periods in a year, and NULL without a period
with money as (
    select note_id, ordinal, amount, period, annualized_amount from money_mentions
),

periods as (
    select * from (values
        ('hour', 8760), ('day', 365), ('week', 52), ('month', 12), ('quarter', 4), ('year', 1)
    ) as t(period, per_year)
),

final as (
    select m.*, p.per_year
    from money as m
    left join periods as p using (period)
    where (m.period is null and m.annualized_amount is not null)
       or (m.period is not null and m.annualized_amount is distinct from m.amount * p.per_year)
)

select * from final
