#!/usr/bin/python3
"""Generate src/lexicon/heads.tsv: the inflected forms of the head nouns that
end programme names (hanke, pilotti, ohjelma, ...) and organisation names
(ministeriö, kuntayhtymä, sairaanhoitopiiri, ...).

Run with Debian's Python and Voikko (apt-get install voikko-fi python3-libvoikko):

    /usr/bin/python3 tools/gen_heads.py > src/lexicon/heads.tsv

Each head is given with its inflection stems (the Finnish paradigm written out
by hand: weak and strong grade, vowel stem); the generator attaches the case
endings and keeps only the forms Voikko analyses as the head in that case, so
every form in the table is checked Finnish. Output is sorted and
deterministic.
"""
import sys

import libvoikko

# head, group, stems: (nominative, genitive stem (before -n), partitive, illative, plural stem, plural genitive,
# plural partitive, and the plural illative where its strong grade differs from the plural stem)
# The vowel stem is the genitive stem; essive uses the strong stem (given as
# the illative stem without its ending vowel doubling).
HEADS = [
    # programmes
    ("hanke", "programme", dict(nom="hanke", gen="hankkee", part="hanketta", ill="hankkeeseen", ess="hankkeena", pl="hankkei", plgen="hankkeiden", plpart="hankkeita")),
    ("pilotti", "programme", dict(nom="pilotti", gen="piloti", part="pilottia", ill="pilottiin", ess="pilottina", pl="pilotei", plgen="pilottien", plpart="pilotteja", plill="pilotteihin")),
    ("ohjelma", "programme", dict(nom="ohjelma", gen="ohjelma", part="ohjelmaa", ill="ohjelmaan", ess="ohjelmana", pl="ohjelmi", plgen="ohjelmien", plpart="ohjelmia")),
    ("projekti", "programme", dict(nom="projekti", gen="projekti", part="projektia", ill="projektiin", ess="projektina", pl="projektei", plgen="projektien", plpart="projekteja")),
    ("kokeilu", "programme", dict(nom="kokeilu", gen="kokeilu", part="kokeilua", ill="kokeiluun", ess="kokeiluna", pl="kokeilui", plgen="kokeilujen", plpart="kokeiluja")),
    # organisations
    ("ministeriö", "organization", dict(nom="ministeriö", gen="ministeriö", part="ministeriötä", ill="ministeriöön", ess="ministeriönä", pl="ministeriöi", plgen="ministeriöiden", plpart="ministeriöitä")),
    ("kuntayhtymä", "organization", dict(nom="kuntayhtymä", gen="kuntayhtymä", part="kuntayhtymää", ill="kuntayhtymään", ess="kuntayhtymänä", pl="kuntayhtymi", plgen="kuntayhtymien", plpart="kuntayhtymiä")),
    ("sairaanhoitopiiri", "organization", dict(nom="sairaanhoitopiiri", gen="sairaanhoitopiiri", part="sairaanhoitopiiriä", ill="sairaanhoitopiiriin", ess="sairaanhoitopiirinä", pl="sairaanhoitopiirei", plgen="sairaanhoitopiirien", plpart="sairaanhoitopiirejä")),
    ("pelastuslaitos", "organization", dict(nom="pelastuslaitos", gen="pelastuslaitokse", part="pelastuslaitosta", ill="pelastuslaitokseen", ess="pelastuslaitoksena", pl="pelastuslaitoksi", plgen="pelastuslaitosten", plpart="pelastuslaitoksia")),
    ("aluehallintovirasto", "organization", dict(nom="aluehallintovirasto", gen="aluehallintovirasto", part="aluehallintovirastoa", ill="aluehallintovirastoon", ess="aluehallintovirastona", pl="aluehallintovirastoi", plgen="aluehallintovirastojen", plpart="aluehallintovirastoja")),
    ("liitto", "organization", dict(nom="liitto", gen="liito", part="liittoa", ill="liittoon", ess="liittona", pl="liitoi", plgen="liittojen", plpart="liittoja", plill="liittoihin")),
    ("säätiö", "organization", dict(nom="säätiö", gen="säätiö", part="säätiötä", ill="säätiöön", ess="säätiönä", pl="säätiöi", plgen="säätiöiden", plpart="säätiöitä")),
    ("yliopisto", "organization", dict(nom="yliopisto", gen="yliopisto", part="yliopistoa", ill="yliopistoon", ess="yliopistona", pl="yliopistoi", plgen="yliopistojen", plpart="yliopistoja")),
    ("ammattikorkeakoulu", "organization", dict(nom="ammattikorkeakoulu", gen="ammattikorkeakoulu", part="ammattikorkeakoulua", ill="ammattikorkeakouluun", ess="ammattikorkeakouluna", pl="ammattikorkeakoului", plgen="ammattikorkeakoulujen", plpart="ammattikorkeakouluja")),
    ("keskus", "organization", dict(nom="keskus", gen="keskukse", part="keskusta", ill="keskukseen", ess="keskuksena", pl="keskuksi", plgen="keskusten", plpart="keskuksia")),
    # sosiaali- ja terveysyhtymä, perusturvayhtymä (a joint authority)
    ("yhtymä", "organization", dict(nom="yhtymä", gen="yhtymä", part="yhtymää", ill="yhtymään", ess="yhtymänä", pl="yhtymi", plgen="yhtymien", plpart="yhtymiä")),
    # sosiaali- ja terveyspiiri (Eksote), erityishuoltopiiri
    ("piiri", "organization", dict(nom="piiri", gen="piiri", part="piiriä", ill="piiriin", ess="piirinä", pl="piirei", plgen="piirien", plpart="piirejä")),
    # TE-toimisto (only with an abbreviation before it)
    ("toimisto", "organization", dict(nom="toimisto", gen="toimisto", part="toimistoa", ill="toimistoon", ess="toimistona", pl="toimistoi", plgen="toimistojen", plpart="toimistoja")),
    # Digi- ja väestötietovirasto, Ruokavirasto
    ("virasto", "organization", dict(nom="virasto", gen="virasto", part="virastoa", ill="virastoon", ess="virastona", pl="virastoi", plgen="virastojen", plpart="virastoja")),
    # Kansaneläkelaitos, Terveyden ja hyvinvoinnin laitos
    ("laitos", "organization", dict(nom="laitos", gen="laitokse", part="laitosta", ill="laitokseen", ess="laitoksena", pl="laitoksi", plgen="laitosten", plpart="laitoksia")),
]

