#!/usr/bin/env python3
"""Compares two archtag builds by interleaved runs on one benchmark repository.

On a machine whose speed drifts from minute to minute (steal time from the
host, page cache reclaimed), two bench_git.py runs made minutes apart do not
compare builds; runs of both builds taken in turn on the same repository do.
The repository is the one bench_git.py makes (scripts/bench_archive.py into
git fast-import); between commit sweeps the branch, the work tree, archtag's
cache and the packs a sweep wrote are put back, and the disk is synced.

  scripts/bench_ab.py --before OLD_BINARY --after NEW_BINARY [--articles N] [--runs K]

Prints each run's wall time, in the order taken, and the medians.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_git  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("--articles", type=int, default=100000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--workdir", default=os.environ.get("TMPDIR", "/tmp"))
    args = p.parse_args()
    bench = bench_git.Bench(argparse.Namespace(archtag=args.before, repeat=1,
                                               workdir=args.workdir))
    builds = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    try:
        bench.setup(args.articles)
        repo = bench.repo
        imported_packs = set(glob.glob(os.path.join(repo, ".git", "objects", "pack", "*")))

        def put_back():
            for f in set(glob.glob(os.path.join(repo, ".git", "objects", "pack", "*"))) - imported_packs:
                os.chmod(f, 0o644)
                os.remove(f)
            subprocess.run(["git", "update-ref", "refs/heads/main", bench.base], cwd=repo, check=True)
            subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo, check=True)
            bench.drop_cache()
            subprocess.run(["sync"], check=True)

        def timed(cmd):
            start = time.perf_counter()
            r = subprocess.run(cmd, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode not in (0, 1):
                sys.exit(f"bench_ab: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr.decode()}")
            return time.perf_counter() - start

        report = ["--format", "json", "-o", os.path.join(bench.work, "report.json")]
        sweep = ["sweep", repo, "--as-of", bench_git.K_AS_OF, *report]
        def dry_run(exe):
            return timed([exe, *sweep])

        def dry_run_from_git(exe):
            bench.drop_cache()
            return timed([exe, *sweep, "--since", bench.root])

        def commit(exe):
            put_back()
            return timed([exe, *sweep, "--commit"])

        measurements = {
            "dry-run sweep (work tree)": dry_run,
            "dry-run sweep (git objects, --since ROOT)": dry_run_from_git,
            "commit sweep": commit,
        }
        grep = [timed(["git", "grep", "-c", "-F", "</", "HEAD"]) for _ in range(args.runs)]
        print(f"git grep -c -F '</' HEAD: {', '.join(f'{x:.2f}' for x in grep)} s", flush=True)
        for name, measure in measurements.items():
            got = {build: [] for build in builds}
            for _ in range(args.runs):
                for build, exe in builds.items():
                    got[build].append(measure(exe))
            line = "; ".join(f"{build} {', '.join(f'{x:.2f}' for x in runs)} "
                             f"(median {statistics.median(runs):.2f})"
                             for build, runs in got.items())
            print(f"{name}: {line} s", flush=True)
        put_back()
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)


if __name__ == "__main__":
    main()
