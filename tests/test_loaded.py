"""Loaded-language detection: lexicon flags with context, and the signals beyond the list."""

from __future__ import annotations

import pytest

import framelab
from framelab import loaded
from framelab.articles import parse_article


def by_text(flags: list[loaded.Flag]) -> dict[str, loaded.Flag]:
    return {f.text: f for f in flags}


def test_seed_examples_are_flagged_in_place(seed: framelab.Article) -> None:
    flags = loaded.find_loaded(seed)
    found = by_text(flags)
    for text, category in [("ragtag", "name_calling"), ("charade", "derision"),
                           ("blood soaked", "charged_imagery"), ("grotesque", "judgement"),
                           ("disastrous", "judgement"), ("mess", "judgement"),
                           ("aggression", "delegitimising"),
                           ("How inconsiderate of them.", "irony")]:
        assert found[text].category == category, text
        assert found[text].why
    assert found["How inconsiderate of them."].signal == "ironic_exclamative"
    assert "richly" not in found  # fitted to the seed: datasets/lexicons/fitted_to_seed.csv
    for f in flags:
        raw = seed.source[f.start : f.end]
        assert raw.replace("[", "").replace("](#)", "") == f.text
        assert seed.sentences[f.sentence].start <= f.start < seed.sentences[f.sentence].end


def test_adjacent_flags_read_as_one_phrase(seed: framelab.Article) -> None:
    phrases = loaded.loaded_phrases(seed, loaded.find_loaded(seed))
    texts = [p.text for p in phrases]
    assert "disastrous mess" in texts
    mess = phrases[texts.index("disastrous mess")]
    assert [f.term for f in mess.flags] == ["disastrous", "mess"]
    assert seed.source[mess.start : mess.end] == "disastrous mess"


def test_context_flags_quoted_and_negated(seed: framelab.Article) -> None:
    flags = loaded.find_loaded(seed)
    criminal = next(f for f in flags if f.text == "criminal")
    assert criminal.quoted == "speech"
    charades = [f for f in flags if f.text == "charade"]
    assert [f.negated for f in charades] == [False, True]
    scare = next(f for f in flags if f.signal == "scare_quotes")
    assert scare.text == '"remaining terrorist groups"'
    assert scare.quoted == "scare"


def test_quotes_are_told_apart(seed: framelab.Article) -> None:
    op_ed = framelab.load_article(framelab.datasets_dir() / "contrast/counter_oped_liberation.md")
    kinds = {seed.text[q.start : q.end]: q.kind for q in loaded.find_quotes(seed)}
    assert kinds['"remaining terrorist groups"'] == "scare"
    assert kinds["“If the war persists,”"] == "speech"
    op_kinds = [(op_ed.text[q.start : q.end], q.kind) for q in loaded.find_quotes(op_ed)]
    assert ('"Volcano of Rage"', "name") in op_kinds
    assert [k for t, k in op_kinds if t == '"government"'] == ["scare", "scare", "scare"]


def test_ironic_exclamatives_beyond_the_list() -> None:
    text = ("The ministry blamed the drought on the weather. What a revelation! "
            "How did officials respond? They said nothing.")
    flags = loaded.find_loaded(text, signals={"ironic_exclamative"})
    assert [(f.text, f.category) for f in flags] == [("What a revelation!", "irony")]


def test_strong_valence_in_a_neutral_sentence() -> None:
    text = "The committee published a horrible report on Tuesday. Members met at noon."
    flags = loaded.find_loaded(text, signals={"strong_valence"})
    assert [f.text for f in flags] == ["horrible"]
    assert "VADER" in flags[0].why
    casualty = "Health officials said 56 people were killed and 266 wounded in the war."
    assert loaded.find_loaded(casualty, signals={"strong_valence"}) == []
    topic = "The committee published a report on racism on Tuesday."  # a noun names a topic
    assert loaded.find_loaded(topic, signals={"strong_valence"}) == []


