"""parse_note: whole small notes as bytes in, rows for every table and issues out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import transforms.rows
from transforms.ids import note_id
from transforms.rows import ParsedNote, parse_note

# ---- the seed notes, copied line by line (long lines wrapped) -------------------------------

SEED_000 = (
    "---\n"
    "id: 471329\n"
    "status: published\n"
    "explicit: No\n"
    "tags: [episode]\n"
    'aliases: ["119"]\n'
    "created_at: 2021-02-22T23:09:27.450Z\n"
    "updated_at: 2022-04-05T15:36:44.404Z\n"
    "---\n"
    "\n"
    "> [!INFO] Metadata\n"
    "> **Title**:: Building a Business on Rails with Mike Perham\n"
    "> **Number**:: 119\n"
    "> **Published**:: [[2021-03-05]]\n"
    "> **Duration**:: 41:08\n"
    "> **Share**:: <https://share.transistor.fm/s/102fc5a6>\n"
    "> **Media**:: [MP3 Direct"
    " Link](https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e"
    "9.mp3)\n"
    "\n"
    '<iframe width="100%" height="180" frameborder="no" scrolling="no" seamless'
    ' src="https://share.transistor.fm/e/102fc5a6/dark"></iframe>\n'
    "\n"
    "---\n"
    "\n"
    "## Summary\n"
    "\n"
    "It’s been a crazy week of weather in Jason, Chris, and Andrew’s hometowns, but"
    " thankfully we have a great guest to take away the winter blues. Today, we have"
    " Mike Perham from Sidekiq and Faktory fame. We find out what Sidekiq is and a"
    " great story about what led Mike into starting it, as well as Faktory. Other"
    " topics in the discussion are how Active Jobs plays into Sidekiq, an experiment"
    " Mike did with Sidekiq and Crystal, and Mike giving some inspiring advice on"
    " how teaching and building trust work hand in hand.\n"
    "\n"
    "## Description\n"
    "\n"
    "[00:01:40] Mike tells us about himself, what he was doing before he started"
    " Sidekiq, and what led in the idea of him starting it.\n"
    "[00:03:46] Jason asks Mike if he thinks a lot of thread safe code in our"
    " ecosystem came from just people adopting Sidekiq, and when he started Sidekiq"
    " did he have plans of it becoming paid tiers or was it purely an open source"
    " project at the time.\n"
    "[00:06:07] When he moved to the open core model, Mike tells us if he had both"
    " the pro and enterprise license at one time or if it was there just one"
    " license.\n"
    "[00:08:35] Jason asks Mike when you’re searching for things about Sidekiq, and"
    " you see other libraries that aren’t from Sidekiq, but they’re Sidekiq dash and"
    " its open source versions, does he ever feel like that is an issue for his"
    " business.\n"
    "[00:10:50] Mike explains how Active Job plays into all of this for him.\n"
    "[00:15:55] Mike tells us where Faktory came from, what it is, and would it be"
    " any use to Ruby Developers to choose over Sidekiq. He also tells us how the"
    " adoption of it has been compared to Sidekiq.\n"
    "[00:19:37] Jason brings up an experiment Mike did awhile back with Sidekiq and"
    " Crystal, and he was wondering how that went and if he still has interest in"
    " it.\n"
    "[00:25:54] Mike shares with us how he turned Sidekiq and Faktory into his"
    " full-time gig and the economics around it.\n"
    "[00:33:05] Chris mentions always looking up to Mike after reading his blog"
    " posts, and Chris realizing his dream what he wanted to do and Mike shares"
    " advice with him as well.\n"
    "[00:34:39] Chris and Mike talk about writing blog posts, building gems, and"
    " building trust in a lot of different ways. Mike also mentions how important"
    " teaching is to build trust. They mention Jeremy Evans and Andrew Kane as"
    " widely trusted people in the Ruby community.\n"
    "[00:37:47] Andrew and Mike explain what Sidekiq is.\n"
    "\n"
    "**Panelists**:: [[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]\n"
    "\n"
    "**Guests**:: [[Mike Perham]]\n"
    "\n"
    "**Sponsor**:: [[Honeybadger]]\n"
    "\n"
    "## Links\n"
    "\n"
    "[Mike Perham Twitter](https://twitter.com/getajobmike?lang=en)\n"
    "[Mike Perham Website](https://www.mikeperham.com/)\n"
    "[Sidekiq](https://sidekiq.org/)\n"
    "[Faktory](https://www.mikeperham.com/2017/10/24/introducing-faktory/)\n"
    "[Jeremy Evans-GitHub](https://github.com/jeremyevans)\n"
    "[Andrew Kane-GitHub](https://github.com/ankane)\n"
)

SEED_004 = (
    "---\n"
    "title: 标杆人物01：Mike Perham，软件开发人员，Sidekiq"
    "创建者\n"
    "date: 2023/1/16\n"
    "description: Mike Perham，软件开发人员，Sidekiq创"
    "建者\n"
    "tag: 人物故事\n"
    "author: 拿小多\n"
    "---\n"
    "\n"
    "这里分享有趣有意思的人士、有可取之处的人士、有特色之处的人士、小有成就的人士、有"
    "一技之长的人士，他们是来自各行各业的人士，创业者、开发者、设计师、作家、插画师、"
    "教师、主播、模特、音乐人、运动员...等等；他们是来自全球各地的人士，中国、美国"
    "、日本、印度、新加坡、英国、以色列、南非、阿根廷...等等。\n"
    "\n"
    "### Mike Perham，软件开发人员，Sidekiq创建者\n"
    "\n"
    "-   名字：Mike Perham\n"
    "-   Twitter：[getajobmike](https://twitte"
    "r.com/getajobmike)\n"
    "-   Github：[mperham](https://github.com/"
    "mperham)\n"
    "-   个人博客网站：[mikeperham](https://www.mike"
    "perham.com/)\n"
    "-   代表作：[Sidekiq](https://sidekiq.org/)、"
    "[Faktory](https://contribsys.com/faktory"
    "/)、[Inspeqtor](https://www.mikeperham.co"
    "m/2014/10/02/introducing-inspeqtor/)等\n"
    "-   介绍：Mike Perham，著名的开源软件开发人员，也是深受开发者喜爱"
    "的 Sidekiq 和 Inspeqtor 的作者。在过去20年一直是Java和"
    "Ruby软件工程师，他独自经营一家年收入百万美元的公司。\n"
    " ![](https://cdn.nlark.com/yuque/0/2022/"
    "png/126467/1668588401805-71e55e30-c8fb-4"
    "288-9c34-4702b5bbdfda.png)\n"
    "\n"
    "### 很少有人通过开源产品赚到钱，Sidekiq 想法背后的故事是什么呢？\n"
    "\n"
    "Mike设计和构建了Sidekiq，这是一种面向Ruby编程语言的免费开源的后台"
    "任务框架。\n"
    "\n"
    "Mike是旧金山一家使用大量机器处理后台产品的公司顾问。他们有十几台机器在处理这"
    "些后台工作。当Mike看到他们正在使用的软件集时，可以看出效率是多么低。Mike"
    "认为自己可以开发出效率更高的东西，用一台机器而不是十几台机器来处理这些后台工作，"
    "从而节省大量运营费用。因此，对于这家公司来说非常有价值。\n"
    "\n"
    "Mike大约花了两个月的时间来开发 Sidekiq，并在自己使用了一段时间后正式"
    "推出了它。该公司几乎立刻接受了它。\n"
    "\n"
    "Mike在开源版本上工作了大约六个月后，在它之上发布了一个封闭源代码组件，命名为"
    "“Sidekiq Pro”。这是一个功能包，本质上是一个附加组件，添加了一堆开源"
    "版本没有的功能，作为高级版本来收取费用。\n"
    "\n"
    "Mike几乎立即看到了销售。开源版本给他带来了流量，因为开源版本的那些使用用户，"
    "发现付费版本上有更高级的功能。\n"
    "\n"
    "从那里开始，业务收入就很容易解决了。Sidekiq 基础版是开源的，每个人都可以"
    "免费使用。然后在该基础版之上，有一个 Pro 库和一个 Enterprise 库"
    "。这些只是额外的功能层，只是需要花更多的钱。Sidekiq 是免费的，Pro 是"
    "每年 1,000 美元，Enterprise 是每年 2,000 美元。\n"
    "\n"
    "### 关于Mike Perham的访谈内容\n"
    "\n"
    "-   [Indie Hackers](https://www.indiehac"
    "kers.com/podcast/016-mike-perham-of-side"
    "kiq)：了解 Mike Perham 如何将他的开源副项目转变为一项业务。辞去"
    "工作，并在没有雇佣任何人的情况下将收入增加到 80,000 美元/月。\n"
    "-   [AlphaList](https://alphalist.com/po"
    "dcast/49-mike-perham-creator-of-sidekiq-"
    "faktory) ：Mike Perham 分享了他如何将Sidekiq开源并商"
    "业化，作为一个独立的创业家，没有团队的成本和管理难题，也没有风险投资的压力。如何"
    "通过为流行的开源框架（即 Rails）创建一个有用的附加组件，来达到 400 万"
    "美元的 ARR，并实现 20% 的同比增长。\n"
    "-   [Starting & Sustaining](https://star"
    "tingandsustaining.com/interviews/mike-pe"
    "rham/)：Mike Perham介绍了在他的开源努力的基础上成功地建立了一个"
    "利润丰厚的单人企业。\n"
    "-   [Changelog](https://changelog.com/po"
    "dcast/159)：Mike Perham 加入了节目，谈论维持开源软件、过上"
    "健康的生活、如何对待彼此，等等。\n"
    "-   [Poddtoppen](https://poddtoppen.se/p"
    "odcast/1397042613/remote-ruby/building-a"
    "-business-on-rails-with-mike-perham)：Mik"
    "e Perham介绍了Sidekiq 是什么，以及关于是什么促使 Mike 创立"
    "它以及 Faktory的精彩故事\n"
    "-   [Ruby on Rails 播客](https://www.theru"
    "byonrailspodcast.com/144)：谈论 Sidekiq 的历史"
    "、全新的 3.0 版本、Sidekiq Pro 商业插件、开源资金以及相关主题。"
    "\n"
    "-   [binPress](https://www.binpress.com/"
    "podcast-15-mike-perham-contributed-syste"
    "ms/)：Mike介绍了开源项目命名的禅宗和艺术，如何定价，项目背后的经验。他还"
    "介绍了为什么在与项目社区互动时同理心是关键，他是如何围绕开源软件建立起业务模型的"
    "，等等。\n"
    "-   [COSS 社区](https://www.coss.community"
    "/)：Sidekiq 的创建者 Mike Perham 分享了他的独立黑客故事，"
    "即围绕 Sidekiq 将 COSS 业务发展到 300 万美元以上的收入规模，"
    "只有一名员工：他自己。\n"
    "-   [Maintainable](https://maintainable."
    "fm/episodes/mike-perham-how-developers-u"
    "nderestimate-long-term-costs-of-external"
    "-dependencies-L7yObw1d)：Mike Perham介绍了开发"
    "人员如何低估外部依赖项的长期成本。他们讨论了使用外部依赖项的优缺点、Mike 如"
    "何利用他的开源项目 Sidekiq 建立业务，以及维护 Ruby 与 Go 软件"
    "项目的区别。\n"
    "-   [Bet On Yourself](https://www.betony"
    "ourself.com/podcast/episode-7-mike-perha"
    "m)：作为 Java 开发人员，开源帮助Mike Perham在 Ruby 世界"
    "中树立了自己的名声。迈克怀着赚钱的目的创办了 Sidekiq。他在不拿投资者一分"
    "钱的情况下赚取 100 万美元的目标。听听为什么避免他所谓的“Tip Jar M"
    "indset”很重要，以及他如何将他的项目从每小时赚 1 美元变成今天的强劲业务"
    "。\n"
)

SHARE = "https://share.transistor.fm/s/102fc5a6"
MP3 = "https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3"


def _tables_carry_note_id(parsed: ParsedNote) -> None:
    for table, rows in parsed.rows.items():
        for row in rows:
            assert row["note_id"] == parsed.note_id, table


def test_seed_episode_note() -> None:
    data = SEED_000.encode("utf-8")
    parsed = parse_note("podcast/119.md", data)
    assert parsed.issues == []
    assert parsed.loaded and parsed.note_id == note_id("podcast/119.md")
    _tables_carry_note_id(parsed)
    note = parsed.rows["notes"][0]
    assert {k: note[k] for k in ("path", "kind", "title", "lang", "note_date")} == {
        "path": "podcast/119.md",
        "kind": "episode",
        "title": "Building a Business on Rails with Mike Perham",
        "lang": "en",
        "note_date": dt.date(2021, 3, 5),
    }
    assert note["created_at"] == dt.datetime(2021, 2, 22, 23, 9, 27, 450000, tzinfo=dt.UTC)
    assert note["updated_at"] == dt.datetime(2022, 4, 5, 15, 36, 44, 404000, tzinfo=dt.UTC)
    assert (note["size_bytes"], note["encoding"], note["frontmatter_format"]) == (
        len(data),
        "utf-8",
        "yaml",
    )
    episode = parsed.rows["episodes"][0]
    assert {
        k: episode[k]
        for k in ("number", "published_date", "duration_seconds", "explicit", "status")
    } == {
        "number": 119,
        "published_date": dt.date(2021, 3, 5),
        "duration_seconds": 41 * 60 + 8,
        "explicit": False,
        "status": "published",
    }
    assert (episode["share_url"], episode["media_url"]) == (SHARE, MP3)
    # [00:01:40] ... [00:37:47], the last one running to the end at 41:08.
    starts = [100, 226, 367, 515, 650, 955, 1177, 1554, 1985, 2079, 2267]
    chapters = parsed.rows["chapters"]
    assert [c["start_seconds"] for c in chapters] == starts
    assert [c["end_seconds"] for c in chapters] == [*starts[1:], 2468]
    assert [c["line"] for c in chapters] == list(range(29, 40))
    assert [(a["person_id"], a["role"], a["line"]) for a in parsed.rows["appearances"]] == [
        ("jason-charnes", "panelist", 41),
        ("chris-oliver", "panelist", 41),
        ("andrew-mason", "panelist", 41),
        ("mike-perham", "guest", 43),
        ("honeybadger", "sponsor", 45),
    ]
    assert [t["tag"] for t in parsed.rows["tags"]] == ["episode"]
    assert [a["alias"] for a in parsed.rows["aliases"]] == ["119"]
    assert [(w["target"], w["line"]) for w in parsed.rows["wikilinks"]] == [
        ("2021-03-05", 14),
        ("Jason Charnes", 41),
        ("Chris Oliver", 41),
        ("Andrew Mason", 41),
        ("Mike Perham", 43),
        ("Honeybadger", 45),
    ]
    assert [
        (ln["domain"], ln["line"]) for ln in parsed.rows["links"] if ln["section"] == "Links"
    ] == [
        ("twitter.com", 49),
        ("mikeperham.com", 50),
        ("sidekiq.org", 51),
        ("mikeperham.com", 52),
        ("github.com", 53),
        ("github.com", 54),
    ]
    # 7 front-matter rows (one per list item) and 9 inline fields.
    fields = parsed.rows["fields"]
    assert len(fields) == 16
    assert [f["source"] for f in fields] == ["frontmatter"] * 7 + ["inline"] * 9
    assert ("duration", "41:08", "inline", 15) in [
        (f["key"], f["value"], f["source"], f["line"]) for f in fields
    ]
    assert parsed.rows["money_mentions"] == [] and parsed.rows["growth_mentions"] == []


def test_seed_profile_note() -> None:
    parsed = parse_note("founders/标杆人物01.md", SEED_004.encode("utf-8"))
    assert [i for i in parsed.issues if i.severity == "error"] == []
    _tables_carry_note_id(parsed)
    note = parsed.rows["notes"][0]
    assert (note["kind"], note["lang"], note["note_date"], note["created_at"]) == (
        "profile",
        "zh",
        dt.date(2023, 1, 16),
        None,
    )
    assert parsed.subject == ("mike-perham", "Mike Perham")
    assert [(a["person_id"], a["role"]) for a in parsed.rows["appearances"]] == [
        ("mike-perham", "subject"),
        ("拿小多", "author"),
    ]
    assert [t["tag"] for t in parsed.rows["tags"]] == ["人物故事"]
    assert "episodes" not in parsed.rows
    money = {(m["line"], m["amount"], m["currency"]): m for m in parsed.rows["money_mentions"]}
    monthly = money[(37, Decimal(80000), "USD")]  # 80,000 美元/月
    assert (monthly["period"], monthly["annualized_amount"]) == ("month", Decimal(960000))
    assert money[(38, Decimal(4_000_000), "USD")]["metric"] == "arr"  # 400 万美元的 ARR
    assert money[(44, Decimal(3_000_000), "USD")]["qualifier"] == "at_least"  # 300 万美元以上
    assert monthly["subject"] == "Mike Perham"  # the profile's subject, given to money
    growth = parsed.rows["growth_mentions"]
    assert [(g["line"], g["percent"], g["basis"]) for g in growth] == [(38, Decimal(20), "yoy")]


# ---- bytes in every shape -------------------------------------------------------------------

# (bytes, title, encoding, frontmatter_format, [(severity, stage)])
ByteCase = tuple[bytes, str, str, str | None, list[tuple[str, str]]]

REAL_FORMAT_CASES: list[ByteCase] = [
    (b"---\r\ntitle: Hi\r\n---\r\n\r\nBody with #idea\r\n", "Hi", "utf-8", "yaml", []),
    (b"\xef\xbb\xbf---\ntitle: Hi\n---\nBody\n", "Hi", "utf-8-sig", "yaml", []),
    (
        "---\ntitle: 中文笔记\n---\n正文：这是一个关于开源软件的笔记。\n".encode("gb18030"),
        "中文笔记",
        "gb18030",
        "yaml",
        [("warning", "decode")],
    ),
    ("# Hello\n\nBody\n".encode("utf-16"), "Hello", "utf-16", None, []),
    (b'+++\ntitle = "From TOML"\ndate = 2021-03-05\n+++\nBody\n', "From TOML", "utf-8", "toml", []),
    (b"# Just a heading\n\nText.\n", "Just a heading", "utf-8", None, []),
    (b"", "x", "utf-8", None, [("warning", "decode")]),  # loaded, with a word about it
    # Broken YAML: a warning, and the note still loads from its body.
    (
        b"---\ntitle: [unclosed\n---\n# Heading\nBody text.\n",
        "Heading",
        "utf-8",
        "yaml",
        [("warning", "frontmatter")],
    ),
    (b"---\ntitle: never closed\nBody\n", "x", "utf-8", None, [("warning", "frontmatter")]),
]


@pytest.mark.parametrize(
    ("data", "title", "encoding", "fmt", "issues"),
    REAL_FORMAT_CASES,
    ids=[repr(c[0])[:50] for c in REAL_FORMAT_CASES],
)
def test_bytes_in_every_shape_load(
    data: bytes, title: str, encoding: str, fmt: str | None, issues: list[tuple[str, str]]
) -> None:
    parsed = parse_note("notes/x.md", data)
    assert parsed.loaded
    note = parsed.rows["notes"][0]
    assert (note["title"], note["encoding"], note["frontmatter_format"]) == (title, encoding, fmt)
    assert (note["size_bytes"], note["path"]) == (len(data), "notes/x.md")
    assert [(i.severity, i.stage) for i in parsed.issues] == issues
    _tables_carry_note_id(parsed)


def test_crlf_keeps_line_numbers() -> None:
    parsed = parse_note("x.md", b"---\r\ntitle: Hi\r\n---\r\n\r\nBody with #idea\r\n")
    assert [(t["tag"], t["line"]) for t in parsed.rows["tags"]] == [("idea", 5)]


def test_gb18030_is_read_as_chinese() -> None:
    data = "---\ntitle: 中文笔记\n---\n正文：这是一个关于开源软件的笔记。\n".encode("gb18030")
    assert parse_note("x.md", data).rows["notes"][0]["lang"] == "zh"


def test_toml_front_matter_dates_the_note() -> None:
    parsed = parse_note("x.md", b'+++\ntitle = "T"\ndate = 2021-03-05\ntags = ["a"]\n+++\n')
    assert parsed.rows["notes"][0]["note_date"] == dt.date(2021, 3, 5)
    assert [t["tag"] for t in parsed.rows["tags"]] == ["a"]


def test_empty_file_is_a_note() -> None:
    parsed = parse_note("inbox/Untitled.md", b"")
    note = parsed.rows["notes"][0]
    assert (note["title"], note["kind"], note["word_count"], note["lang"]) == (
        "Untitled",
        "note",
        0,
        None,
    )
    assert note["content_sha256"] == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert [(i.severity, "empty" in i.message) for i in parsed.issues] == [("warning", True)]


# Not a text note: one error, no rows.
NEGATIVE_CASES: list[bytes] = [
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    b"abc\x00def",
    b"\xff\xfe\x00\x00a\x00\x00\x00",  # UTF-32
]


@pytest.mark.parametrize("data", NEGATIVE_CASES, ids=[repr(d)[:30] for d in NEGATIVE_CASES])
def test_not_a_text_note(data: bytes) -> None:
    parsed = parse_note("attachments/x.md", data)
    assert not parsed.loaded
    assert parsed.rows == {}
    assert [(i.severity, i.stage) for i in parsed.issues] == [("error", "decode")]


# ---- failures stay inside one note ----------------------------------------------------------


def _raise(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_failing_extractor_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.rows, "find_chapters", _raise)
    parsed = parse_note("podcast/119.md", SEED_000.encode("utf-8"))
    assert parsed.loaded
    assert parsed.rows["chapters"] == []
    assert [(i.severity, i.stage) for i in parsed.issues] == [("warning", "chapters")]
    assert "RuntimeError: boom" in parsed.issues[0].message
    # Everything else is still there.
    assert parsed.rows["episodes"][0]["duration_seconds"] == 2468
    assert len(parsed.rows["appearances"]) == 5


def test_a_failing_money_extractor_keeps_growth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.rows, "find_money", _raise)
    parsed = parse_note("founders/x.md", SEED_004.encode("utf-8"))
    assert parsed.loaded and parsed.rows["money_mentions"] == []
    assert ("warning", "money") in [(i.severity, i.stage) for i in parsed.issues]
    assert [g["percent"] for g in parsed.rows["growth_mentions"]] == [Decimal(20)]


def test_a_bug_outside_the_extractors_costs_one_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transforms.rows, "note_title", _raise)
    parsed = parse_note("x.md", b"# Hi\n")
    assert not parsed.loaded and parsed.rows == {}
    assert [(i.severity, i.stage) for i in parsed.issues] == [("error", "parse")]


def test_a_broken_note_never_gets_the_previous_notes_rows() -> None:
    good = parse_note("a.md", b"---\ntitle: Good\ntags: [kept]\n---\nGood body.\n")
    broken = parse_note("b.md", b"---\ntitle: [broken\n---\n# Broken\n")
    assert good.rows["notes"][0]["title"] == "Good"
    assert broken.rows["notes"][0]["title"] == "Broken"
    assert broken.rows["tags"] == [] and broken.rows["fields"] == []


# ---- paths, times, kinds --------------------------------------------------------------------


def test_path_is_normalised_before_the_id() -> None:
    parsed = parse_note(".\\podcast\\119.md", b"x\n")
    assert (parsed.path, parsed.note_id) == ("podcast/119.md", note_id("podcast/119.md"))
    assert (parsed.rows["notes"][0]["folder"], parsed.rows["notes"][0]["file_name"]) == (
        "podcast",
        "119.md",
    )


def test_mtime_is_the_fallback_update_time() -> None:
    mtime = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert parse_note("x.md", b"x\n", mtime=mtime).rows["notes"][0]["updated_at"] == mtime


def test_a_note_in_a_people_folder_is_a_profile_of_its_title() -> None:
    parsed = parse_note("people/Ada Quill.md", b"Ada builds looms.\n")
    assert parsed.rows["notes"][0]["kind"] == "profile"
    assert parsed.subject == ("ada-quill", "Ada Quill")
    assert [(a["person_id"], a["role"]) for a in parsed.rows["appearances"]] == [
        ("ada-quill", "subject")
    ]


def test_a_plain_note_has_no_subject() -> None:
    parsed = parse_note("journal/Ada Quill.md", b"Ada builds looms.\n")
    assert parsed.rows["notes"][0]["kind"] == "note"
    assert parsed.subject is None and parsed.rows["appearances"] == []
