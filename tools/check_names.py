#!/usr/bin/python3
"""Check and normalise the given-name lexicon `src/lexicon/given_names.txt`
(development-time tool; the crate reads the file with `include_str!` and never
needs Voikko at run time).

How to run (from the repository root), with Debian's Python and Voikko:

    apt-get install -y voikko-fi python3-libvoikko
    /usr/bin/python3 tools/check_names.py                 # rewrite the file in place
    /usr/bin/python3 tools/check_names.py --check         # exit 1 if the file would change
    /usr/bin/python3 tools/check_names.py --add FILE      # merge candidate names from FILE
    /usr/bin/python3 tools/check_names.py --titles        # check src/lexicon/titles.txt

Candidate names (whitespace-separated, `#` comments allowed) are the given
names in use in Finland written down by hand: Finnish, Finland-Swedish and
Sámi names of the Finnish and Swedish name-day calendars, and the given names
most common among people of other origins living in Finland. Hyphenated names
(`Anna-Maija`) are split into their parts: the recogniser accepts a
hyphenated given name when every part is a given name.

Each candidate is analysed with Voikko (libvoikko + voikko-fi):

  * Voikko knows the word and one analysis has CLASS=etunimi: kept;
  * Voikko knows the word but only as something else (a place, a family
    name, a common noun): dropped, unless listed in KEEP_ANYWAY below with
    the reason it is still a given name;
  * Voikko does not know the word (many Swedish and foreign names): kept.

A kept name gets the flag `common` (second, tab-separated column) when the
capitalised word or its lower-case form also has an analysis as an ordinary
word (nimisana, laatusana, teonsana, ...): `Toivo`, `Satu`, `Onni`. The
recogniser accepts such a name without a title only away from the start of a
sentence, where a capital letter cannot come from the sentence itself.

Output is deterministic: a fixed header, then one name per line, sorted by
Unicode code point.

`--titles` checks the title heads of `src/lexicon/titles.txt` instead: every
head must be analysed by Voikko as a noun (or adjective used as a noun:
`valtuutettu`) in the nominative singular, except the English loan titles
listed in ENGLISH_TITLES; the file is not rewritten.
"""
import argparse
import os
import sys

try:
    import libvoikko
except ImportError:  # Debian installs the binding for its own Python
    sys.path.append("/usr/lib/python3/dist-packages")
    import libvoikko

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, "..", "src", "lexicon", "given_names.txt")
TITLES = os.path.join(HERE, "..", "src", "lexicon", "titles.txt")

# Title words used in Finnish offices as written in English.
ENGLISH_TITLES = {"controller", "manager", "director", "coordinator", "specialist"}
NOUN_CLASSES = {"nimisana", "nimisana_laatusana", "laatusana"}

# Classes Voikko uses for proper names; every other class is an ordinary word.
PROPER = {"etunimi", "sukunimi", "paikannimi", "nimi"}

# Given names that Voikko analyses only as something else (a place name or a
# family name) but that are in common use as given names in Finland.
_FI_CAL = "in the Finnish name-day calendar"
_SV_CAL = "in the Finland-Swedish name-day calendar"
_OTHER = "a common given name among people of other origins in Finland"
KEEP_ANYWAY = {
    **{n: _FI_CAL for n in """
        Aarre Aava Alli Ansa Armas Arvo Eira Erkko Iikka Inkeri Into Kaija
        Kaisla Kanerva Kaarina Kirsikka Kuisma Lumi Lyydia Mari Onerva Pilvi
        Pirita Raine Ruut Saana Saku Salla Selja Simo Sisu Sointu Sulho Suoma
        Taika Teijo Tenho Torsti Uljas Usko Usva Valo Vanamo Varpu Vilja
        Vilppu Voitto Aura Inari Rikhard Annemari
    """.split()},
    **{n: _SV_CAL for n in "Björn Linnea Malin Oscar Simon Maja Egon".split()},
    **{n: _OTHER for n in """
        Ali Hassan Halima Hanan Mohamed Marina Oksana Reet Rein Raivo Vello
        Salme Sara Estelle Kate Tina Virginia
    """.split()},
}

