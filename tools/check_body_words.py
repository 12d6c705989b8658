#!/usr/bin/python3
"""Check src/lexicon/body_words.txt against Voikko.

Run with Debian's Python and Voikko (apt-get install voikko-fi python3-libvoikko):

    /usr/bin/python3 tools/check_body_words.py [--verbose] [WORDS_FILE ...]

1. Every form that the inflection classes generate for the head words, the
   not-body compounds, the name adjectives and the descriptive lemmas must be
   analysed by Voikko as that word in that case and number. Forms Voikko does
   not confirm are listed; a few are kept on purpose (archaic plural genitives
   such as `lautakuntain`, rare instructives and comitatives), and the list
   `KNOWN_UNCONFIRMED` below names the endings that may stay unconfirmed.
2. Literal forms (owner, object and generic genitives) must be genitives.
3. The -inen words listed as nouns that are not people (`[inen_nouns]`,
   such as `*minen`) must not be adjectives: every word of the given text
   files whose Voikko base form matches one of them is analysed, and base
   forms that Voikko reads only as adjectives are listed and fail the check.
   (People nouns such as `*lainen` are adjectives too in Voikko,
   `kainuulainen`, and are listed on purpose.)
4. The genitive-to-nominative ending rules are tried on every singular
   genitive noun in the given text files (default: the project's sample texts
   and seed texts); each result is compared with Voikko's base form, and the
   misses are printed with the share of hits.

The crate never needs Voikko at run time: this script only checks the data.
Exit status 1 when a check that must hold fails.
"""
import os
import re
import sys

import libvoikko

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "lexicon", "body_words.txt")

CASES = {
    "nominative": "nimento",
    "genitive": "omanto",
    "partitive": "osanto",
    "inessive": "sisaolento",
    "elative": "sisaeronto",
    "illative": "sisatulento",
    "adessive": "ulkoolento",
    "ablative": "ulkoeronto",
    "allative": "ulkotulento",
    "essive": "olento",
    "translative": "tulento",
    "abessive": "vajanto",
    "comitative": "seuranto",
    "instructive": "keinonto",
}
NUMBERS = {"sg": "singular", "pl": "plural"}

# Endings (class, ending) that Voikko may leave unconfirmed: rare or archaic
# forms kept so that older or looser texts still match.
KNOWN_UNCONFIRMED = {
    ("i", "eineen"),
    ("i", "ein"),
    ("nta", "ntAin"),
    ("i", "ejA"),
    ("i", "eitA"),
    ("in", "inten"),
    ("in", "imien"),
    ("us", "ksien"),
    ("inen", "sien"),
    ("si", "sten"),
}


def parse(path):
    sections = []
    current = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                head = line[1:-1].split()
                current = (head[0], head[1:], [])
                sections.append(current)
            elif current is not None:
                current[2].append(line.split())
    return sections


def harmonise(ending, harmony):
    table = {"A": "a", "O": "o", "U": "u"} if harmony == "back" else {"A": "ä", "O": "ö", "U": "y"}
    return "".join(table.get(c, c) for c in ending)


def forms(word, cls, harmony, classes):
    strip, rows = classes[cls]
    stem_end = harmonise(strip, harmony)
    if not word.endswith(stem_end):
        raise ValueError(f"{word} does not end in {stem_end} ({cls})")
    stem = word[: len(word) - len(stem_end)]
    for ending, case, number in rows:
        yield stem + harmonise(ending, harmony), case, number, ending


def confirmed(voikko, form, lemma, case, number):
    """Whether Voikko reads `form` as `lemma` in this case and number. Voikko
    gives a comparative (`aiemman`) the positive as its base form, so for a
    comparative lemma (-mpi) any comparative reading in the case counts."""
    for a in voikko.analyze(form):
        base = (a.get("BASEFORM") or "").lower()
        same_word = base == lemma.lower() or (
            lemma.endswith("mpi") and a.get("COMPARISON") == "comparative"
        )
        if same_word and a.get("SIJAMUOTO") == CASES[case] and a.get("NUMBER") == NUMBERS[number]:
            return True
    return False


def longest_head(word, heads):
    best = None
    for h in heads:
        if word.endswith(h[0]) and (best is None or len(h[0]) > len(best[0])):
            best = h
    return best


