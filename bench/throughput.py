"""End-to-end `framelab analyze` throughput on one core, against a bare NLTK tokenize pass.

Replicates the kit's texts into a corpus of at least 1,000,000 words, then measures:
- words/s of `cli.analyze_file` over every file, serially, on one core;
- words/s of its loaded-language stage alone (flags with quoted and reported speech,
  phrases, the profile), the part the lexicon and speech modules own;
- R: that time divided by the time of `TreebankWordTokenizer` over the same sentences;
- T: the time on the full corpus divided by the time on a tenth of it (10x the text);
- peak resident memory of the process;
- where the time of analyze goes, stage by stage, on a tenth of the corpus.
Prints figures and asserts nothing; the last line is machine-readable.
Targets (issue 4): >= 150,000 words/s per core, R <= 3, T <= 11.
"""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path

from nltk.tokenize import TreebankWordTokenizer

import framelab
from framelab import cli, loaded, measures, selection, sources, speech

TARGET_WORDS = 1_000_000


def build_corpus(folder: Path) -> tuple[list[Path], int]:
    sources = [framelab.seed_path(), *framelab.dataset_files("wire"),
               *framelab.dataset_files("contrast")]
    sizes = {s: measures.word_count(framelab.load_article(s)) for s in sources}
    files, words, i = [], 0, 0
    while words < TARGET_WORDS:
        source = sources[i % len(sources)]
        target = folder / f"{i:05d}_{source.name}"
        shutil.copy(source, target)
        files.append(target)
        words += sizes[source]
        i += 1
    return files, words


def analyze(files: list[Path]) -> float:
    t0 = time.perf_counter()
    for path in files:
        cli.analyze_file(path)
    return time.perf_counter() - t0


def loaded_stage(files: list[Path]) -> float:
    """The loaded-language part of analyze alone: load, flags (with speech), phrases, profile."""
    t0 = time.perf_counter()
    for path in files:
        article = framelab.load_article(path)
        flags = loaded.find_loaded(article)
        loaded.loaded_phrases(article, flags)
        measures.profile(article, flags)
    return time.perf_counter() - t0


def stages(files: list[Path]) -> dict[str, float]:
    """Seconds per stage of analyze, each on the articles the stage before prepared."""
    steps = {
        "read and split (articles)": lambda p, a: framelab.load_article(p),
        "sentences and words (articles)": lambda p, a: (a.sentences, a.body_tokens),
        "quoted and reported speech": lambda p, a: speech.find_speech(a),
        "flags: lexicon and signals": lambda p, a: loaded.find_loaded(a),
        "profile (VADER per sentence…)": lambda p, a: measures.profile(a),
        "facts": lambda p, a: selection.facts_json(a),
        "sources": lambda p, a: sources.sources_json(a),
    }
    seconds = dict.fromkeys(steps, 0.0)
    for path in files:
        article = None
        for name, step in steps.items():
            t0 = time.perf_counter()
            result = step(path, article)
            seconds[name] += time.perf_counter() - t0
            if article is None:
                article = result
    return seconds


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files, words = build_corpus(Path(tmp))
        cli.analyze_file(framelab.seed_path())  # build the lexicon matchers once

        tenth = files[: len(files) // 10]
        time_tenth = analyze(tenth)
        time_all = analyze(files)
        time_loaded = loaded_stage(files)
        stage_seconds = stages(files[: len(files) // 10])
        stage_words = sum(measures.word_count(framelab.load_article(p))
                          for p in files[: len(files) // 10])

        sentences = [s.text for p in files for s in framelab.load_article(p).sentences]
        tokenizer = TreebankWordTokenizer()
        t0 = time.perf_counter()
        for sentence in sentences:
            tokenizer.tokenize(sentence)
        time_tokenize = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = words / time_all
    ratio = time_all / time_tokenize
    linear = time_all / time_tenth
    print(f"corpus: {len(files)} files, {words:,} words (one core, serial)")
    print(f"analyze:           {time_all:6.2f} s  {rate:9,.0f} words/s")
    print(f"loaded stage:      {time_loaded:6.2f} s  {words / time_loaded:9,.0f} words/s "
          "(load, find_loaded with quoted/reported speech, phrases, profile)")
    print(f"tokenize only:     {time_tokenize:6.2f} s  {words / time_tokenize:9,.0f} words/s "
          "(TreebankWordTokenizer over the same sentences)")
    print(f"a tenth of it:     {time_tenth:6.2f} s  -> 10x text takes {linear:.1f}x the time")
    print(f"peak memory:       {peak_mb:6.0f} MB (resident, whole process)")
    total = sum(stage_seconds.values())
    print(f"where analyze's time goes (a tenth of the corpus, {stage_words:,} words):")
    for name, seconds in stage_seconds.items():
        print(f"  {name:<32} {100 * seconds / total:5.1f} %  "
              f"{stage_words / seconds:11,.0f} words/s alone")
    print(f"throughput words_per_s={rate:.0f} loaded_words_per_s={words / time_loaded:.0f} "
          f"ratio_to_tokenize={ratio:.2f} linear_10x={linear:.2f} peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