HEADER = """\
# Given names of people in Finland, one per line (Finnish, Finland-Swedish,
# Sámi and the most common names of people of other origins), used to tell a
# person's name (`Aino Kärkkäinen`) from other capitalised word pairs
# (`Uusimaa Oy`, `Sote Tiimi`).
#
# Source: written down by hand from the Finnish and Swedish name-day calendars
# and general knowledge of names in use; hyphenated names are split into
# their parts. Checked with Voikko (voikko-fi) by tools/check_names.py: a name
# Voikko knows is kept only if one analysis has CLASS=etunimi (or it is one of
# the script's KEEP_ANYWAY names, each with its reason); names Voikko does not
# know (mostly Swedish and foreign) are kept as written.
#
# Second column `common`: the name is also an ordinary Finnish word (Voikko
# analyses it as one), e.g. Toivo, Satu; the recogniser accepts such a name
# without a title only when it does not start a sentence.
#
# Regenerate: /usr/bin/python3 tools/check_names.py
"""


def read_names(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            for word in line.split():
                if word == "common":
                    continue
                names.extend(p for p in word.split("-") if p)
    return names


def classify(voikko, name):
    """Returns (keep, common, reason)."""
    analyses = voikko.analyze(name)
    classes = {a.get("CLASS") for a in analyses}
    lower = {a.get("CLASS") for a in voikko.analyze(name.lower())}
    common = bool((classes | lower) - PROPER - {None})
    if not analyses:
        return True, common, "unknown to Voikko"
    if "etunimi" in classes:
        return True, common, "etunimi"
    if name in KEEP_ANYWAY:
        return True, common, KEEP_ANYWAY[name]
    return False, common, "Voikko: " + ",".join(sorted(c for c in classes if c))


def check_titles(voikko):
    """Returns the number of title heads that fail the check."""
    bad = 0
    with open(TITLES, encoding="utf-8") as f:
        heads = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for head in heads:
        if head in ENGLISH_TITLES:
            continue
        ok = any(
            a.get("CLASS") in NOUN_CLASSES
            and a.get("SIJAMUOTO") == "nimento"
            and a.get("NUMBER") == "singular"
            for a in voikko.analyze(head)
        )
        if not ok:
            print(f"title head not a nominative singular noun: {head}", file=sys.stderr)
            bad += 1
    print(f"{len(heads)} title heads checked, {bad} failed", file=sys.stderr)
    return bad


def render(rows):
    out = [HEADER]
    for name, common in rows:
        out.append(name + ("\tcommon" if common else "") + "\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--add", metavar="FILE")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--titles", action="store_true")
    args = ap.parse_args()
    if args.titles:
        return 1 if check_titles(libvoikko.Voikko("fi")) else 0

    names = read_names(LEXICON) if os.path.exists(LEXICON) else []
    if args.add:
        names += read_names(args.add)
    voikko = libvoikko.Voikko("fi")
    rows = {}
    dropped = []
    for name in sorted(set(names)):
        if not name[:1].isupper() or not name.isalpha():
            dropped.append((name, "not a capitalised word"))
            continue
        keep, common, reason = classify(voikko, name)
        if keep:
            rows[name] = common
        else:
            dropped.append((name, reason))
        if args.verbose:
            print(f"{name}\t{keep}\t{common}\t{reason}", file=sys.stderr)
    for name, reason in dropped:
        print(f"dropped {name}: {reason}", file=sys.stderr)
    text = render(sorted(rows.items()))
    if args.check:
        with open(LEXICON, encoding="utf-8") as f:
            if f.read() != text:
                print("given_names.txt is stale", file=sys.stderr)
                return 1
        return 0
    with open(LEXICON, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{len(rows)} names written, {len(dropped)} dropped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