def test_holds_on_an_article_about_something_else() -> None:
    text = ("CITY HALL — The so-called reform package, a grotesque giveaway to developers, "
            "sailed through on Monday. Critics called the vote a farce. The mayor's cronies "
            "cheered; residents did not. Councillor Ana Ruiz said the budget was balanced.")
    found = {f.text.lower(): f.category for f in loaded.find_loaded(text)}
    assert found["so-called"] == "delegitimising"
    assert found["grotesque"] == "judgement"
    assert found["farce"] == "derision"
    assert found["cronies"] == "name_calling"
    assert "balanced" not in found and "budget" not in found


def test_wire_copy_attributes_most_of_its_loaded_words(seed: framelab.Article) -> None:
    """Measured, not built in: agency copy may carry a label or two in its own voice, but
    its writer's-voice rate stays far below the opinion piece's."""
    words = flags = 0
    for path in framelab.dataset_files("wire"):
        article = framelab.load_article(path)
        flags += len(loaded.writer_flags(loaded.find_loaded(article)))
        words += len(article.body_tokens)
    seed_rate = len(loaded.writer_flags(loaded.find_loaded(seed))) / len(seed.body_tokens)
    assert flags / words < seed_rate / 5


def test_sentence_scores_rank_the_loaded_sentences(seed: framelab.Article) -> None:
    scores = loaded.sentence_scores(seed)
    assert len(scores) == len(seed.sentences)
    most = max(scores, key=lambda s: s.flags)
    # counted by hand: disastrous, mess, aggression ("richly" is in the fitted list only)
    assert most.flags == 3 and "disastrous mess" in most.sentence.text
    assert most.score == round(10 * most.flags / most.words, 3)
    calm = [s for s in scores if "Wadi Rabea" in s.sentence.text]
    assert calm[0].flags == 0 and calm[0].score == 0


def test_a_students_own_lexicon(tmp_path) -> None:
    from framelab import lexicon

    entries = [lexicon.LexiconEntry("anxious", "judgement", "Reads the mind of a politician")]
    flags = loaded.find_loaded(parse_article("Al-Sarraj is anxious. He met envoys."),
                               lexicon.Matcher(entries), signals={"lexicon"})
    assert [(f.text, f.term) for f in flags] == [("anxious", "anxious")]


def test_reported_speech_is_not_the_writers_voice() -> None:
    text = "The LNA said it had liberated the town."
    flags = loaded.find_loaded(text, signals={"lexicon"})
    liberated = next(f for f in flags if f.text == "liberated")
    assert liberated.quoted == "reported"
    assert text[liberated.speaker_start : liberated.speaker_end] == "The LNA"
    assert loaded.writer_flags(flags) == []
    own = loaded.find_loaded("The LNA liberated the town.", signals={"lexicon"})
    assert [(f.text, f.quoted, f.speaker_start) for f in loaded.writer_flags(own)] == [
        ("liberated", "", -1)]


def test_each_form_of_reported_speech_carries_its_speaker() -> None:
    cases = [
        ("The minister accused the rebels of a brutal massacre.", "brutal", "The minister"),
        ("She called the offensive a charade.", "charade", "She"),
        ("According to the ministry, the raid was a bloodbath.", "bloodbath", "the ministry"),
        ("The raid was a bloodbath, according to the ministry.", "bloodbath", "the ministry"),
        ("The army claimed the rebels were thugs.", "thugs", "The army"),
        ("The town was liberated, officials said.", "liberated", "officials"),
    ]
    for text, word, speaker in cases:
        flag = next(f for f in loaded.find_loaded(text) if f.text == word)
        assert flag.quoted == "reported", text
        assert text[flag.speaker_start : flag.speaker_end] == speaker, text
        assert flag not in loaded.writer_flags(loaded.find_loaded(text))


def test_quoted_speech_flags_carry_the_speaker(seed: framelab.Article) -> None:
    criminal = next(f for f in loaded.find_loaded(seed) if f.text == "criminal")
    assert criminal.quoted == "speech"
    assert seed.source[criminal.speaker_start : criminal.speaker_end] == "The interior ministry"


