"""Note templates for the bench generator: one function per kind of note, text out.

Each ``*_note(rng, i)`` returns ``(relative path, text)``; the text is padded with
generated prose until it reaches a size drawn from ``rng`` (about 9 KB on average).
"""

from __future__ import annotations

import random

from bench import _words as w

MIN_BYTES, MAX_BYTES = 6_500, 11_500
CHAPTER_STYLES = ("bracket", "dash", "table", "link")
CHAPTER_HEADINGS = ("Chapters", "Timestamps", "Description", "Running order")


def person(rng: random.Random) -> str:
    """A made-up full name from the word lists."""
    return f"{rng.choice(w.FIRST_NAMES)} {rng.choice(w.LAST_NAMES)}"


def plural(noun: str) -> str:
    """``library`` → ``libraries``, ``bug report`` → ``bug reports``."""
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 28)


def _money(rng: random.Random) -> str:
    """An English money phrase such as ``$80k/month`` or ``$1.2M ARR``."""
    form = rng.randrange(5)
    if form == 0:
        return f"${rng.randint(2, 95)}k/month"
    if form == 1:
        return f"${rng.randint(1, 9)}.{rng.randint(1, 9)}M ARR"
    if form == 2:
        return f"${rng.randint(5, 99)}/month"
    if form == 3:
        return f"${rng.randint(1, 40)},{rng.randint(100, 999)} a year"
    return f"${rng.randint(2, 12)}M"


def sentence(rng: random.Random) -> str:
    """One English sentence; about one in six carries a figure."""
    roll = rng.random()
    if roll < 0.08:
        return (
            f"{rng.choice(w.OPENERS)}, {rng.choice(w.REVENUE_WORDS)} reached "
            f"{_money(rng)} and grew {rng.randint(3, 90)}% year over year."
        )
    if roll < 0.16:
        return (
            f"It took {rng.randint(2, 40)} weeks and about {rng.randint(2, 900)} "
            f"{plural(rng.choice(w.NOUNS))}, {rng.choice(w.CLOSERS)}."
        )
    return (
        f"{rng.choice(w.OPENERS)}, {person(rng)} {rng.choice(w.VERBS)} the "
        f"{rng.choice(w.ADJECTIVES)} {rng.choice(w.NOUNS)} {rng.choice(w.CLOSERS)}."
    )


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, sentences + 2)))


def _zh_paragraph(rng: random.Random, name: str) -> str:
    parts = []
    for _ in range(rng.randint(3, 6)):
        pool = w.ZH_MONEY_SENTENCES if rng.random() < 0.3 else w.ZH_SENTENCES
        parts.append(
            rng.choice(pool).format(
                name=name,
                years=rng.randint(3, 20),
                months=rng.randint(2, 9),
                k=rng.randint(2, 95),
                k2=rng.randint(2, 9),
                m=rng.randint(1, 900),
                p=rng.randint(3, 90),
                h=rng.randint(1, 9),
            )
        )
    return "".join(parts)


def _pad(rng: random.Random, parts: list[str], heading: str, zh_name: str | None = None) -> str:
    """Join ``parts`` and add paragraphs under ``heading`` until the note reaches its size."""
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    size = sum(len(p.encode()) + 1 for p in parts)
    parts.append(f"\n## {heading}\n")
    while size < target:
        text = _zh_paragraph(rng, zh_name) if zh_name else paragraph(rng)
        if rng.random() < 0.1:
            text = f"{text} #{rng.choice(w.TOPICS).replace(' ', '-')}"
        parts.append(text + "\n")
        size += len(text.encode()) + 2
    return "\n".join(parts)


def _clock(seconds: int, hours: bool) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}" if hours else f"{h * 60 + m:02d}:{s:02d}"


