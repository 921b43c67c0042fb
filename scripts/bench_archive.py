#!/usr/bin/env python3
"""Writes a synthetic LAist archive as a `git fast-import` stream on stdout.

    scripts/bench_archive.py --articles 20000 | git fast-import --quiet

Deterministic for a given --seed and --articles: ~70% Markdown with YAML
front matter, ~20% HTML news pages (meta, <time>, JSON-LD dates), ~10% XML
(NITF and NewsML-G2), a few KB each with a long tail, published 2005-2026
(none in LAist's shutdown, 2017-11-02 to 2018-02-23).

The archive looks like one archtag already maintains: with --archtag, about
68% of the articles carry the notices that are due on --as-of (as archtag
wrote them), ~21% were never stamped (a legacy import) and ~11% carry last
year's age notice. A sweep on --as-of therefore stamps or updates roughly 30%
of the articles (those old enough for a notice). The stamp bytes are not
hard-coded: they are learned by running `archtag fix --stdin` on probe
articles, so they follow the policy. Without --archtag nothing is stamped.

Two commits: an empty root ("Start the archive", for `sweep --since`) and
the import. With --config, `.archtag.xml` names the policy and rules.
"""
import argparse
import datetime as dt
import math
import os
import random
import subprocess
import sys

K_LEGACY = 0.21  # never stamped
K_STALE = 0.11  # stamped a year ago: the age notice is one year behind
K_FORMATS = [("markdown", 0.70), ("html", 0.20), ("nitf", 0.07), ("newsml", 0.03)]
K_EPOCH = 1763856000  # commit time of the import (2025-11-23 UTC), fixed for determinism
K_SHUTDOWN = (dt.date(2017, 11, 2), dt.date(2018, 2, 23))
K_ACQUIRED = dt.date(2018, 2, 23)

WORDS = (
    "council city county board vote budget housing rent transit metro line station "
    "freeway traffic fire smoke evacuation rain storm heat wave drought water district "
    "school teachers students union strike museum gallery concert festival parade "
    "restaurant taco truck market neighborhood residents officials police sheriff "
    "court ruling lawsuit park trail beach pier harbor airport flight studio film "
    "premiere dodgers lakers clippers stadium season game fans downtown valley hills "
    "river bridge library mayor governor election measure ballot campaign donors"
).split()
SECTIONS = ["News", "Politics", "Food", "Arts", "Sports", "Transportation", "Weather", "Housing"]
AUTHORS = ["Priya Raman", "Marcus Lee", "Ana Gutierrez", "Sam Whitfield", "Jo Kim", "Dev Patel"]


def sentence(rng):
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph_pool(rng, count=400):
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(count)]


def body_size(rng):
    """A few KB, long tail: log-normal around 3 KB, capped at 200 KB."""
    return int(min(200_000, max(600, rng.lognormvariate(math.log(3000), 0.8))))


def paragraphs(rng, pool, size):
    out, total = [], 0
    while total < size:
        p = rng.choice(pool)
        out.append(p)
        total += len(p) + 2
    return out


def pick_format(rng):
    u, acc = rng.random(), 0.0
    for name, share in K_FORMATS:
        acc += share
        if u < acc:
            return name
    return K_FORMATS[0][0]


def pick_date(rng, as_of):
    """Publication time: more stories in later years; never in the shutdown."""
    years = list(range(2005, as_of.year + 1))
    weights = [1.0 + 0.05 * (y - 2005) for y in years]
    while True:
        y = rng.choices(years, weights)[0]
        day = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(366 if y % 4 == 0 else 365))
        if day.year != y or day >= as_of or K_SHUTDOWN[0] <= day < K_SHUTDOWN[1]:
            continue
        # Daytime hours only, so no offset guess moves the story to another day.
        return dt.datetime(y, day.month, day.day, rng.randint(6, 20), rng.randrange(60))


def offset(when):
    return "-07:00" if 4 <= when.month <= 10 else "-08:00"


def full_years(when, as_of):
    """Whole years from publication to 00:00 of the as-of day (calendar arithmetic)."""
    years = as_of.year - when.year
    return years - 1 if (when.month, when.day) >= (as_of.month, as_of.day) else years


def slug_of(title):
    return "-".join(title.lower().split()[:6])


# Each renderer returns (head, tail): archtag puts its stamps between them.
def render_markdown(a, paras):
    head = (
        f"---\ntitle: \"{a['title']}\"\n"
        f"date: '{a['when'].isoformat()}{offset(a['when'])}'\n"
        f"publication: LAist\nsection: {a['section']}\nauthor: {a['author']}\n"
        f"tags:\n  - {a['tags'][0]}\n  - {a['tags'][1]}\n---\n"
    )
    return head, "\n" + "\n\n".join(paras) + "\n"