def test_a_label_in_the_reporting_clause_is_still_the_writers() -> None:
    text = "The self-styled army said the road was open."
    flags = loaded.find_loaded(text, signals={"lexicon"})
    styled = next(f for f in flags if f.term == "self styled")
    assert styled.quoted == "" and styled in loaded.writer_flags(flags)


def test_loaded_reporting_verbs_are_the_writers_choice() -> None:
    text = "The senator claimed the vote was a sham."
    flags = {f.text: f for f in loaded.find_loaded(text, signals={"lexicon"})}
    assert flags["claimed"].quoted == "" and flags["claimed"].category == "delegitimising"
    assert flags["sham"].quoted == "reported"
    for neutral in ["The group claimed responsibility for the attack.",
                    "The fighting claimed the lives of twelve people.",
                    "The car slammed into a wall.", "Engineers blasted a hole in the rock.",
                    "The city boasted a population of two million.",
                    "Jobless claims fell last week.", "The insurer paid the claims.",
                    "Both countries have territorial claims on the islands.",
                    "There was no claim of responsibility.",
                    "She filed a claim for damages."]:
        assert loaded.find_loaded(neutral, signals={"lexicon"}) == [], neutral
    for used in ["The minister slammed the plan.", "Critics blasted the decision.",
                 "The mayor repeated his claim.", "The senator claims the vote was unfair.",
                 "The mayor boasted about the turnout.", "He downplayed the risk."]:
        assert [f.signal for f in loaded.find_loaded(used, signals={"lexicon"})] == \
            ["lexicon"], used


def signal_flags(text: str, signal: str) -> dict[str, loaded.Flag]:
    return {f.text: f for f in loaded.find_loaded(text) if f.signal == signal}


@pytest.mark.parametrize(("text", "word"), [
    ("It was an unfair decision by the council.", "unfair"),  # before a noun
    ("The minister's answer was awful.", "awful"),              # after a copula
    ("The minister handled the question horribly.", "horribly"),  # its -ly adverb
    ("He answered angrily.", "angrily"),
])
def test_subjective_adjectives_are_flagged_with_why(text: str, word: str) -> None:
    flag = signal_flags(text, "subjectivity")[word]
    assert flag.category == "judgement" and flag.quoted == ""
    assert "Pattern" in flag.why and "VADER" in flag.why
    assert "subjectivity" in loaded.SIGNALS
    assert word not in {f.text for f in loaded.find_loaded(
        text, signals=[s for s in loaded.SIGNALS if s != "subjectivity"])}


@pytest.mark.parametrize("text", [
    "Terrible Herbst opened a new store in the town.",  # part of a name
    "A violent clash left two people dead.",             # the vocabulary of violence
    "The council will meet on Monday to discuss the budget.",
    "The court rejected the appeal.",
])
def test_subjectivity_spares_names_events_and_plain_report(text: str) -> None:
    assert signal_flags(text, "subjectivity") == {}


def test_subjectivity_follows_voice_and_negation() -> None:
    quoted = signal_flags('The mayor said the plan was "awful".', "subjectivity")["awful"]
    assert quoted.quoted == "speech"
    negated = signal_flags("The plan was not awful.", "subjectivity")["awful"]
    assert negated.negated and loaded.writer_flags([negated]) == []


def test_subjective_words_need_both_lexicons() -> None:
    words = loaded.subjective_words()
    pattern, valences = loaded.subjectivity_lexicon(), loaded.vader().lexicon
    assert {"terrible", "stupid", "awful"} <= words
    for w in words:
        polarity, subjectivity = pattern[w]
        assert subjectivity >= loaded.SUBJECTIVE and polarity >= loaded.SUBJECTIVE_POLARITY
        assert abs(valences[w]) >= loaded.SUBJECTIVE_VADER
    assert "violent" not in words  # event vocabulary
