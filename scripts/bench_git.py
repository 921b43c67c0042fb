#!/usr/bin/env python3
"""Times archtag's git sweeps and pre-commit hook against git on one repository.

    scripts/bench_git.py --archtag build/archtag --articles 20000 [--only git|hook]

Builds a repository with `scripts/bench_archive.py | git fast-import` in a
temporary folder (setup, not timed), then times each pair of commands:

  dry-run sweep (work tree)   archtag sweep REPO            vs git grep -c -F '</' HEAD
  dry-run sweep (git objects) archtag sweep --since ROOT    vs git grep -c -F '</' HEAD
  commit sweep                archtag sweep --commit        vs sed on the same files + git add -A + git commit
  no-op sweep                 archtag sweep --commit again  vs git status
                              (text report; and with the JSON report of every article)
  pre-commit hook             archtag hook pre-commit       vs git diff --cached --name-only
  HTML parse floor            archtag_html_floor (gumbo alone on the pages) vs git grep:
                              not archtag, the least any sweep that reads the
                              pages with gumbo can take (built beside archtag;
                              --html-floor names another)

Each command runs once untimed to warm the page cache, then the median of
--repeat timed runs is taken (default 3, 1 above 200,000 articles; the hook
pair: 10 runs). The two commit
commands are timed once each, after the dry runs and `git status` have warmed
the same files and blobs (a second run would first need 30% of the work tree
reset). Peak RSS is /usr/bin/time's %M. Exits 0 whether or not targets are
met: it is a report, not a test.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

K_AS_OF = "2026-11-23"
K_RSS_TARGET_MIB = 256
K_NOTICE = ("<!-- This is an archival story that predates current editorial management. "
            "This archival content was written, edited, and published prior to LAist's "
            "acquisition by its current owner, Southern California Public Radio. Content, such "
            "as language choice and subject matter, in archival articles therefore may not "
            "align with Southern California Public Radio's current editorial standards. -->")


class Bench:
    def __init__(self, args):
        self.archtag = os.path.abspath(args.archtag)
        self.top = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
        self.work = tempfile.mkdtemp(prefix="archtag-bench-git-", dir=args.workdir)
        self.repo = os.path.join(self.work, "archive")
        self.repeat = args.repeat
        beside = os.path.join(os.path.dirname(self.archtag), "archtag_html_floor")
        self.floor = getattr(args, "html_floor", None) or beside
        self.rows = []
        self.rss = []

    # --- running and timing -------------------------------------------------
    def run(self, cmd, env=None, check=True, stdout=subprocess.DEVNULL, cwd=None):
        r = subprocess.run(cmd, cwd=cwd or self.repo, env=env, stdout=stdout,
                           stderr=subprocess.PIPE)
        if check and r.returncode not in (0, 1):
            sys.exit(f"bench_git: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr.decode()}")
        return r

    def git(self, *args, stdout=subprocess.DEVNULL):
        return self.run(["git", *args], stdout=stdout)

    def timed(self, cmd, env=None):
        """Wall seconds and peak RSS (KiB) of one run."""
        mem = os.path.join(self.work, "rss")
        start = time.perf_counter()
        r = self.run(["/usr/bin/time", "-f", "%M", "-o", mem, *cmd], env=env, check=False)
        wall = time.perf_counter() - start
        if r.returncode not in (0, 1):  # killed (out of memory?) or failed: report it, go on
            print(f"  note: {' '.join(cmd[:3])} ... exited {r.returncode}: "
                  f"{r.stderr.decode().strip()[-300:]}", flush=True)
        with open(mem) as f:
            rss = int(f.read().split()[-1])
        return wall, rss, r

    def median(self, cmd, runs, env=None):
        self.timed(cmd, env)  # warm the page cache
        samples = [self.timed(cmd, env) for _ in range(runs)]
        return statistics.median(s[0] for s in samples), max(s[1] for s in samples)

    def row(self, name, ours, theirs, baseline, limit, note="", strict=False, archtag=True):
        (a, a_rss), (g, g_rss) = ours, theirs
        ratio = a / g if g > 0 else float("inf")
        if archtag:
            self.rss.append(a_rss)
        met = None if limit is None else ratio < limit if strict else ratio <= limit
        self.rows.append((name, a, g, ratio, baseline, limit, met, a_rss, g_rss, note, strict))
        print(f"  {name}: archtag {a:.3f} s, git {g:.3f} s, ratio {ratio:.2f}", flush=True)

    # --- setup ---------------------------------------------------------------
    def setup(self, articles):
        os.makedirs(self.repo)
        start = time.perf_counter()
        self.git("init", "-q", "-b", "main")
        for key, value in (("user.name", "Bench Editor"), ("user.email", "bench@example.com"),
                           ("gc.auto", "0"), ("core.untrackedCache", "false")):
            self.git("config", key, value)
        gen = subprocess.Popen(
            [sys.executable, os.path.join(self.top, "scripts", "bench_archive.py"),
             "--articles", str(articles), "--as-of", K_AS_OF, "--archtag", self.archtag,
             "--policy", os.path.join(self.top, "policies", "laist.xml"),
             "--rules", os.path.join(self.top, "rules")],
            stdout=subprocess.PIPE)
        imp = subprocess.run(["git", "fast-import", "--quiet"], cwd=self.repo, stdin=gen.stdout)
        gen.stdout.close()
        if gen.wait() != 0 or imp.returncode != 0:
            sys.exit("bench_git: generating the archive failed")
        imported = time.perf_counter()
        self.git("checkout", "-q", "-f", "main")
        checked_out = time.perf_counter()
        self.root = self.rev("main~1")
        self.base = self.rev("main")
        size = subprocess.run(["du", "-sh", self.work], capture_output=True, text=True).stdout.split()[0]
        print(f"setup: {articles:,} articles; fast-import {imported - start:.1f} s, "
              f"checkout {checked_out - imported:.1f} s, {size} on disk", flush=True)

    def rev(self, name):
        return self.git("rev-parse", name, stdout=subprocess.PIPE).stdout.decode().strip()

    def sweep(self, *extra):
        report = os.path.join(self.work, "report.json")
        return [self.archtag, "sweep", self.repo, "--as-of", K_AS_OF, "--format", "json",
                "-o", report, *extra]

    def summary(self):
        with open(os.path.join(self.work, "report.json")) as f:
            return json.load(f)["summary"]

    def drop_cache(self):
        shutil.rmtree(os.path.join(self.repo, ".git", "archtag"), ignore_errors=True)

    # --- the measurements ----------------------------------------------------
    def dry_runs(self):
        grep = self.median(["git", "grep", "-c", "-F", "</", "HEAD"], self.repeat)
        self.row("dry-run sweep (work tree)", self.median(self.sweep(), self.repeat), grep,
                 "git grep -c -F '</' HEAD", 1.5)
        s = self.summary()
        self.pending = s["pending"]
        print(f"  dry run: {s['articles']:,} articles, {s['pending']:,} pending "
              f"({100 * s['pending'] / max(1, s['articles']):.1f}%), {s['flagged']} flagged, "
              f"{s['errors']} errors; notices {s['notices']}", flush=True)
        self.row("dry-run sweep (git objects, --since root)",
                 self.median(self.sweep("--since", self.root, "--no-cache"), self.repeat), grep,
                 "git grep -c -F '</' HEAD", 1.5)
        self.drop_cache()  # a dry run on a branch fills the cache; the commit sweep starts cold
        self.html_floor(grep)

    def html_floor(self, grep):
        """gumbo alone on the archive's HTML pages: what the parse leaves of the 1.5x target."""
        if not os.access(self.floor, os.X_OK):
            print(f"  note: no {self.floor}; the HTML parse floor is not measured", flush=True)
            return
        pages = self.git("ls-files", "-z", "--", "*.html", "*.htm", stdout=subprocess.PIPE).stdout
        runs = []
        for _ in range(self.repeat):
            r = subprocess.run([self.floor], cwd=self.repo, input=pages, capture_output=True)
            if r.returncode != 0:
                print(f"  note: {self.floor} failed: {r.stderr.decode().strip()}", flush=True)
                return
            runs.append(dict(zip(*[iter(r.stdout.decode().split())] * 2)))
        wall = statistics.median(float(f["wall"]) for f in runs)
        cpu = statistics.median(float(f["cpu"]) for f in runs)
        self.row("HTML parse floor: gumbo alone, not archtag", (wall, None), grep,
                 "git grep -c -F '</' HEAD", None,
                 f"{int(runs[0]['pages']):,} pages, {int(runs[0]['bytes']) / 1e6:.0f} MB, "
                 f"{cpu:.1f} s CPU", archtag=False)

    def commits(self):
        self.median(["git", "status", "--porcelain"], 1)  # warm the index and the stat data
        wall, rss, r = self.timed(self.sweep("--commit"))
        if r.returncode != 0:
            print(f"  note: sweep --commit exited {r.returncode}: {r.stderr.decode().strip()}")
        self.stamped = self.rev("main")
        changed = self.git("diff", "--name-only", "-z", self.base, self.stamped,
                           stdout=subprocess.PIPE).stdout
        files = [f for f in changed.split(b"\0") if f]
        self.sample = next((f.decode() for f in files if f.endswith(b".md")), None)

        noop_json = self.median(self.sweep("--commit"), self.repeat)
        # As a nightly job runs it: the default text report (a summary and
        # what changed, as `git status` prints what changed).
        noop = self.median([self.archtag, "sweep", self.repo, "--as-of", K_AS_OF, "--commit"],
                           self.repeat)
        if self.rev("main") != self.stamped:
            print("  note: the second sweep --commit committed again")
        status = self.median(["git", "status", "--porcelain"], self.repeat)

        self.git("reset", "-q", "--hard", self.base)
        lists = os.path.join(self.work, "stamped-files")
        with open(lists, "wb") as f:
            f.write(changed)
        script = (f"xargs -0 sed -i -e {shlex.quote('$a ' + K_NOTICE)} <{shlex.quote(lists)} && "
                  "git add -A && git commit -q -m 'Add archival notices'")
        g_wall, g_rss, _ = self.timed(["bash", "-c", script])
        resed = self.git("diff", "--name-only", "HEAD~1", "HEAD", stdout=subprocess.PIPE).stdout
        print(f"  commit: archtag changed {len(files):,} files, sed + git {len(resed.splitlines()):,}",
              flush=True)
        self.row("commit sweep (30% stamped)", (wall, rss), (g_wall, g_rss),
                 "sed -i on the same files + git add -A + git commit", 1.0,
                 f"{len(files):,} files", strict=True)
        self.row("no-op sweep --commit", noop, status, "git status", 1.0)
        self.row("no-op sweep --commit, JSON report", noop_json, status, "git status", None,
                 "a row per article")
        self.git("reset", "-q", "--hard", self.stamped)

    def hook(self):
        path = self.sample or self.first_markdown()
        with open(os.path.join(self.repo, path), "a") as f:
            f.write("\nAn editor's correction, added later.\n")
        self.git("add", path)
        # As git runs it: the installed script, from the top of the work tree,
        # with GIT_INDEX_FILE naming the index git commits from.
        self.run([self.archtag, "hook", "install"])
        script = os.path.join(self.repo, ".git", "hooks", "pre-commit")
        env = dict(os.environ, GIT_INDEX_FILE=os.path.join(self.repo, ".git", "index"), GIT_EDITOR=":")
        r = self.run([script], env=env)
        if r.returncode != 0:
            print(f"  note: the hook exited {r.returncode}: {r.stderr.decode().strip()}")
        hook = self.median([script], 10, env)
        diff = self.median(["git", "diff", "--cached", "--name-only"], 10)
        self.row("pre-commit hook (1 staged article)", hook, diff, "git diff --cached --name-only",
                 2.0)

    def first_markdown(self):
        """A Markdown article that already carries its notices (the hook lets it pass)."""
        names = self.git("ls-files", "laist/", stdout=subprocess.PIPE).stdout.decode().split("\n")
        for name in (n for n in names if n.endswith(".md")):
            check = [self.archtag, "check", "--root", self.repo, "--as-of", K_AS_OF, name]
            if self.run(check).returncode == 0:
                return name
        sys.exit("bench_git: no article carries its notices")

    # --- the table -----------------------------------------------------------
    def print_table(self, articles):
        print(f"\ngit and hook figures, {articles:,} articles (as of {K_AS_OF}):\n")
        head = ("measurement", "archtag s", "git s", "ratio", "target", "met?", "archtag RSS",
                "git RSS", "git baseline")
        lines = [head]
        for name, a, g, ratio, base, limit, met, a_rss, g_rss, note, strict in self.rows:
            target = ("none" if limit is None else f"< {limit:g}x" if strict else
                      f"<= {limit:g}x")
            ours = "" if a_rss is None else f"{a_rss / 1024:.0f} MiB"
            lines.append((name + (f" ({note})" if note else ""), f"{a:.3f}", f"{g:.3f}",
                          f"{ratio:.2f}", target, "" if met is None else "met" if met else "not met",
                          ours, f"{g_rss / 1024:.0f} MiB", base))
        if self.rss:
            peak = max(self.rss) / 1024
            lines.append(("peak RSS of archtag", "", "", "", f"< {K_RSS_TARGET_MIB} MiB",
                          "met" if peak < K_RSS_TARGET_MIB else "not met", f"{peak:.0f} MiB", "", ""))
        widths = [max(len(l[i]) for l in lines) for i in range(len(head))]
        for n, l in enumerate(lines):
            print("| " + " | ".join(c.ljust(w) for c, w in zip(l, widths)) + " |")
            if n == 0:
                print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--archtag", required=True)
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--only", choices=["git", "hook"], help="default: both")
    p.add_argument("--repeat", type=int,
                   help="timed runs per command, median taken (default: 3; 1 above 200,000 articles)")
    p.add_argument("--workdir", default=os.environ.get("TMPDIR", "/tmp"))
    p.add_argument("--keep", action="store_true", help="keep the repository")
    p.add_argument("--html-floor", help="archtag_html_floor to run (default: beside --archtag)")
    args = p.parse_args()
    if args.repeat is None:
        args.repeat = 3 if args.articles <= 200_000 else 1
    b = Bench(args)
    try:
        b.setup(args.articles)
        b.sample = None
        if args.only != "hook":
            b.dry_runs()
            b.commits()
        if args.only != "git":
            b.hook()
        b.print_table(args.articles)
    finally:
        if args.keep:
            print(f"repository kept in {b.repo}")
        else:
            shutil.rmtree(b.work, ignore_errors=True)


if __name__ == "__main__":
    main()