def render_html(a, paras):
    iso = a["when"].isoformat() + offset(a["when"])
    url = f"https://laist.com/news/{a['when']:%Y/%m/%d}/{a['slug']}"
    head = (
        f"<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{a['title']} | LAist</title>\n"
        f"<link rel=\"canonical\" href=\"{url}\">\n"
        f"<meta property=\"og:site_name\" content=\"LAist\">\n"
        f"<meta property=\"og:url\" content=\"{url}\">\n"
        f"<meta property=\"article:published_time\" content=\"{iso}\">\n"
        f"<meta property=\"article:section\" content=\"{a['section']}\">\n"
        f"<script type=\"application/ld+json\">\n"
        f"{{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
        f"\"headline\": \"{a['title']}\", \"datePublished\": \"{iso}\", "
        f"\"publisher\": {{\"@type\": \"Organization\", \"name\": \"LAist\"}}}}\n"
        f"</script>\n</head>\n<body class=\"single-post\">\n"
        f"<header id=\"masthead\"><a href=\"/\">LAist</a></header>\n<main id=\"content\">\n"
        f"<article class=\"story\">"
    )
    tail = (
        f"\n<h1>{a['title']}</h1>\n"
        f"<p class=\"byline\">By {a['author']} · <time datetime=\"{iso}\">"
        f"{a['when']:%B} {a['when'].day}, {a['when'].year}</time></p>\n"
        + "".join(f"<p>{p}</p>\n" for p in paras)
        + "</article>\n</main>\n</body>\n</html>\n"
    )
    return head, tail


def render_nitf(a, paras):
    norm = f"{a['when']:%Y%m%dT%H%M%S}{offset(a['when']).replace(':', '')}"
    head = (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<nitf version=\"-//IPTC//DTD NITF 3.3//EN\" xml:lang=\"en-US\">\n  <head>\n"
        f"    <title>{a['title']}</title>\n    <docdata>\n"
    )
    tail = (
        f"      <doc-id id-string=\"laist-{a['index']}\"/>\n"
        f"      <date.issue norm=\"{norm}\"/>\n"
        f"      <doc.copyright year=\"{a['when'].year}\" holder=\"LAist\"/>\n"
        "    </docdata>\n"
        f"    <pubdata type=\"web\" name=\"LAist\" date.publication=\"{norm}\" "
        f"position.section=\"{a['section']}\"/>\n  </head>\n  <body>\n    <body.head>\n"
        f"      <hedline><hl1>{a['title']}</hl1></hedline>\n"
        f"      <byline>By <person>{a['author']}</person></byline>\n    </body.head>\n"
        "    <body.content>\n"
        + "".join(f"      <p>{p}</p>\n" for p in paras)
        + "    </body.content>\n  </body>\n</nitf>\n"
    )
    return head, tail


def render_newsml(a, paras):
    iso = a["when"].isoformat() + offset(a["when"])
    head = (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        f"<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:laist:{a['index']}\" "
        "version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.12\" xml:lang=\"en\">\n"
        "  <rightsInfo><copyrightHolder><name>LAist</name></copyrightHolder></rightsInfo>\n"
        "  <itemMeta>\n    <itemClass qcode=\"icls:text\"/>\n"
        "    <provider literal=\"LAist\"/>\n"
        f"    <versionCreated>{iso}</versionCreated>\n"
        f"    <firstCreated>{iso}</firstCreated>\n"
        "    <pubStatus qcode=\"stat:usable\"/>\n"
    )
    tail = (
        "  </itemMeta>\n  <contentMeta>\n"
        f"    <headline>{a['title']}</headline>\n"
        f"    <by>{a['author']}</by>\n  </contentMeta>\n  <contentSet>\n"
        "    <inlineXML contenttype=\"application/xhtml+xml\">\n"
        "      <html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n"
        + "".join(f"        <p>{p}</p>\n" for p in paras)
        + "      </body></html>\n    </inlineXML>\n  </contentSet>\n</newsItem>\n"
    )
    return head, tail


RENDER = {"markdown": render_markdown, "html": render_html, "nitf": render_nitf, "newsml": render_newsml}
EXTENSION = {"markdown": "md", "html": "html", "nitf": "xml", "newsml": "xml"}


def path_of(a):
    w = a["when"]
    if a["format"] == "markdown":
        return f"laist/{w:%Y/%m}/{w:%Y-%m-%d}-{a['slug']}-{a['index']}.md"
    if a["format"] == "html":
        return f"laist/news/{w:%Y/%m/%d}/{a['slug']}-{a['index']}.html"
    return f"laist/wire/{w:%Y/%m}/{a['slug']}-{a['index']}.xml"


def make_article(rng, index, as_of):
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).title()
    return {
        "index": index,
        "format": pick_format(rng),
        "when": pick_date(rng, as_of),
        "title": title,
        "slug": slug_of(title),
        "section": rng.choice(SECTIONS),
        "author": rng.choice(AUTHORS),
        "tags": rng.sample(WORDS, 2),
    }


