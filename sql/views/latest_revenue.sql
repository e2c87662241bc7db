-- The latest revenue figure reported for each subject: the newest note's largest annualised figure.
with timeline as (
    select * from revenue_timeline
),

ranked as (
    select
        *,
        count(*) over (partition by subject) as figures,
        row_number() over (
            partition by subject
            order by note_date desc nulls last, annualized_amount desc nulls last, line
        ) as recency
    from timeline
),

final as (
    select
        subject,
        note_date,
        metric,
        amount,
        currency,
        period,
        annualized_amount,
        qualifier,
        text,
        figures,
        note_id,
        path
    from ranked
    where recency = 1
    order by annualized_amount desc nulls last, subject
)

select * from final
