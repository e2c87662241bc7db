-- One row per issue of the runs kept (the last 20), newest run first; times in UTC.
with issues as (
    select run_id, path, severity, stage, message, line from parse_issues
),

runs as (
    select run_id, started_at from runs
),

latest as (
    select max_by(run_id, started_at) as latest_run_id from runs
),

final as (
    select
        cast(i.run_id as varchar) as run_id,
        cast(timezone('UTC', r.started_at) as timestamp) as run_started_utc,
        cast(i.run_id = l.latest_run_id as boolean) as is_latest_run,
        cast(i.severity as varchar) as severity,
        cast(i.stage as varchar) as stage,
        cast(i.path as varchar) as path,
        cast(i.line as integer) as line,
        cast(i.message as varchar) as message
    from issues as i
    left join runs as r using (run_id)
    cross join latest as l
    order by r.started_at desc, i.severity, i.path, i.line
)

select * from final