class Stamps:
    """Stamp bytes per format, learned from `archtag fix --stdin` on probes."""

    K_OLD, K_NEW = dt.datetime(2009, 6, 15, 10, 0), dt.datetime(2021, 6, 15, 10, 0)

    def __init__(self, archtag, config, as_of):
        self.archival, self.age = {}, {}
        for fmt in RENDER:
            old = self.probe(archtag, config, as_of, fmt, self.K_OLD)
            new = self.probe(archtag, config, as_of, fmt, self.K_NEW)
            age_old = self.phrase(full_years(self.K_OLD, as_of))
            age_new = self.phrase(full_years(self.K_NEW, as_of))
            both_age = new.replace(age_new, age_old)
            if not old.endswith(both_age) or len(old) == len(both_age) or age_new not in new:
                sys.exit(f"bench_archive: cannot split archtag's {fmt} stamps into archival and age:\n"
                         f"{old}\n---\n{new}")
            self.archival[fmt] = old[: len(old) - len(both_age)]
            self.age[fmt] = new.replace(age_new, "{age}")

    @staticmethod
    def phrase(years):
        return f"{years} year" if years == 1 else f"{years} years"

    @staticmethod
    def probe(archtag, config, as_of, fmt, when):
        a = {"index": 0, "format": fmt, "when": when, "title": "Probe Story", "slug": "probe-story",
             "section": "News", "author": "Jo Kim", "tags": ["probe", "story"]}
        head, tail = RENDER[fmt](a, ["Probe paragraph."])
        cmd = [archtag, "fix", "--stdin", "--path", path_of(a), "--as-of", as_of.isoformat()]
        if config:
            cmd += ["--config", config]
        out = subprocess.run(cmd, input=(head + tail).encode(), capture_output=True)
        text = out.stdout.decode()
        if out.returncode != 0 or not text.startswith(head) or not text.endswith(tail):
            sys.exit(f"bench_archive: archtag did not stamp the {fmt} probe between its head and "
                     f"tail (exit {out.returncode}): {out.stderr.decode()}\n{text}")
        return text[len(head): len(text) - len(tail)]

    def stamp(self, a, as_of, years_behind):
        years = full_years(a["when"], as_of) - years_behind
        out = self.archival[a["format"]] if a["when"].date() < K_ACQUIRED else ""
        if years >= 1:
            out += self.age[a["format"]].replace("{age}", self.phrase(years))
        return out


def config_file(policy, rules):
    return (f"<archtag version=\"1\">\n  <policies path=\"{policy}\"/>\n"
            f"  <rules path=\"{rules}\"/>\n</archtag>\n")


def write_blob_change(out, path, data):
    out.write(f"M 100644 inline {path}\ndata {len(data)}\n".encode())
    out.write(data)
    out.write(b"\n")


def commit_header(out, ref, message, parent):
    msg = message.encode()
    out.write(f"commit {ref}\nmark :{1 if parent is None else 2}\n"
              f"author Archive Import <import@example.com> {K_EPOCH} +0000\n"
              f"committer Archive Import <import@example.com> {K_EPOCH} +0000\n"
              f"data {len(msg)}\n".encode() + msg + b"\n")
    if parent is not None:
        out.write(f"from {parent}\n".encode())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--as-of", default="2026-11-23", help="the day the stamps are due for")
    p.add_argument("--archtag", help="archtag binary: pre-stamp ~68%% of the articles as it would")
    p.add_argument("--policy", help="write .archtag.xml naming this policy file (absolute path)")
    p.add_argument("--rules", help="... and this rules file or folder (absolute path)")
    p.add_argument("--config", help="the .archtag.xml the probes use (default: made from --policy)")
    p.add_argument("--ref", default="refs/heads/main")
    args = p.parse_args()

    as_of = dt.date.fromisoformat(args.as_of)
    stamps = None
    if args.archtag:
        config = args.config
        if not config and args.policy:
            import tempfile
            tmp = tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False)
            tmp.write(config_file(args.policy, args.rules))
            tmp.close()
            config = tmp.name
        try:
            stamps = Stamps(args.archtag, config, as_of)
        finally:
            if config != args.config:
                os.unlink(config)

    rng = random.Random(args.seed)
    pool = paragraph_pool(rng)
    out = sys.stdout.buffer
    commit_header(out, args.ref, "Start the archive\n", None)
    out.write(b"\n")
    commit_header(out, args.ref, f"Import {args.articles} articles\n", ":1")
    if args.policy:
        write_blob_change(out, ".archtag.xml", config_file(args.policy, args.rules).encode())
    for i in range(args.articles):
        a = make_article(rng, i, as_of)
        head, tail = RENDER[a["format"]](a, paragraphs(rng, pool, body_size(rng)))
        u = rng.random()
        stamp = ""
        if stamps and u >= K_LEGACY:
            stamp = stamps.stamp(a, as_of, 1 if u < K_LEGACY + K_STALE else 0)
        write_blob_change(out, path_of(a), (head + stamp + tail).encode())
    out.write(b"\ndone\n")


if __name__ == "__main__":
    main()
