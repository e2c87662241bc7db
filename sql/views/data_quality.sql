-- Data quality per run: issues by stage and severity, with the files they concern.
-- A run without issues has one row with stage and severity NULL and zero issues.
with runs as (
    select run_id, started_at, notes_loaded, status from runs
),

issues as (
    select run_id, path, severity, stage from parse_issues
),

latest as (
    select max_by(run_id, started_at) as latest_run_id from runs
),

counted as (
    select run_id, severity, stage, count(*) as issues, count(distinct path) as files
    from issues
    group by run_id, severity, stage
),

final as (
    select
        r.run_id,
        r.started_at,
        r.run_id = l.latest_run_id as is_latest_run,
        c.severity,
        c.stage,
        coalesce(c.issues, 0) as issues,
        coalesce(c.files, 0) as files,
        r.notes_loaded
    from runs as r
    cross join latest as l
    left join counted as c using (run_id)
    order by r.started_at desc, c.severity, c.stage
)

select * from final