def check_paradigms(voikko, sections, verbose):
    classes = {}
    for name, args, rows in sections:
        if name == "inflection":
            classes[args[0]] = (args[1], [tuple(r[:3]) for r in rows])
    heads = [r for name, _, rows in sections if name == "heads" for r in rows]
    words = [(h[0], h[1], h[2]) for h in heads]
    for name, _, rows in sections:
        if name == "not_bodies":
            # Blocked compounds need not be in Voikko's dictionary (maritiimi);
            # those it knows must inflect as their head does.
            for r in rows:
                h = longest_head(r[0], heads)
                if voikko.analyze(r[0]):
                    words.append((r[0], h[1], h[2]))
                else:
                    print(f"  not in Voikko (blocked anyway): {r[0]}")
        elif name in ("name_adjectives", "descriptive"):
            for r in rows:
                if len(r) >= 3 and r[1] != "-" and not r[0].startswith("*"):
                    words.append((r[0], r[1], r[2]))
    bad = 0
    total = 0
    for lemma, cls, harmony in words:
        try:
            generated = list(forms(lemma, cls, harmony, classes))
        except ValueError as e:
            bad += 1
            print(f"BAD ENTRY: {e}")
            continue
        for form, case, number, ending in generated:
            total += 1
            if confirmed(voikko, form, lemma, case, number):
                continue
            if (cls, ending) in KNOWN_UNCONFIRMED:
                if verbose:
                    print(f"  kept unconfirmed: {form} ({lemma} {case} {number})")
                continue
            bad += 1
            print(f"NOT CONFIRMED: {form} as {lemma} {case} {number}")
    print(f"paradigms: {total} forms, {bad} unconfirmed outside the known list")
    return bad == 0


def check_literals(voikko, sections):
    bad = 0
    for name, _, rows in sections:
        if name in ("owner_genitives", "object_genitives", "generic_genitives"):
            for r in rows:
                if not any(a.get("SIJAMUOTO") == "omanto" for a in voikko.analyze(r[0])):
                    bad += 1
                    print(f"NOT A GENITIVE: {r[0]} ({name})")
    print(f"literal genitives: {bad} not analysed as genitives")
    return bad == 0


def text_words(paths):
    words = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", f.read()))
    return words


def check_inen_nouns(voikko, sections, paths):
    """-inen words the recogniser must never read as agreeing adjectives:
    every word of the texts that is a nominative or genitive of a listed
    noun (by the -inen class's endings, as the recogniser reads it) must
    have a reading that is not an adjective (a noun, or a verb's -minen
    form)."""
    patterns = [r[0] for name, _, rows in sections if name == "inen_nouns" for r in rows]
    # Nominative and genitive forms: other endings (`-mista`) are shared
    # with unrelated words (`ohjelmista`, superlatives `suurimmista`).
    endings = [r[0] for name, args, rows in sections
               if name == "inflection" and args and args[0] == "inen" for r in rows
               if r[1] in ("nominative", "genitive")]
    forms = set()
    for p in patterns:
        stem = p.lstrip("*")[:-3]
        for e in endings:
            forms.update({stem + harmonise(e, "back"), stem + harmonise(e, "front")})
    checked = 0
    adjectives = []
    for w in sorted(text_words(paths)):
        if not any(w.endswith(f) and len(w) > len(f) for f in forms):
            continue
        checked += 1
        classes = {a.get("CLASS") for a in voikko.analyze(w)}
        if classes and classes <= {"laatusana"}:
            adjectives.append(w)
            print(f"  listed as a noun, Voikko reads an adjective: {w}")
    print(f"inen nouns: {checked} text words, {len(adjectives)} read only as adjectives")
    return not adjectives


def genitive_rules(sections):
    for name, _, rows in sections:
        if name == "genitive_endings":
            return [(r[0], "" if r[1] == "-" else r[1]) for r in rows]
    return []


def apply_rules(word, rules):
    best = None
    for ending, repl in rules:
        if ending.startswith("="):
            if word == ending[1:]:
                best = (ending[1:], repl)
                break
            continue
        if word.endswith(ending) and (best is None or len(ending) > len(best[0])):
            best = (ending, repl)
    if best is None or best[1] == "?":
        return None
    return word[: len(word) - len(best[0])] + best[1]


def check_genitives(voikko, sections, paths, verbose):
    rules = genitive_rules(sections)
    words = text_words(paths)
    hits = misses = 0
    for w in sorted(words):
        analyses = [a for a in voikko.analyze(w)
                    if a.get("SIJAMUOTO") == "omanto" and a.get("NUMBER") == "singular"
                    and a.get("CLASS") in ("nimisana", "laatusana", "nimisana_laatusana")]
        if not analyses:
            continue
        base = analyses[0]["BASEFORM"].lower()
        got = apply_rules(w, rules)
        if got == base:
            hits += 1
        else:
            misses += 1
            if verbose or True:
                print(f"  genitive {w}: rules give {got}, Voikko {base}")
    share = hits / max(1, hits + misses)
    print(f"genitive rules: {hits} of {hits + misses} singular genitives right ({share:.0%})")
    return True


def main(argv):
    verbose = "--verbose" in argv
    paths = [a for a in argv if not a.startswith("--")]
    if not paths:
        for base in (os.path.join(ROOT, "examples", "data"), os.path.join(ROOT, "..", "shared", "corpus", "seeds"),
                     os.path.join(ROOT, "tests", "fixtures")):
            for dirpath, _, files in os.walk(base):
                paths.extend(os.path.join(dirpath, f) for f in files if f.endswith(".txt"))
    voikko = libvoikko.Voikko("fi")
    sections = parse(DATA)
    ok = check_paradigms(voikko, sections, verbose)
    ok = check_literals(voikko, sections) and ok
    ok = check_inen_nouns(voikko, sections, paths) and ok
    check_genitives(voikko, sections, paths, verbose)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