def chapters(rng: random.Random, duration: int) -> list[str]:
    """A chapter list in one of four formats, starts ascending from 0:00."""
    count = rng.randint(6, 14)
    slots = rng.sample(range(2, (duration - 60) // 30), count - 1)  # at least 30 s apart
    starts = sorted(30 * slot + rng.randint(0, 29) for slot in slots)
    style = rng.choice(CHAPTER_STYLES)
    lines = ["| Time | Topic |", "|------|-------|"] if style == "table" else []
    for start in [0, *starts]:
        title = f"{rng.choice(w.CHAPTER_PHRASES)} with {rng.choice(w.FIRST_NAMES)}"
        if style == "bracket":
            lines.append(f"[{_clock(start, True)}] {title}")
        elif style == "dash":
            lines.append(f"{_clock(start, False)} - {title}")
        elif style == "table":
            lines.append(f"| {_clock(start, False)} | {title} |")
        else:
            ts = _clock(start, False)
            lines.append(f"**[{ts}](#t={ts})** {title}")
    return lines


def episode_note(rng: random.Random, i: int) -> tuple[str, str]:
    """A podcast episode: YAML front matter, a Dataview callout, chapters, people, links."""
    show = rng.choice(w.SHOWS)
    number = rng.randint(1, 400)
    y, mo, d = _date(rng)
    duration = rng.randint(20 * 60, 95 * 60)
    title = f"{rng.choice(w.ADJECTIVES).title()} {plural(rng.choice(w.NOUNS))} and {person(rng)}"
    panel = ", ".join(f"[[{person(rng)}]]" for _ in range(rng.randint(1, 3)))
    head = [
        "---",
        f"id: {100000 + i}",
        "status: published",
        f"explicit: {rng.choice(('No', 'Yes'))}",
        f"tags: [episode, {rng.choice(w.TOPICS).replace(' ', '-')}]",
        f'aliases: ["{number}"]',
        f"created_at: {y}-{mo:02d}-{d:02d}T{rng.randint(0, 23):02d}:09:27.450Z",
        f"updated_at: {y + 1}-{mo:02d}-{d:02d}T15:36:44.404Z",
        "---",
        "",
        "> [!INFO] Metadata",
        f"> **Title**:: {title}",
        f"> **Number**:: {number}",
        f"> **Published**:: [[{y}-{mo:02d}-{d:02d}]]",
        f"> **Duration**:: {_clock(duration, duration >= 3600)}",
        f"> **Share**:: <https://share.example.fm/s/{rng.getrandbits(32):08x}>",
        f"> **Media**:: [MP3 Direct Link](https://media.example.fm/{i:x}/{rng.getrandbits(32):08x}.mp3)",
        "",
        "## Summary",
        "",
        paragraph(rng, 7),
        "",
        paragraph(rng, 5),
        "",
        f"## {rng.choice(CHAPTER_HEADINGS)}",
        "",
        *chapters(rng, duration),
        "",
        f"**Panelists**:: {panel}",
        "",
        f"**Guests**:: [[{person(rng)}]]",
        "",
        f"**Sponsor**:: [[{rng.choice(w.SPONSORS)}]]",
        "",
        "## Links",
        "",
        *(
            f"[{rng.choice(w.NOUNS).title()}](https://{rng.choice(w.TOPICS).replace(' ', '')}"
            f".example.org/{rng.getrandbits(24):x})"
            for _ in range(rng.randint(2, 6))
        ),
    ]
    slug = show.lower().replace(" ", "-")
    return f"podcast/{slug}/{y}/{number:03d} {title}.md", _pad(rng, head, "Notes")


def _revenue_table(rng: random.Random, start: int) -> list[str]:
    rows = ["| Year | Revenue | Growth |", "| --- | --- | --- |"]
    for year in range(start, start + rng.randint(2, 5)):
        rows.append(f"| {year} | ${rng.randint(2, 95)}k/month | {rng.randint(5, 80)}% |")
    return rows


def profile_note(rng: random.Random, i: int) -> tuple[str, str]:
    """An English founder profile with revenue figures in prose and in a table."""
    name = person(rng)
    company = rng.choice(w.COMPANIES)
    y, mo, d = _date(rng)
    founded = rng.randint(2008, 2020)
    head = [
        "---",
        "type: profile",
        f'title: "{name}, founder of {company}"',
        f"name: {name}",
        f"company: {company}",
        f"founded: {founded}",
        f"date: {y}-{mo:02d}-{d:02d}",
        f"tags: [founder, {rng.choice(w.TOPICS).replace(' ', '-')}, bootstrapped]",
        f'aliases: ["{name}"]',
        "---",
        "",
        f"# {name}",
        "",
        f"**Company:** {company}, a {rng.choice(w.ADJECTIVES)} tool for {rng.choice(w.TOPICS)}",
        f"**Team:** {rng.randint(1, 30)}",
        "",
        "## Background",
        "",
        paragraph(rng, 6),
        "",
        f"By {founded + 2} {company} made {_money(rng)} in revenue, and by {founded + 4} it had "
        f"crossed {_money(rng)}. Revenue grew about {rng.randint(5, 90)}% year over year.",
        "",
        "## Revenue by year",
        "",
        *_revenue_table(rng, founded),
        "",
        "## Interviews",
        "",
        *(
            f"- [{rng.choice(w.SHOWS)}, episode {rng.randint(1, 300)}]"
            f"(https://{rng.choice(w.SHOWS).lower().replace(' ', '')}.example/"
            f"{rng.randint(1, 300)})"
            f": on {rng.choice(w.TOPICS)} and {_money(rng)}."
            for _ in range(rng.randint(2, 5))
        ),
    ]
    folder = rng.choice(("people", "founders", "profiles"))
    return f"{folder}/{name[0]}/{name} {i}.md", _pad(rng, head, "My notes")


def zh_profile_note(rng: random.Random, i: int) -> tuple[str, str]:
    """A Chinese founder profile (Hexo-style front matter) full of revenue figures."""
    zh = rng.random() < 0.5
    name = rng.choice(w.ZH_SURNAMES) + rng.choice(w.ZH_GIVEN) if zh else person(rng)
    role = rng.choice(w.ZH_ROLES)
    product = rng.choice(w.ZH_PRODUCTS)
    y, mo, d = _date(rng)
    head = [
        "---",
        f"title: 标杆人物{i:05d}：{name}，{role}",
        f"date: {y}/{mo}/{d}",
        f"description: {name}，{role}，{product}的创建者",
        "tag: 人物故事",
        f"author: {rng.choice(w.ZH_SURNAMES)}{rng.choice(w.ZH_GIVEN)}",
        "---",
        "",
        w.ZH_INTRO,
        "",
        f"### {name}，{role}",
        "",
        f"-   名字：{name}",
        f"-   个人网站：[{name}](https://{i:x}.example.cn/)",
        f"-   代表作：{product}",
        f"-   介绍：{_zh_paragraph(rng, name)}",
        "",
        "### 收入情况",
        "",
        "| 年份 | 收入 | 增长 |",
        "| --- | --- | --- |",
        *(
            f"| {year} | {rng.randint(10, 900)} 万美元 | {rng.randint(5, 80)}% |"
            for year in range(y - rng.randint(2, 4), y)
        ),
        "",
        _zh_paragraph(rng, name),
    ]
    return f"人物/{y}/标杆人物{i:05d}：{name}.md", _pad(rng, head, "访谈内容", zh_name=name)


def plain_note(rng: random.Random, i: int) -> tuple[str, str]:
    """A plain note: optional front matter, tags, wikilinks, an inline field, prose."""
    topic = rng.choice(w.TOPICS)
    y, mo, d = _date(rng)
    title = f"{rng.choice(w.ADJECTIVES).title()} {rng.choice(w.NOUNS)} notes {i}"
    head: list[str] = []
    if rng.random() < 0.7:
        tags = ", ".join(rng.sample([t.replace(" ", "-") for t in w.TOPICS], 3))
        head += ["---", f"tags: [{tags}]", f"created: {y}-{mo:02d}-{d:02d}", "---", ""]
    links = [f"[[{person(rng)}]]" for _ in range(rng.randint(1, 4))]
    links += [f"[[{rng.choice(w.TOPICS).title()}]]" for _ in range(rng.randint(0, 3))]
    head += [
        f"# {title}",
        "",
        f"Status:: {rng.choice(('active', 'someday', 'done'))}",
        "",
        f"{paragraph(rng)} #{topic.replace(' ', '-')}",
        "",
        f"Related: {', '.join(links)}",
        "",
        "## Details",
        "",
        *(f"- {sentence(rng)}" for _ in range(rng.randint(2, 6))),
    ]
    if rng.random() < 0.2:
        head += ["", "```text", f"{rng.randint(0, 23):02d}:00 cron {topic} $5 ok", "```"]
    folder = f"notes/{rng.choice(w.FOLDERS)}/{topic.replace(' ', '-')}/{y}"
    return f"{folder}/{title}.md", _pad(rng, head, "More")
