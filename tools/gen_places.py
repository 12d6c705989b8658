#!/usr/bin/env python3
"""Generate the place gazetteer `src/lexicon/places.tsv` (development-time tool).

How to run (from the repository root):

    apt-get install -y voikko-fi libvoikko1 python3-libvoikko   # optional but recommended
    /usr/bin/python3 tools/gen_places.py                         # writes src/lexicon/places.tsv
    /usr/bin/python3 tools/gen_places.py --check                 # exit 1 if the file is stale

Debian's `python3-libvoikko` installs into /usr/lib/python3/dist-packages; the
script adds that directory to `sys.path` when `import libvoikko` fails, so any
Python 3 works. Without Voikko the script still runs, but every form is then
marked `origin=rule` (and the output differs from the committed file).

What it reads:
  * `/work/shared/data/places.tsv` (or `$PLACES_TSV`, or `--places PATH`): the
    reference list of regions (maakunta), wellbeing services counties
    (hyvinvointialue), municipalities and former municipalities, basic forms
    only, Finnish and Swedish names.
  * The tables in this file: for every Finnish name, the local-case series it
    takes in standard Finnish (internal `Oulussa` / external `Vantaalla` / both,
    as recommended by the Institute for the Languages of Finland, Kotus, in
    its settlement-name index, and as used by the municipalities themselves),
    the few irregular paradigms, aliases and the ambiguity lists.
  * Voikko (libvoikko with the `voikko-fi` dictionary), an analyser, used to
    confirm generated forms.

What it writes: `src/lexicon/places.tsv`, UTF-8, `#` comment lines, one header
row, then one row per (form, name, kind), sorted, columns
`form name kind region case origin ambiguous`.

How forms are made: every Finnish name is inflected by explicit Finnish
paradigm rules (word type of its last element, consonant gradation, vowel
harmony of the last element; for `Uusimaa`, `Uusikaupunki`, `Uusikaarlepyy`
and `Isokyrö` both elements inflect; for hyphenated names only the part after
the last hyphen does). Generated cases: nominative, genitive, partitive,
essive, translative, abessive, and the three local cases of the series the
place takes (inessive/elative/illative or adessive/ablative/allative, both
for places where both are in established use). Names that inflect in the
plural (`Kauniainen` → `Kauniaisissa`, `Virrat` → `Virroilla`) get plural
forms (case names with `_plural`) plus the singular genitive/partitive that
Finnish also uses. Each form is then analysed with Voikko: a form is
`origin=voikko` when Voikko analyses it with BASEFORM equal to the name (for
hyphenated names: equal to the name, or the last part analysed with BASEFORM
equal to the name's last part) and with the intended case and number;
otherwise `origin=rule` (Voikko does not know the name, e.g. `Lemland`, or
the form). Where the rules give alternatives (`Brändöhön`/`Brändöön`), only
the ones Voikko confirms are kept. Swedish names are added in their basic
form (`case=swedish`) when they differ from the Finnish one, and a few
aliases (`case=alias` for the basic form) map to their Finnish name.

`ambiguous=1` marks forms that are also something else in running text: a
frequent ordinary Finnish word (hand list of names, and only the forms Voikko
also analyses as that non-compound common word: `Aura`, `Kolari`, `Valtimo`,
`Virrat`), a personal name (hand list: `Kaarina`, `Soini`, `Simo`, `Salo`,
`Laitila` …), a well-known company (`Nokia`), bare `Koski` (for `Koski Tl`) and
`Ii`. For personal names the internal local cases (`Salossa`) stay
unambiguous.

Output is deterministic: rows are sorted by (form, name, kind).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Voikko

def load_voikko():
    """Return a libvoikko.Voikko('fi') instance, or None when unavailable."""
    try:
        import libvoikko  # type: ignore
    except ImportError:
        sys.path.append("/usr/lib/python3/dist-packages")
        try:
            import libvoikko  # type: ignore
        except ImportError:
            return None
    try:
        return libvoikko.Voikko("fi")
    except Exception:  # dictionary missing
        return None


VOIKKO = None

# Our case names -> Voikko's SIJAMUOTO values.
SIJAMUOTO = {
    "nominative": "nimento",
    "genitive": "omanto",
    "partitive": "osanto",
    "essive": "olento",
    "translative": "tulento",
    "inessive": "sisaolento",
    "elative": "sisaeronto",
    "illative": "sisatulento",
    "adessive": "ulkoolento",
    "ablative": "ulkoeronto",
    "allative": "ulkotulento",
    "abessive": "vajanto",
}

PROPER_CLASSES = {"paikannimi", "etunimi", "sukunimi", "nimi"}


def analyses(word: str):
    if VOIKKO is None:
        return []
    return VOIKKO.analyze(word)


def voikko_confirms(form: str, base: str, case: str) -> bool:
    """True when Voikko analyses `form` as `base` in `case` (see module doc)."""
    number = "plural" if case.endswith("_plural") else "singular"
    sija = SIJAMUOTO.get(case.removesuffix("_plural"))
    if sija is None:
        return False

    def ok(word: str, b: str) -> bool:
        for a in analyses(word):
            if a.get("BASEFORM") != b:
                continue
            if a.get("SIJAMUOTO") != sija:
                continue
            if a.get("NUMBER") not in (None, number):
                continue
            return True
        return False

    if ok(form, base):
        return True
    # Compounds written with a hyphen or a space: check the inflecting last part.
    for sep in ("-", " "):
        if sep in base and sep in form:
            last_base = base.rsplit(sep, 1)[1]
            last_form = form.rsplit(sep, 1)[1]
            if ok(last_form, last_base):
                return True
    return False


# ---------------------------------------------------------------------------
# Finnish morphology

VOWELS = set("aeiouyäöå")
BACK = set("aouå")


def harmony(head: str) -> str:
    """'a' for back-vowel words, 'ä' for front/neutral ones (by the head)."""
    return "a" if any(c in BACK for c in head.lower()) else "ä"


def last_vowel_harmony(word: str) -> str:
    """Harmony of foreign (Swedish) names: by their last vowel."""
    for c in reversed(word.lower()):
        if c in BACK:
            return "a"
        if c in "äöy":
            return "ä"
    return "ä"


def H(s: str, a: str) -> str:
    """Apply vowel harmony: write suffix with back vowels, convert if front."""
    if a == "a":
        return s
    return s.translate(str.maketrans("aou", "äöy"))


GRADATION = {
    "kk": "k", "pp": "p", "tt": "t",
    "nk": "ng", "mp": "mm", "nt": "nn", "lt": "ll", "rt": "rr", "ht": "hd",
    "rk": "r", "lk": "l", "hk": "h",
    "k": "", "t": "d", "p": "v",
}


def weak(stem: str) -> str:
    """Weak grade of a vowel-final stem (consonant gradation of its last syllable).

    Only the consonants that open the last syllable alternate: Lahti → Lahde-,
    Turku → Turu-, Helsinki → Helsingi-, Juuka → Juua-, Hailuoto → Hailuodo-;
    Kuopio (vowel before the last vowel) and Kotka (tk) do not alternate.
    """
    i = len(stem) - 1
    assert stem[i].lower() in VOWELS, stem
    if i == 0 or stem[i - 1].lower() in VOWELS:
        return stem
    j = i - 1
    while j >= 0 and stem[j].lower() not in VOWELS:
        j -= 1
    cluster = stem[j + 1:i]
    if j < 0:
        return stem
    for length in (2, 1):
        c = cluster[-length:]
        if len(c) == length and c in GRADATION and (length == 2 or len(cluster) == 1):
            return stem[: i - length] + GRADATION[c] + stem[i:]
    return stem


CASES = [
    "nominative", "genitive", "partitive", "essive", "translative",
    "inessive", "elative", "illative",
    "adessive", "ablative", "allative",
    "abessive",
]
INNER = {"inessive", "elative", "illative"}
OUTER = {"adessive", "ablative", "allative"}


def regular(w: str, weak_stem: str, strong_stem: str, par: str, ill: str, a: str) -> dict:
    """Singular paradigm from a weak stem, a strong stem, partitive and illative."""
    return {
        "nominative": w,
        "genitive": weak_stem + "n",
        "partitive": par,
        "essive": strong_stem + H("na", a),
        "translative": weak_stem + "ksi",
        "inessive": weak_stem + H("ssa", a),
        "elative": weak_stem + H("sta", a),
        "illative": ill,
        "adessive": weak_stem + H("lla", a),
        "ablative": weak_stem + H("lta", a),
        "allative": weak_stem + "lle",
        "abessive": weak_stem + H("tta", a),
    }


MONOSYLLABIC_HEADS = ("maa", "pää", "suu", "pyy")
E_STEM_HEADS = ("järvi", "joki", "lahti", "niemi", "salmi", "koski", "mäki", "nummi", "suomi")
FRONT_HEADS = ("vesi", "niemi", "järvi", "mäki", "pää", "pyy", "kylä", "kyrö", "häme")
SAARI_HEADS = ("saari",)
VESI_HEADS = ("vesi",)
# -e names of the `nalle` type (Raahe : Raahen) rather than `hame` (Häme : Hämeen).
NALLE_E = {"Raahe", "Muurame", "Pedersöre", "Kumlinge"}
# Swedish names: harmony by the last vowel, no consonant gradation.
SWEDISH_LIKE = {
    "Brändö", "Eckerö", "Finström", "Föglö", "Geta", "Hammarland", "Jomala",
    "Korsnäs", "Kumlinge", "Kökar", "Lemland", "Lumparland", "Pedersöre",
    "Saltvik", "Sottunga", "Sund", "Vårdö",
}


# Finnish names whose last element is front-vowelled though earlier ones are not.
FRONT_NAMES = {"Enontekiö"}


def word_harmony(w: str) -> str:
    if w in SWEDISH_LIKE:
        return last_vowel_harmony(w)
    if w in FRONT_NAMES:
        return "ä"
    low = w.lower()
    for head in FRONT_HEADS:
        if low.endswith(head) and not any(c in BACK for c in head):
            return "ä"
    return harmony(low)


def paradigm(w: str) -> dict:
    """Singular forms of a one-word name (values are lists: first = preferred).

    Handles the word types that occur among Finnish place names; the irregular
    ones are listed in SPECIAL.
    """
    a = word_harmony(w)
    low = w.lower()
    last = low[-1]

    def one(d):
        return {k: [v] for k, v in d.items()}

    # Swedish consonant-final names: Finström → Finströmi-.
    if last not in VOWELS:
        if low.endswith("nen"):
            base = w[:-3]
            st = base + "se"
            return one(regular(w, st, st, base + H("sta", a), st + "en", a))
        if w in SWEDISH_LIKE:
            st = w + "i"
            return one(regular(w, st, st, st + H("a", a), st + "in", a))
        raise ValueError(f"no paradigm for {w}")

    if w in SWEDISH_LIKE and last == "ö":
        # Swedish final -ö (island) is long in Finnish: Brändöhön, Brändötä.
        d = one(regular(w, w, w, w + "tä", w + "hön", a))
        d["partitive"] = [w + "tä", w + "ä"]
        d["illative"] = [w + "hön", w + "ön"]
        return d

    # Long final vowel: Vantaa, Espoo, Keuruu, Kitee, Järvenpää.
    if len(low) >= 2 and low[-1] == low[-2] and last in VOWELS:
        if any(low.endswith(h) for h in MONOSYLLABIC_HEADS) or len(low) == 2:
            ill = w + "h" + w[-1] + "n"
        else:
            ill = w + "seen"
        return one(regular(w, w, w, w + H("ta", a), ill, a))

    if last == "e":
        if w in NALLE_E:
            return one(regular(w, w, w, w + H("a", a), w + "en", a))
        st = w + "e"  # Tampere → Tamperee-
        return one(regular(w, st, st, w + H("tta", a), st + "seen", a))

    if last == "i":
        if any(low.endswith(h) for h in SAARI_HEADS):
            st = w[:-1] + "e"
            return one(regular(w, st, st, w[:-1] + H("ta", a), st + "en", a))
        if any(low.endswith(h) for h in VESI_HEADS):
            strong = w[:-2] + "te"
            wk = w[:-2] + "de"
            return one(regular(w, wk, strong, w[:-2] + H("tta", a), strong + "en", a))
        if any(low.endswith(h) for h in E_STEM_HEADS) or w == "Loppi":
            strong = w[:-1] + "e"
            wk = weak(strong)
            return one(regular(w, wk, strong, strong + H("a", a), strong + "en", a))
        # i-stem: Helsinki, Pori, Lappi, Rautalampi.
        wk = weak(w)
        return one(regular(w, wk, w, w + H("a", a), w + "in", a))

    # Short final a ä o ö u y.
    wk = w if w in SWEDISH_LIKE else weak(w)
    if low.endswith(("io", "iö")):
        par = w + H("ta", a)  # Kuopiota, Kihniötä
    else:
        par = w + H("a", a)  # Kotkaa, Oulua, Jämsää
    return one(regular(w, wk, w, par, w + w[-1] + "n", a))


def plural_inen(w: str) -> dict:
    """Plural local-case paradigm of -inen names (Kauniainen → Kauniaisissa)."""
    a = word_harmony(w)
    b = w[:-3] + "si"  # Kauniaisi-
    pl = {
        "genitive_plural": w[:-3] + "sten",
        "partitive_plural": b + H("a", a),
        "essive_plural": b + H("na", a),
        "translative_plural": b + "ksi",
        "inessive_plural": b + H("ssa", a),
        "elative_plural": b + H("sta", a),
        "illative_plural": b + "in",
        "adessive_plural": b + H("lla", a),
        "ablative_plural": b + H("lta", a),
        "allative_plural": b + "lle",
        "abessive_plural": b + H("tta", a),
    }
    sg = paradigm(w)
    out = {k: [v] for k, v in pl.items()}
    for k in ("nominative", "genitive", "partitive"):
        out[k] = sg[k]
    return out


def first_part_paradigm(first: str) -> dict:
    """Adjective first elements that inflect with the head (Uusi-, Iso-)."""
    if first == "Uusi":
        return {
            "nominative": "Uusi", "genitive": "Uuden", "partitive": "Uutta",
            "essive": "Uutena", "translative": "Uudeksi", "inessive": "Uudessa",
            "elative": "Uudesta", "illative": "Uuteen", "adessive": "Uudella",
            "ablative": "Uudelta", "allative": "Uudelle", "abessive": "Uudetta",
        }
    if first == "Iso":
        return {
            "nominative": "Iso", "genitive": "Ison", "partitive": "Isoa",
            "essive": "Isona", "translative": "Isoksi", "inessive": "Isossa",
            "elative": "Isosta", "illative": "Isoon", "adessive": "Isolla",
            "ablative": "Isolta", "allative": "Isolle", "abessive": "Isotta",
        }
    raise ValueError(first)


# Names whose first element inflects too: name -> (first, head).
DOUBLE_INFLECTION = {
    "Uusimaa": ("Uusi", "maa"),
    "Uusikaupunki": ("Uusi", "kaupunki"),
    "Uusikaarlepyy": ("Uusi", "kaarlepyy"),
    "Isokyrö": ("Iso", "kyrö"),
}


def special(name: str) -> dict | None:
    """Irregular or unusual paradigms, written out by hand."""
    if name == "Ii":
        return {
            "nominative": ["Ii"], "genitive": ["Iin"], "partitive": ["Iitä"],
            "essive": ["Iinä"], "translative": ["Iiksi"], "inessive": ["Iissä"],
            "elative": ["Iistä"], "illative": ["Iihin"], "abessive": ["Iittä"],
        }
    if name == "Kangasala":
        # Contracted external local cases are the standard (Kangasalla);
        # the uncontracted ones are common in the press too.
        return {
            "nominative": ["Kangasala"], "genitive": ["Kangasalan"],
            "partitive": ["Kangasalaa"], "essive": ["Kangasalana"],
            "translative": ["Kangasalaksi"],
            "adessive": ["Kangasalla", "Kangasalalla"],
            "ablative": ["Kangasalta", "Kangasalalta"],
            "allative": ["Kangasalle", "Kangasalalle"],
            "abessive": ["Kangasalatta"],
        }
    if name == "Virrat":
        # Plural-only name: Virrat, Virtain, Virroilla (Kotus).
        return {
            "nominative": ["Virrat"], "genitive_plural": ["Virtain"],
            "partitive_plural": ["Virtoja"], "essive_plural": ["Virtoina"],
            "translative_plural": ["Virroiksi"], "adessive_plural": ["Virroilla"],
            "ablative_plural": ["Virroilta"], "allative_plural": ["Virroille"],
            "abessive_plural": ["Virroitta"],
        }
    if name in ("Alavus", "Varkaus"):
        # kalleus type: Alavus : Alavuden : Alavutta.
        b = name[:-1]
        a = harmony(name)
        return {k: [v] for k, v in regular(name, b + "de", b + "te", b + H("tta", a), b + "teen", a).items()}
    if name in ("Kannus", "Nurmes", "Muhos"):
        # vastaus type: Kannus : Kannuksen : Kannusta.
        a = harmony(name)
        st = name[:-1] + "kse"
        return {k: [v] for k, v in regular(name, st, st, name + H("ta", a), st + "en", a).items()}
    if name == "Pihtipudas":
        st = "Pihtiputaa"
        return {k: [v] for k, v in regular(name, st, st, "Pihtipudasta", st + "seen", "a").items()}
    if name == "Punkalaidun":
        st = "Punkalaitume"
        return {k: [v] for k, v in regular(name, st, st, "Punkalaidunta", st + "en", "a").items()}
    return None


def forms_of(name: str) -> dict:
    """All candidate forms of a Finnish name: case -> [forms], preferred first."""
    if name in DOUBLE_INFLECTION:
        first, head = DOUBLE_INFLECTION[name]
        fp = first_part_paradigm(first)
        hp = paradigm(head)
        whole = paradigm(name)  # first part left uninflected: kept only if Voikko knows it
        return {c: [fp[c] + h for h in hp[c]] + [f for f in whole[c] if f != fp[c] + hp[c][0]]
                for c in CASES}
    for sep in ("-", " "):
        if sep in name:
            prefix, last = name.rsplit(sep, 1)
            inner = forms_of(last)
            return {c: [prefix + sep + f for f in fs] for c, fs in inner.items()}
    sp = special(name)
    if sp is not None:
        return sp
    if name in PLURAL_INEN:
        return plural_inen(name)
    return paradigm(name)


# ---------------------------------------------------------------------------
# Facts about usage (hand-checked)

def words(s: str) -> set[str]:
    return {w.strip() for w in s.split(",") if w.strip()}


# -inen names that take plural local cases (Kotus: Huittisissa, Paraisilla).
PLURAL_INEN = words("""
Huittinen, Ikaalinen, Jokioinen, Joroinen, Kaskinen, Kauniainen, Kuhmoinen,
Nousiainen, Oulainen, Parainen, Pornainen, Siikainen, Uurainen
""")

# Local-case series. INNER: Oulussa/Oulusta/Ouluun; OUTER: Vantaalla/-lta/-lle;
# BOTH: both series in established standard use.
SERIES_INNER = words("""
Akaa, Alavieska, Asikkala, Askola, Aura, Brändö, Eckerö, Espoo, Eura, Finström,
Forssa, Föglö, Geta, Hailuoto, Hamina, Hammarland, Hanko, Harjavalta, Hartola,
Hattula, Heinola, Helsinki, Hollola, Huittinen, Humppila, Hämeenkyrö,
Hämeenlinna, Ii, Iisalmi, Iitti, Ikaalinen, Ilomantsi, Inari, Inkoo, Isokyrö,
Janakkala, Joensuu, Jomala, Joroinen, Joutsa, Juuka, Jyväskylä, Jämsä,
Järvenpää, Kaarina, Kajaani, Kankaanpää, Kannus, Karkkila, Karstula, Kaskinen,
Kauniainen, Kemi, Keminmaa, Kempele, Kihniö, Kinnula, Kittilä, Kokkola, Kolari,
Korsnäs, Kotka, Kouvola, Kristiinankaupunki, Kruunupyy, Kuhmo, Kuhmoinen,
Kumlinge, Kuopio, Kurikka, Kustavi, Kuusamo, Kärkölä, Kökar, Lahti, Laitila,
Lappeenranta, Laukaa, Lemland, Lempäälä, Lieksa, Lieto, Liminka, Liperi,
Loviisa, Luhanka, Lumparland, Luoto, Maalahti, Maarianhamina, Marttila, Masku,
Miehikkälä, Mikkeli, Muonio, Mustasaari, Muurame, Myrskylä, Mäntsälä,
Mänttä-Vilppula, Naantali, Nakkila, Nivala, Nousiainen, Nurmes, Närpiö,
Orimattila, Oripää, Oulainen, Oulu, Outokumpu, Paimio, Paltamo, Parikkala,
Parkano, Pedersöre, Pello, Perho, Pietarsaari, Pirkkala, Pomarkku, Pori,
Pornainen, Porvoo, Pukkila, Puumala, Pyhäranta, Raahe, Raasepori, Raisio,
Rääkkylä, Salla, Salo, Saltvik, Sastamala, Sauvo, Savonlinna, Sievi, Siikainen,
Simo, Sipoo, Siuntio, Sodankylä, Soini, Sotkamo, Sottunga, Sund, Sysmä, Säkylä,
Taivassalo, Tammela, Tervo, Tervola, Toivakka, Tornio, Turku, Tuusula, Ulvila,
Urjala, Uusikaarlepyy, Uusikaupunki, Vaala, Vaasa, Varkaus, Veteli, Vihti,
Vimpeli, Vårdö, Ylivieska, Ähtäri,
Köyliö, Lavia, Nastola,
Varsinais-Suomi, Satakunta, Kanta-Häme, Päijät-Häme, Kymenlaakso,
Etelä-Karjala, Etelä-Savo, Pohjois-Savo, Pohjois-Karjala, Keski-Suomi,
Kainuu, Lappi
""")

SERIES_OUTER = words("""
Alajärvi, Alavus, Enonkoski, Enontekiö, Eurajoki, Evijärvi, Haapajärvi,
Haapavesi, Halsua, Hankasalmi, Hausjärvi, Heinävesi, Hirvensalmi, Hyrynsalmi,
Hyvinkää, Ilmajoki, Imatra, Isojoki, Juupajoki, Juva, Jämijärvi, Kaavi,
Kalajoki, Kangasala, Kannonkoski, Karijoki, Kauhajoki, Kauhava, Kaustinen,
Keitele, Kemijärvi, Kemiönsaari, Kerava, Keuruu, Kirkkonummi, Kitee, Kiuruvesi,
Kivijärvi, Kokemäki, Konnevesi, Koski Tl, Kuortane, Kyyjärvi, Laihia,
Lapinjärvi, Lapinlahti, Lappajärvi, Lapua, Lemi, Leppävirta, Lestijärvi, Lohja,
Loimaa, Loppi, Lumijoki, Luumäki, Merijärvi, Merikarvia, Muhos, Multia,
Nurmijärvi, Orivesi, Padasjoki, Parainen, Pelkosenniemi, Pertunmaa, Petäjävesi,
Pielavesi, Pihtipudas, Polvijärvi, Posio, Pudasjärvi, Punkalaidun, Puolanka,
Pyhtää, Pyhäjoki, Pyhäjärvi, Pyhäntä, Pälkäne, Pöytyä, Rantasalmi, Ranua,
Rauma, Rautalampi, Rautavaara, Rautjärvi, Reisjärvi, Ristijärvi, Rovaniemi,
Ruokolahti, Ruovesi, Rusko, Saarijärvi, Savitaipale, Savukoski, Seinäjoki,
Siikajoki, Siikalatva, Siilinjärvi, Somero, Sonkajärvi, Sulkava, Suomussalmi,
Suonenjoki, Taipalsaari, Taivalkoski, Tampere, Teuva, Tohmajärvi, Toholampi,
Tuusniemi, Tyrnävä, Utajärvi, Utsjoki, Uurainen, Valkeakoski, Vantaa, Vehmaa,
Vesanto, Vieremä, Viitasaari, Virrat, Vöyri, Ylitornio, Ylöjärvi, Ypäjä,
Äänekoski,
Honkajoki, Jalasjärvi, Juankoski, Luvia, Maaninka, Tarvasjoki, Valtimo,
Uusimaa, Itä-Uusimaa, Keski-Uusimaa, Länsi-Uusimaa, Vantaa-Kerava, Pirkanmaa,
Pohjanmaa, Etelä-Pohjanmaa, Keski-Pohjanmaa, Pohjois-Pohjanmaa, Ahvenanmaa
""")

SERIES_BOTH = words("""
Jokioinen, Kangasniemi, Karvia, Kontiolahti, Kärsämäki, Mynämäki, Mäntyharju,
Nokia, Pieksämäki, Riihimäki, Vesilahti, Virolahti
""")


# Names whose standard forms Voikko partly lacks; the rule forms
# are kept: `Uudessakaarlepyyssä` (Kotus; Voikko knows only `Uusikaarlepyyssä`,
# which is kept as well), `Laukaaseen` (Voikko has only `Laukaahan`), the
# strong-grade partitive/essive `Rautalampia`, `Toholampina` of the i-stem
# place names (Voikko has them only for the common noun `lampi`).
VOIKKO_GAPS = {"Uusikaarlepyy", "Laukaa", "Rautalampi", "Toholampi"}


def series_of(name: str) -> set[str]:
    s = set()
    if name in SERIES_INNER or name in SERIES_BOTH:
        s |= INNER
    if name in SERIES_OUTER or name in SERIES_BOTH:
        s |= OUTER
    return s


# Aliases: (alias, Finnish name it stands for, kind, name whose local-case
# series it takes). Their inflected forms are generated like the names' own
# (the alias's last part inflects).
ALIASES = [
    # Statistics Finland's region name in some classifications (2010s).
    ("Helsinki-Uusimaa", "Uusimaa", "region", "Uusimaa"),
    # The county's official name (laki hyvinvointialueista 611/2021).
    ("Vantaan ja Keravan hyvinvointialue", "Vantaa-Kerava", "wellbeing_services_county", "Vantaa-Kerava"),
]

# Names that are also personal names in common use (first names, or surnames
# borne by thousands of people or by people in Finnish public life during the
# reform, e.g. minister Timo Soini), or company names (Nokia). Their forms are
# ambiguous except in the internal local cases (`Salossa` is only the town).
PERSON_OR_ENTITY = words("""
Aura, Inari, Kaarina, Salla, Simo,
Kangasniemi, Laitila, Marttila, Nivala, Pukkila, Rautavaara, Salo, Soini,
Sund, Tammela, Tervo,
Nokia
""")
# Names that are also frequent ordinary words; their forms that Voikko also
# analyses as a (non-compound) common word are ambiguous: aura 'plough',
# kolari 'collision', valtimo 'artery' (a health-care word), virrat
# 'currents'. Rarer homographs (kotka 'eagle', lahti 'bay', varkaus
# 'theft', kannus 'spur', somero 'gravel' ...) are deliberately not marked:
# in this genre the capitalised word is the place.
COMMON_WORD_NAMES = words("""
Aura, Kolari, Valtimo, Virrat
""")
# Single forms marked by hand: `Ii` (two letters; also a mis-cased numeral II).
AMBIGUOUS_FORMS = words("""
Ii
""")
# Swedish names that are also personal or other names in Finnish text.
SWEDISH_AMBIGUOUS = words("""
Lovisa, Vanda, Vasa
""")


def person_reading_possible(case: str) -> bool:
    """Personal-name readings are impossible in the internal local cases."""
    return case.removesuffix("_plural") not in INNER


def is_simple_common_word(form: str) -> bool:
    """True when Voikko analyses `form` as an ordinary non-compound word."""
    for a in analyses(form):
        cls = a.get("CLASS")
        if cls and cls not in PROPER_CLASSES and a.get("WORDBASES", "").count("+") <= 1:
            return True
    return False


# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    form: str
    name: str
    kind: str
    region: str
    case: str
    origin: str
    ambiguous: int


def read_places(path: str):
    out = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            rec = dict(zip(header, line.split("\t")))
            out.append(rec)
    return out


def build_rows(places) -> tuple[list[Row], list[str]]:
    warnings: list[str] = []
    rows: list[Row] = []

    def add_inflected(surface_name: str, base: str, kind: str, region: str,
                      series_name: str, alias: bool):
        """Add the forms of `surface_name` (the name or an alias of `base`)."""
        ser = series_of(series_name)
        if not ser:
            warnings.append(f"no local-case series for {series_name}")
        if surface_name == "Koski Tl":
            add_koski(base, kind, region)
            return
        fs = forms_of(surface_name)
        for case, cands in fs.items():
            plain = case.removesuffix("_plural")
            if plain in INNER | OUTER and plain not in ser:
                continue
            kept = []
            for i, f in enumerate(cands):
                conf = voikko_confirms(f, surface_name, case)
                if conf:
                    kept.append((f, "voikko"))
                elif i == 0:
                    kept.append((f, "rule"))
                    if (VOIKKO is not None and voikko_knows(surface_name)
                            and surface_name not in VOIKKO_GAPS):
                        warnings.append(f"Voikko rejects {f} ({surface_name}, {case})")
            # The preferred form is always kept; alternatives only when Voikko confirms them.
            for f, o in kept:
                c = case
                if alias and case == "nominative":
                    c = "alias"
                rows.append(Row(f, base, kind, region, c, o, 0))

    def add_koski(base, kind, region):
        # The official name carries the old province tag (Tl = Turun lääni);
        # bare Koski (a common word and surname) is kept, but ambiguous.
        rows.append(Row("Koski Tl", base, kind, region, "nominative", "rule", 0))
        rows.append(Row("Koski Tl:n", base, kind, region, "genitive", "rule", 0))
        for case, cands in paradigm("Koski").items():
            if case not in ("nominative", "genitive", "adessive", "ablative", "allative"):
                continue
            f = cands[0]
            o = "voikko" if voikko_confirms(f, "Koski", case) else "rule"
            rows.append(Row(f, base, kind, region, case, o, 1))

    for p in places:
        kind = p["kind"]
        name = p["name_fi"]
        region = p["region_fi"]
        add_inflected(name, name, kind, region, name, alias=False)
        sv = p.get("name_sv", "")
        if sv and sv != name:
            rows.append(Row(sv, name, kind, region, "swedish", "rule", 0))
    for alias, base, kind, series_name in ALIASES:
        region = next(p["region_fi"] for p in places if p["name_fi"] == base and p["kind"] == kind)
        add_inflected(alias, base, kind, region, series_name, alias=True)

    # Ambiguity.
    final = []
    for r in rows:
        amb = r.ambiguous
        if r.case == "swedish":
            if r.form in SWEDISH_AMBIGUOUS:
                amb = 1
        else:
            if r.form in AMBIGUOUS_FORMS:
                amb = 1
            if r.name in COMMON_WORD_NAMES and is_simple_common_word(r.form):
                amb = 1
            if r.name in PERSON_OR_ENTITY and person_reading_possible(r.case):
                amb = 1
        final.append(Row(r.form, r.name, r.kind, r.region, r.case, r.origin, amb))

    # One row per (form, name, kind); a form's ambiguity is shared by all its rows.
    dedup: dict[tuple[str, str, str], Row] = {}
    for r in final:
        key = (r.form, r.name, r.kind)
        if key in dedup:
            old = dedup[key]
            # Prefer a Voikko-confirmed reading and the first case seen.
            if old.origin == "rule" and r.origin == "voikko":
                dedup[key] = r
            continue
        dedup[key] = r
    amb_forms = {r.form for r in dedup.values() if r.ambiguous}
    out = [Row(r.form, r.name, r.kind, r.region, r.case, r.origin, 1 if r.form in amb_forms else 0)
           for r in dedup.values()]
    out.sort(key=lambda r: (r.form, r.name, r.kind))
    return out, warnings


_KNOWN: dict[str, bool] = {}


def voikko_knows(name: str) -> bool:
    if name not in _KNOWN:
        target = name.rsplit("-", 1)[-1] if "-" in name else name
        _KNOWN[name] = any(a.get("BASEFORM") in (name, target) for a in analyses(target))
    return _KNOWN[name]


HEADER = """\
# Place gazetteer for sote-records: Finnish regions (maakunta), wellbeing services
# counties (hyvinvointialue), municipalities (2024) and municipalities merged away
# 2015-2021, with the inflected forms they take in running Finnish text.
# Facts: shared/data/places.tsv (names, Swedish names, regions); local-case series
# (Oulussa vs Vantaalla) and irregular paradigms hand-checked against Kotus usage
# recommendations; forms generated by tools/gen_places.py and checked with Voikko
# ({voikko}).
# GENERATED FILE: edit tools/gen_places.py and re-run it; do not edit by hand.
# Columns: form (surface form, case-sensitive), name (Finnish basic form), kind
# (region | wellbeing_services_county | municipality | former_municipality), region
# (maakunta, basic form), case (nominative genitive partitive essive translative
# inessive elative illative adessive ablative allative abessive, *_plural for
# plural forms, swedish, alias), origin (voikko = Voikko analyses the form as this
# name in this case; rule = not confirmed by Voikko: generated by the rules, or a
# Swedish name or alias taken verbatim), ambiguous (1 = also an ordinary word, a
# personal name or a company name; accept only in stronger contexts).
"""


def render(rows: list[Row]) -> str:
    voikko = "libvoikko with voikko-fi" if VOIKKO is not None else "Voikko NOT available: all origin=rule"
    lines = [HEADER.format(voikko=voikko).rstrip("\n")]
    lines.append("form\tname\tkind\tregion\tcase\torigin\tambiguous")
    for r in rows:
        for field in (r.form, r.name, r.kind, r.region, r.case, r.origin):
            assert "\t" not in field and "\n" not in field, r
        lines.append("\t".join([r.form, r.name, r.kind, r.region, r.case, r.origin, str(r.ambiguous)]))
    return "\n".join(lines) + "\n"


def main() -> int:
    global VOIKKO
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--places", default=os.environ.get("PLACES_TSV", "/work/shared/data/places.tsv"))
    ap.add_argument("--out", default=os.path.join(here, "..", "src", "lexicon", "places.tsv"))
    ap.add_argument("--check", action="store_true", help="only compare with the existing output")
    ap.add_argument("--verbose", action="store_true", help="print rule warnings")
    args = ap.parse_args()

    VOIKKO = load_voikko()
    if VOIKKO is None:
        print("warning: libvoikko not available; every form will be origin=rule", file=sys.stderr)
    places = read_places(args.places)
    rows, warnings = build_rows(places)
    text = render(rows)
    if args.verbose or warnings:
        for w in warnings:
            print("warning:", w, file=sys.stderr)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print(f"{args.out} is stale; re-run tools/gen_places.py", file=sys.stderr)
            return 1
        return 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    by_origin: dict[str, int] = {}
    for r in rows:
        by_origin[r.origin] = by_origin.get(r.origin, 0) + 1
    print(f"wrote {len(rows)} rows to {os.path.normpath(args.out)} ({by_origin})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
