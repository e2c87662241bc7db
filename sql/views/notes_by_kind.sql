-- Notes by kind and language, with their words and date range.
with notes as (
    select kind, coalesce(lang, '(unknown)') as lang, word_count, note_date from notes
),

final as (
    select
        kind,
        lang,
        count(*) as notes,
        sum(word_count) as words,
        min(note_date) as first_date,
        max(note_date) as last_date
    from notes
    group by kind, lang
    order by notes desc, kind, lang
)

select * from final