# Singular local and grammatical cases on the genitive (vowel) stem.
SG_ENDINGS = ["n", "ssa", "sta", "lla", "lta", "lle", "ksi", "tta"]
PL_ENDINGS = ["ssa", "sta", "lla", "lta", "lle", "ksi", "hin", "in", "siin"]


# Compounds whose last part has only neutral vowels (i, e) take front
# endings whatever the first parts hold: sairaanhoito+piiri -> piirissä.
FRONT_COMPOUNDS = ("piiri",)


def harmonise(head, stem, ending):
    """The ending in the vowel harmony of the stem's last harmonic vowel."""
    last = [c for c in stem if c in "aouäöy"]
    back = bool(last) and last[-1] in "aou"
    if head.endswith(FRONT_COMPOUNDS):
        back = False
    return ending if back else ending.translate(str.maketrans("aou", "äöy"))


def candidates(head, p):
    yield p["nom"], "nominative"
    yield p["part"], "partitive"
    yield p["ill"], "illative"
    yield p["ess"], "essive"
    yield p["plgen"], "genitive_plural"
    yield p["plpart"], "partitive_plural"
    if "plill" in p:
        yield p["plill"], "illative_plural"
    for e in SG_ENDINGS[:-1]:
        yield p["gen"] + harmonise(head, p["gen"], e), "singular_" + e
    yield p["gen"] + "t", "nominative_plural"
    for e in PL_ENDINGS:
        yield p["pl"] + harmonise(head, p["pl"], e), "plural_" + e


# Which of its forms a head takes, from Voikko's analysis: the singular
# nominative and genitive (the forms an apposition agrees with), other
# singular cases, and the plural (a plural head after `X:n ja Y:n` names two).
FORM_ORDER = ["nominative", "genitive", "singular", "plural"]


def form_class(analysis):
    if analysis.get("NUMBER") == "plural":
        return "plural"
    case = analysis.get("SIJAMUOTO")
    if case == "nimento":
        return "nominative"
    if case == "omanto":
        return "genitive"
    return "singular"


def main():
    v = libvoikko.Voikko("fi")
    rows = set()
    for head, group, paradigm in HEADS:
        for form, case in candidates(head, paradigm):
            classes = {form_class(a) for a in v.analyze(form) if a.get("BASEFORM") == head}
            if classes:
                # An ambiguous form counts as its most basic reading.
                cls = min(classes, key=FORM_ORDER.index)
                rows.add((form, head, group, cls))
            else:
                print(f"rejected by Voikko: {form} ({head} {case})", file=sys.stderr)
    print("# Inflected forms of the head nouns of programme and organisation names.")
    print("# Generated by tools/gen_heads.py from hand-written Finnish paradigms;")
    print("# every form is one that Voikko (voikko-fi) analyses as the head. Do not edit.")
    print("# Columns: form, head (basic form), group (programme | organization),")
    print("# form (nominative | genitive | singular | plural, from Voikko's analysis).")
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main()
