//! Actors: named people (with their titles), named organizations, and groups.
//!
//! A reader of a crisis report wants to know who is involved and who speaks. A hand-written
//! scanner cuts every paragraph into runs of capitalized words ("Berrien County Sheriff Paul
//! Bailey", "Ministry of Health", "Daniel arap Moi"), without regexes, so that the stage costs
//! next to nothing to start. Each run is then read by small named rules:
//! - [`title_and_name`]: a title head word (`titles.txt`) followed by a name ("UN High
//!   Commissioner for Human Rights Michelle Bachelet"); a lowercase title just before a run
//!   ("police spokesman Ali Demir") counts too;
//! - [`organization`]: a run with an organization head word (`org_words.txt`), a known short
//!   name (`acronyms.txt`), or an unknown acronym in capitals (`not_acronyms.txt` lists the
//!   capitals that are not organizations);
//! - [`bare_name`]: two to four name-like words are a person when the first is a known given
//!   name (`given_names.txt`) or a cue stands next to them (a speech verb, an age, an
//!   apposition), or when the name is confirmed elsewhere in the article.
//!
//! Later mentions by surname ("Bailey said") and by title ("the sheriff") are merged into the
//! person in one pass over the word starts, matched as a [`WordPhrases`] of them would be
//! ([`later_mention_matches`]). Groups ("protesters", "security forces") come from
//! `groups.txt`. The headline, bylines and photo credits are not read for
//! names, and nothing inside a known place becomes a person.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::{Document, Span};
use crate::extract::dates::is_calendar_word;
use crate::model::{Actor, Evidence, Location};
use crate::vocab::{self, packed, swar, WordBuildHasher, WordList, WordPhrases};

/// Title head words, lowercased.
static TITLES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(vocab::entries(include_str!("titles.txt"))));

/// Organization head words; some are two words ("Red Cross").
static ORG_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::entries(include_str!("org_words.txt")).collect());

/// The one-word organization head words, for a fast exact test.
static ORG_HEADS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(ORG_WORDS.iter().copied().filter(|o| !o.contains(' '))));

/// The head words of several words ("Red Cross"), tried at each word of a run.
static ORG_PHRASES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    ORG_WORDS
        .iter()
        .copied()
        .filter(|o| o.contains(' '))
        .collect()
});

/// [`FUNCTION_WORDS`] and [`NOT_NAME`] as sets (asked for every capitalized word).
static FUNCTION_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(FUNCTION_WORDS.iter().copied()));
static NOT_NAME_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(NOT_NAME.iter().copied()));

/// The word starts where a phrase of a [`WordPhrases`] list may match, told by the first two
/// bytes of the word: [`WordPhrases::find_at`] costs a call and a key per word start, and
/// the lists searched here (a few dozen phrases) can match at very few of
/// them. Dropping the other starts changes nothing: `find_at` finds nothing there and moves
/// on to the next start.
struct StartFilter {
    /// A bit per pair key ([`pair_key`]) of the first two bytes that some phrase starts
    /// with. The low five bits of a letter are those of its other case, so no byte is
    /// lowercased; other bytes share bits with letters, which only lets a few more starts
    /// by. Bit 0 of word 16 is [`END_KEY`], always set. The table is small enough to build
    /// for each article, and a key's word index is masked to the table's size, so that the
    /// test needs no bounds check.
    pairs: [u64; 32],
}

/// The key of a word start whose second byte is past the end of the text: only a one-letter
/// phrase fits there, and `find_at` decides.
const END_KEY: u16 = 1 << 10;

/// The key of the two bytes `a`, `b`: their low five bits, side by side (below [`END_KEY`]).
fn pair_key(a: u8, b: u8) -> u16 {
    u16::from(a & 31) << 5 | u16::from(b & 31)
}

/// The [`pair_key`] of the word start `s` of `text` (keys are computed as the starts are
/// read: a vector of them, shared by the lists, cost more than computing them again).
#[cfg(test)]
fn start_key(text: &[u8], s: usize) -> u16 {
    match text.get(s..s + 2) {
        Some(&[a, b]) => pair_key(a, b),
        _ => END_KEY,
    }
}

impl StartFilter {
    /// The filter of a list given to [`WordPhrases::new`] (a trailing `*` marks a stem).
    fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> StartFilter {
        let mut f = StartFilter { pairs: [0; 32] };
        f.mark(END_KEY);
        for p in list {
            let body = p.strip_suffix('*').unwrap_or(p).as_bytes();
            let Some(&first) = body.first() else {
                continue;
            };
            match body.get(1) {
                // A one-letter phrase: any byte may follow.
                None => (0..=255).for_each(|b| f.mark(pair_key(first, b))),
                // A space in a phrase matches any white space.
                Some(b' ') => {
                    for &w in b" \t\n\x0C\r" {
                        f.mark(pair_key(first, w));
                    }
                }
                Some(&second) => f.mark(pair_key(first, second)),
            }
        }
        f
    }

    /// Marks the key `k` (a pair in any case: see [`StartFilter::pairs`]).
    fn mark(&mut self, k: u16) {
        self.pairs[usize::from(k >> 6) & 31] |= 1 << (k & 63);
    }

    /// Whether a phrase may match at a word start of key `k`.
    fn may_match(&self, k: u16) -> bool {
        self.pairs[usize::from(k >> 6) & 31] >> (k & 63) & 1 != 0
    }

    /// The starts of `starts` (word starts of `text`) where a phrase may match.
    #[cfg(test)]
    fn starts(&self, text: &str, starts: &[u32]) -> Vec<u32> {
        self.select_or(text.as_bytes(), starts, |_, _| false)
    }

    /// The word starts `starts` of `text` where a phrase may match, or where `other` says
    /// another phrase may (asked with the start and its key, only at the starts the filter
    /// turns away).
    #[cfg(test)]
    fn select_or(
        &self,
        text: &[u8],
        starts: &[u32],
        other: impl Fn(usize, u16) -> bool,
    ) -> Vec<u32> {
        // Room for every start: the vector never grows (it is not zeroed either, which
        // would cost more than the loop).
        let mut out = Vec::with_capacity(starts.len());
        for &s in starts {
            let k = start_key(text, s as usize);
            if self.may_match(k) || other(s as usize, k) {
                out.push(s);
            }
        }
        out
    }
}

/// The word starts of `flat` where a known organization ([`KNOWN_ORGS`]) may match, and
/// those where a group ([`GROUPS`]) may, in one pass over the starts: one look-up in
/// [`STATIC_PAIRS`] per start answers for both lists. A known organization is kept only as
/// written ([`known_orgs`]), so its starts are also those at the first byte of an entry.
///
/// Also the starts whose first byte is a [`mention_first`] one, into `mention_starts`, for
/// [`later_mention_matches`] (the same pass reads that byte).
///
/// Written into the three vectors without a branch on the look-ups: every start is written
/// at the next free place of each, and a place is taken only when the start is kept. A
/// branch there, taken or not as the words come, was mispredicted at a good share of all
/// word starts. Returns how many starts each vector holds, at its front: the rest is left
/// as it is ([`room`]).
fn static_starts(
    flat: &[u8],
    starts: &[u32],
    org_starts: &mut Vec<u32>,
    group_starts: &mut Vec<u32>,
    mention_starts: &mut Vec<u32>,
) -> (usize, usize, usize) {
    let pairs = &*STATIC_PAIRS;
    for v in [&mut *org_starts, &mut *group_starts, &mut *mention_starts] {
        room(v, starts.len());
    }
    let (mut no, mut ng, mut nm) = (0, 0, 0);
    for &s in starts {
        let i = s as usize;
        let a = flat.get(i).copied().unwrap_or(0);
        let bits = match flat.get(i + 1) {
            Some(&b) => static_pair_bits(pairs, static_pair_index(a, b)),
            None => static_end_bits(a),
        };
        // The counts never pass the number of starts read so far: always in bounds.
        if let (Some(o), Some(g), Some(m)) = (
            org_starts.get_mut(no),
            group_starts.get_mut(ng),
            mention_starts.get_mut(nm),
        ) {
            *o = s;
            *g = s;
            *m = s;
        }
        no += usize::from(bits & ORG_PAIR != 0);
        ng += usize::from(bits & GROUP_PAIR != 0);
        nm += usize::from(MENTION_FIRST[usize::from(a)]);
    }
    (no, ng, nm)
}

/// Makes `v` at least `n` long, for a gather that writes each element at the next free
/// place and reads back only the places it wrote. The old elements are kept, not zeroed:
/// a thread's vectors keep their length from article to article ([`extract`]), and
/// zeroing every place of each gather (a `memset` per paragraph and three per article)
/// cost more than a tenth of the gathers.
fn room(v: &mut Vec<u32>, n: usize) {
    if v.len() < n {
        v.resize(n, 0);
    }
}

/// Whether a later mention's phrase may start with byte `a` when every surname starts with
/// a capital or a non-ASCII byte: those, or the "t" of a title's "the", in either case.
/// Read without a branch (`|`, not `||`).
const fn mention_first(a: u8) -> bool {
    (a >= 0x80) | a.is_ascii_uppercase() | (a | 0x20 == b't')
}

/// [`mention_first`] of each byte, read in [`static_starts`] with one load (256 bytes that
/// stay in the cache) instead of its tests at every word start.
static MENTION_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut a = 0;
    while a < 256 {
        t[a] = mention_first(a as u8);
        a += 1;
    }
    t
};

/// [`STATIC_PAIRS`] bit: a known organization may match at a start of these two bytes.
const ORG_PAIR: u8 = 1;
/// [`STATIC_PAIRS`] bit: a group may match there.
const GROUP_PAIR: u8 = 2;

/// The index in [`STATIC_PAIRS`] of a start whose first two bytes are `a` and `b`: all of the
/// first (a known organization's first byte is read as written), the low five bits of the
/// second (as [`pair_key`]).
fn static_pair_index(a: u8, b: u8) -> usize {
    usize::from(a) << 5 | usize::from(b & 31)
}

/// The bits of [`STATIC_PAIRS`] at a start whose first byte `a` is the text's last: the
/// filters keep every such start ([`END_KEY`]), the known organizations' at their first
/// bytes only.
fn static_end_bits(a: u8) -> u8 {
    let (_, _, _, firsts) = &*KNOWN_ORGS;
    GROUP_PAIR | if firsts[usize::from(a)] { ORG_PAIR } else { 0 }
}

/// For each first byte and low five bits of the second ([`static_pair_index`]), whether the
/// start filter of the known organizations keeps it and its first byte is that of an entry
/// ([`ORG_PAIR`]), and whether the start filter of the groups keeps it ([`GROUP_PAIR`]).
/// The two bits of an index side by side, 32 indices to a word: 2 KiB, read at every word
/// start (a byte per index, 8 KiB, was read at lines seldom in the cache), and both bits
/// come out of one shift (a word per list, side by side, took a shift and a mask each and
/// their combination).
static STATIC_PAIRS: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let (_, _, orgs, firsts) = &*KNOWN_ORGS;
    let (_, groups) = &*GROUPS;
    let mut t = [0u64; 256];
    for a in 0..=255u8 {
        for b in 0..32u8 {
            let k = pair_key(a, b);
            let i = static_pair_index(a, b);
            let mut bits = 0;
            if orgs.may_match(k) && firsts[usize::from(a)] {
                bits |= ORG_PAIR;
            }
            if groups.may_match(k) {
                bits |= GROUP_PAIR;
            }
            t[i >> 5] |= u64::from(bits) << ((i & 31) * 2);
        }
    }
    t
});

/// The bits ([`ORG_PAIR`], [`GROUP_PAIR`]) of [`STATIC_PAIRS`] at index `i`.
fn static_pair_bits(pairs: &[u64; 256], i: usize) -> u8 {
    (pairs[(i >> 5) & 255] >> ((i & 31) * 2) & 3) as u8
}

/// The words of [`FUNCTION_SET`], [`NOT_NAME_SET`], [`TITLES`] and [`ORG_HEADS`] in one set:
/// a name word is in none of them, and one look-up here says so (the four lists are asked
/// only for the few words found here).
static NOT_IN_NAMES: LazyLock<WordList> = LazyLock::new(|| {
    let titles = vocab::entries(include_str!("titles.txt"));
    let orgs = ORG_WORDS.iter().copied().filter(|o| !o.contains(' '));
    WordList::new(
        FUNCTION_WORDS
            .iter()
            .chain(NOT_NAME)
            .copied()
            .chain(titles)
            .chain(orgs),
    )
});

/// Known organizations by short name, matched case-sensitively.
/// With their start filter and their first bytes ([`known_org_first_bytes`]).
#[allow(clippy::type_complexity)]
static KNOWN_ORGS: LazyLock<(WordPhrases, Vec<&'static str>, StartFilter, [bool; 256])> =
    LazyLock::new(|| {
        let v: Vec<&'static str> = vocab::entries(include_str!("acronyms.txt")).collect();
        let filter = StartFilter::new(v.iter().copied());
        let firsts = known_org_first_bytes(&v);
        (WordPhrases::new(v.iter().copied()), v, filter, firsts)
    });

static NOT_ACRONYMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(vocab::entries(include_str!("not_acronyms.txt"))));

static GROUPS: LazyLock<(WordPhrases, StartFilter)> = LazyLock::new(|| {
    let list = || vocab::entries(include_str!("groups.txt"));
    (WordPhrases::new(list()), StartFilter::new(list()))
});

/// Given name → gender letter (`f`, `m`, `u`).
static GIVEN_NAMES: LazyLock<HashMap<&'static str, char, WordBuildHasher>> = LazyLock::new(|| {
    vocab::entries(include_str!("given_names.txt"))
        .filter_map(|l| {
            let (g, name) = l.split_once(' ')?;
            Some((name.trim(), g.chars().next()?))
        })
        .collect()
});

/// The gender a given name suggests: `Some('f')`, `Some('m')`, or `None` when unknown.
pub fn gender_of(full_name: &str) -> Option<char> {
    let first = full_name.split_whitespace().next()?;
    GIVEN_NAMES.get(first).copied().filter(|g| *g != 'u')
}

/// Lowercase words allowed inside a name or an organization ("Ministry of Health",
/// "Daniel arap Moi", "Tarek el Aissami").
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "del", "della", "da", "das", "dos", "do", "du", "la", "le", "al",
    "el", "bin", "ibn", "van", "von", "der", "den", "ter", "arap", "y", "on",
];

/// Connectors that belong to names rather than to titles or organizations.
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "das", "dos", "do", "du", "la", "le", "al", "el", "bin", "ibn",
    "van", "von", "der", "den", "ter", "arap", "y",
];

/// One of [`CONNECTORS`]. All are lowercase ASCII words of at most five bytes: a capitalized
/// or longer word (nearly every word asked) is turned away before the list is compared.
fn is_connector(w: &str) -> bool {
    short_lowercase(w) && CONNECTORS.contains(&w)
}

/// One of [`NAME_PARTICLES`] (lowercase ASCII words of at most five bytes, as connectors).
fn is_particle(w: &str) -> bool {
    short_lowercase(w) && NAME_PARTICLES.contains(&w)
}

/// At most five bytes, the first a lowercase ASCII letter: the shape of every connector.
fn short_lowercase(w: &str) -> bool {
    w.len() <= 5 && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
}

/// [`is_calendar_word`] behind a cheap test: month and weekday names and abbreviations are
/// ASCII words of three to nine letters ("May", "Sept.", "Wednesday") whose first three
/// letters are those of one of them. Asked for every capitalized word: "The", "This",
/// "Many" or "Sen." are turned away here, not by the look-up. Inlined where it is asked (an
/// out-of-line call per capitalized word cost 4 M instructions a pass over the bench corpus).
#[inline]
fn calendar_word(w: &str) -> bool {
    let b = w.as_bytes();
    (3..=10).contains(&b.len())
        && calendar_prefix(calendar_key(b[0], b[1], b[2]))
        && is_calendar_word(w)
}

/// The key of three bytes for [`calendar_prefix`]: their low five bits, side by side, so that
/// an ASCII letter is read in either case (other bytes may share a key with a letter: they
/// are let by).
fn calendar_key(a: u8, b: u8, c: u8) -> u32 {
    u32::from(a & 31) << 10 | u32::from(b & 31) << 5 | u32::from(c & 31)
}

/// The first three letters of the months and weekdays.
const CALENDAR_PREFIXES: [&[u8; 3]; 19] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun",
];

/// Whether a [`calendar_key`] is that of the first three letters of a month or a weekday
/// ([`CALENDAR_PREFIXES`]): one comparison with the key kept in its slot of a table of 32
/// (a comparison with each of the 19 prefixes cost several times more, for every
/// capitalized word). The table is one cache line: a bit per key (4 KiB) was read at a
/// line seldom in the cache, and the load stalled the run's reading.
fn calendar_prefix(key: u32) -> bool {
    /// Sends the 19 keys to 19 distinct slots (checked as the table is built, at compile
    /// time).
    const MUL: u32 = 0x9518_815d;
    const fn slot(key: u32) -> usize {
        (key.wrapping_mul(MUL) >> 27) as usize
    }
    /// Each prefix's key in its slot; `u16::MAX`, which no key is (keys have 15 bits),
    /// elsewhere.
    static TABLE: [u16; 32] = {
        let mut t = [u16::MAX; 32];
        let mut i = 0;
        while i < CALENDAR_PREFIXES.len() {
            let p = CALENDAR_PREFIXES[i];
            let k = ((p[0] & 31) as u32) << 10 | ((p[1] & 31) as u32) << 5 | (p[2] & 31) as u32;
            assert!(t[slot(k)] == u16::MAX, "two calendar prefixes share a slot");
            t[slot(k)] = k as u16;
            i += 1;
        }
        t
    };
    u32::from(TABLE[slot(key)]) == key
}

/// Capitalized words that never start or make up a name or an organization.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "and",
    "but",
    "or",
    "if",
    "as",
    "after",
    "before",
    "when",
    "while",
    "since",
    "during",
    "for",
    "from",
    "to",
    "by",
    "with",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "you",
    "also",
    "however",
    "meanwhile",
    "no",
    "not",
    "more",
    "some",
    "all",
    "many",
    "most",
    "one",
    "two",
    "three",
    "about",
    "according",
    "what",
    "who",
    "where",
    "why",
    "how",
    "today",
    "yesterday",
    "tomorrow",
    "so",
    "then",
    "yet",
    "still",
    "even",
    "both",
    "each",
    "every",
    "other",
    "another",
    "such",
    "under",
    "over",
    "near",
    "between",
    "among",
    "against",
    "without",
    "despite",
    "although",
    "though",
    "because",
    "until",
    "unlike",
    "like",
    "once",
    "now",
    "later",
    "earlier",
    "last",
    "next",
    "first",
    "dear",
    "oh",
    "yes",
    "mr",
    "mrs",
    "ms",
    "said",
    "says",
    "asked",
    "told",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "let",
    "please",
    "thank",
    "thanks",
    "police",
    "officials",
    "authorities",
    "government",
    "witnesses",
    "residents",
    "rescuers",
    "breaking",
    "update",
    "updated",
    "read",
    "photo",
    "video",
    "watch",
    "copyright",
    "text",
    "editor",
    "note",
    "related",
    "advertisement",
    "image",
    "caption",
    "source",
    "sources",
];

/// Capitalized words that are not part of a person's name (places, events, faiths, things).
const NOT_NAME: &[&str] = &[
    "new",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "national",
    "state",
    "states",
    "county",
    "city",
    "province",
    "region",
    "district",
    "township",
    "village",
    "town",
    "street",
    "st.",
    "avenue",
    "road",
    "drive",
    "river",
    "lake",
    "mount",
    "island",
    "islands",
    "valley",
    "bay",
    "coast",
    "gulf",
    "sea",
    "ocean",
    "bridge",
    "square",
    "base",
    "airport",
    "station",
    "park",
    "hall",
    "building",
    "tower",
    "church",
    "mosque",
    "cathedral",
    "temple",
    "palace",
    "stadium",
    "mall",
    "market",
    "hotel",
    "plaza",
    "highway",
    "route",
    "republic",
    "kingdom",
    "united",
    "order",
    "protestant",
    "protestants",
    "catholic",
    "catholics",
    "muslim",
    "muslims",
    "islamic",
    "christian",
    "jewish",
    "hindu",
    "buddhist",
    "hurricane",
    "typhoon",
    "storm",
    "cyclone",
    "tropical",
    "day",
    "week",
    "year",
    "war",
    "revolution",
    "act",
    "law",
    "constitution",
    "agreement",
    "accord",
    "treaty",
    "plan",
    "operation",
    "internet",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "covid-19",
    "covid",
    "coronavirus",
    "god",
    "allah",
    "twitter",
    "facebook",
    "human",
    "rights",
    "international",
    "world",
    "global",
    "federal",
    "public",
    "general",
    "great",
    "british",
    "irish",
    "american",
    "african",
    "european",
    "asian",
    "arab",
    "english",
    "french",
    "spanish",
    "german",
    "russian",
    "chinese",
    "indian",
    "western",
    "el",
    "los",
    "las",
    "san",
    "santa",
    "sao",
    "são",
    "port",
    "fort",
    "ft.",
    "mt.",
    "le",
    "la",
];

/// Last words that make a capitalized name a place, not an organization ("Air Force Base").
const PLACE_ENDS: &[&str] = &[
    "Base", "Airport", "Street", "Avenue", "Road", "Bridge", "Square", "Station", "Park", "Block",
    "Building", "Tower", "Camp",
];

/// Caption words that lose their space after a name in scraped text ("Ana VelezVideo").
const GLUED: &[&str] = &[
    "Video", "By", "Photo", "Image", "Read", "Watch", "Related", "Getty",
];

/// Abbreviations that keep their period inside a run ("Gen.", "St.", "Jr.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt", "maj", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "st", "ft", "mt", "jr", "sr", "inc", "co", "corp", "ltd", "dept",
    "supt", "insp", "det", "cpl", "pvt", "brig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// Verbs that, right after a name, mark it as a person who speaks or acts.
static CUE_VERB_SET: packed::Set<{ CUE_VERBS_AFTER.len() }> = packed::Set::new(&[CUE_VERBS_AFTER]);
const CUE_VERBS_AFTER: &[&[u8]] = &[
    b"said",
    b"says",
    b"told",
    b"added",
    b"explained",
    b"stated",
    b"noted",
    b"wrote",
    b"tweeted",
    b"posted",
    b"confirmed",
    b"announced",
    b"warned",
    b"urged",
    b"asked",
    b"recalled",
    b"recalls",
    b"testified",
    b"insisted",
    b"replied",
    b"described",
    b"called",
    b"believes",
    b"thinks",
    b"acknowledged",
    b"declined",
    b"denied",
    b"agreed",
    b"argued",
    b"stressed",
    b"admitted",
    b"pleaded",
    b"died",
    b"was",
    b"has",
    b"had",
    b"is",
];

/// Words that, right before a name, mark it as a person: one-word cues (a set, asked for
/// every name-like run) and cues of several words.
static CUE_BEFORE_SET: packed::Set<{ CUE_BEFORE.len() }> = packed::Set::new(&[CUE_BEFORE]);
const CUE_BEFORE_PHRASES: &[&str] = &["according to", "identified as"];
const CUE_BEFORE: &[&[u8]] = &[
    b"said",
    b"says",
    b"told",
    b"named",
    b"by",
    b"suspect",
    b"victim",
    b"son",
    b"daughter",
    b"wife",
    b"husband",
    b"brother",
    b"sister",
    b"mother",
    b"father",
    b"friend",
    b"neighbor",
    b"neighbour",
    b"leader",
    b"founder",
    b"owner",
    b"resident",
    b"witness",
    b"student",
    b"teacher",
    b"activist",
    b"journalist",
    b"reporter",
    b"lawyer",
    b"doctor",
    b"nurse",
];

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// Only spaces separate this token from the one before it.
    joined: bool,
    /// A sentence end or a possessive follows the token: nothing after it joins its run.
    closes: bool,
    /// The token may be capitalized ([`may_be_cap`] of its first byte and the next):
    /// [`for_each_run`] asks [`run_end`] at these tokens only.
    cap: bool,
}

#[derive(Debug, Clone)]
struct Found<'a> {
    /// Borrowed from the text: most findings are dropped or merged, and only the names of
    /// actors are copied (in [`merge`]).
    name: &'a str,
    kind: &'static str,
    title: Option<&'a str>,
    span: (usize, usize),
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Whether a word whose first byte is `a`, followed in the text by `b` (0 at the end of the
/// text), may be capitalized ([`is_cap`]): not when it is ASCII other than a capital, or
/// "al" or "el" ("al-Assad", "el-Sayed"), so "and", "an", "each" or "every" are not
/// gathered for a call of [`run_end`] that finds no run. The tokenizer has both bytes at
/// hand as it makes the token ([`Tok::cap`]). Read without a branch (`|`, not `||`).
fn may_be_cap(a: u8, b: u8) -> bool {
    (a >= 0x80) | a.is_ascii_uppercase() | (((a == b'a') | (a == b'e')) & (b == b'l'))
}

/// A capitalized word (or "al-Assad"). Asked for every token: the ASCII cases are decided
/// on the first byte, before any character is decoded.
#[inline]
fn is_cap(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        None => return false,
        Some(&x) if x < 0x80 && x != b'a' && x != b'e' => return x.is_ascii_uppercase(),
        _ => {}
    }
    let mut c = w.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => true,
        // "al-Assad", "el-Sayed": a lowercase particle joined to a capitalized name.
        Some('a' | 'e') => {
            let b = w.as_bytes();
            b.len() > 3 && b[1] == b'l' && b[2] == b'-' && (b[3] as char).is_ascii_uppercase()
        }
        _ => false,
    }
}

fn is_title(w: &str) -> bool {
    TITLES.contains_ci(w)
}

fn is_honorific(w: &str) -> bool {
    ["mr.", "mrs.", "ms.", "dr.", "prof."]
        .iter()
        .any(|h| w.eq_ignore_ascii_case(h))
}

fn is_org_word(w: &str) -> bool {
    ORG_HEADS.contains(w)
}

/// An acronym in capitals ("FSLN", "M-19", "AT&T") that is not in `not_acronyms.txt`. Asked
/// for most one-word runs ("Smith"): one walk over the bytes, left at the first other one.
fn is_acronym(w: &str) -> bool {
    if w.len() > 7 {
        return false;
    }
    let (mut letters, mut digits, mut dash) = (0, false, false);
    for &b in w.as_bytes() {
        match b {
            b'A'..=b'Z' => letters += 1,
            b'0'..=b'9' => digits = true,
            b'-' => dash = true,
            b'&' => {}
            _ => return false,
        }
    }
    (letters >= 2 || letters == 1 && digits && dash) && !NOT_ACRONYMS.contains(w)
}

/// A word that can be part of a person's name: capitalized, not a function, calendar,
/// title, organization or place word; initials ("J.", "P.J.") count.
fn is_name_word(w: &str) -> bool {
    if !is_cap(w) {
        return false;
    }
    // A lowercase letter after the first character (read as bytes when the word is ASCII,
    // as most are); else initials.
    let has_lower = if w.is_ascii() {
        w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
    } else {
        w.chars().skip(1).any(char::is_lowercase)
    };
    let initial = || {
        w.len() >= 2
            && w.ends_with('.')
            && w.split('.')
                .filter(|p| !p.is_empty())
                .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
    };
    (has_lower || initial())
        && (w.eq_ignore_ascii_case("may") || !calendar_word(w))
        && (!NOT_IN_NAMES.contains_ci(w)
            || !FUNCTION_SET.contains_ci(w)
                && !NOT_NAME_SET.contains_ci(w)
                && !is_title(w)
                && !is_org_word(w))
}

/// Asked for every character outside ASCII of a word's end ([`word_end`]): the marks first
/// ("’" is one), then [`is_alnum`].
fn is_word_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&') || is_alnum(c)
}

/// Whether `c` is in the General Punctuation block (U+2000 to U+206F: curly quotes, dashes,
/// the ellipsis), most of an article's characters outside ASCII. None of them is
/// alphanumeric, uppercase or lowercase (`punctuation_is_neither_alphanumeric_nor_cased`):
/// the tokenizer answers for them without the searches of the Unicode tables that
/// `char::is_alphanumeric` and the case tests make (a few hundred instructions each).
fn punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// `c.is_alphanumeric()`, [`punctuation`] turned away first.
fn is_alnum(c: char) -> bool {
    !punctuation(c) && c.is_alphanumeric()
}

/// The character at byte `i` of `s` (a char boundary) and its length in bytes.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// Cuts one paragraph of `flat` into word tokens. Every byte of the article passes here, and
/// most tokens are short lowercase words: those cost a table look-up, one eight-byte load that
/// holds their letters and the byte after them (a separator, taken at once, or a sentence's
/// period) and a push.
fn tokenize(flat: &str, para: &Span, out: &mut Vec<Tok>) {
    let s = &flat[para.clone()];
    let b = s.as_bytes();
    let mut i = 0;
    // Whether a token starting here is joined to the one before: there is one, it does not
    // close its run, nothing was cut off its end, and only spaces were passed since.
    let mut joinable = false;
    while let Some(&x) = b.get(i) {
        // A word starts with a letter, a digit or "&" (not with a period, dash or apostrophe).
        let class = BYTE_CLASS[usize::from(x)];
        let (last_lower, n) = if class & ALNUM != 0 {
            // Most words: an ASCII letter or digit and lowercase letters or digits, then a
            // space or a punctuation mark that ends the word. [`word_end`] would stop at that
            // byte too (it passes lowercase letters and digits, and stops at the first ASCII
            // byte that is no word byte), and [`trim_word`] would cut nothing (the word ends
            // with a letter or digit, and an "s" is cut only after an apostrophe).
            // Fastest: the word and the byte that ends it lie in the next eight bytes, and
            // that byte (the separator the loop would pass next) is taken at once.
            if let Some(v) = swar::load(b, i + 1) {
                let other = !(lowercase_bytes(v) | digit_bytes(v)) & swar::HIGH_BITS;
                if other != 0 {
                    let k = (other.trailing_zeros() / 8) as usize;
                    let y = (v >> (8 * k)) as u8;
                    if BYTE_CLASS[usize::from(y)] & ENDS_WORD != 0 {
                        out.push(Tok {
                            start: para.start + i,
                            end: para.start + i + 1 + k,
                            joined: joinable,
                            closes: false,
                            cap: may_be_cap(x, v as u8),
                        });
                        // As the separator branch below: `y` is neither a word byte nor "&".
                        joinable = y == b' ';
                        i += 2 + k;
                        continue;
                    }
                    // A sentence's last word ("flooded. ", "him. "): [`trim_word`] cuts the
                    // period and closes the run unless the word is an initial (one byte) or
                    // an abbreviation (five bytes or more are none); a byte that ends words
                    // after it keeps "Belfast.At" apart ([`word_end`] goes past the period).
                    if y == b'.'
                        && k >= 1
                        && b.get(i + 2 + k)
                            .is_none_or(|&z| BYTE_CLASS[usize::from(z)] & ENDS_WORD != 0)
                        && (k >= 4 || !is_abbreviation(&s[i..i + 1 + k]))
                    {
                        out.push(Tok {
                            start: para.start + i,
                            end: para.start + i + 1 + k,
                            joined: joinable,
                            closes: true,
                            cap: may_be_cap(x, v as u8),
                        });
                        joinable = false;
                        i += 2 + k;
                        continue;
                    }
                }
            }
            let n = 1 + b.get(i + 1..).map_or(0, lowercase_run);
            if b.get(i + n)
                .is_none_or(|&y| y < 0x80 && !is_ascii_word_byte(y))
            {
                out.push(Tok {
                    start: para.start + i,
                    end: para.start + i + n,
                    joined: joinable,
                    closes: false,
                    cap: may_be_cap(x, b.get(i + 1).copied().unwrap_or(0)),
                });
                joinable = true;
                i += n;
                continue;
            }
            (n > 1 || x.is_ascii_lowercase(), n)
        } else if x < 0x80 {
            if x != b'&' {
                joinable &= x == b' ';
                i += 1;
                continue;
            }
            (false, 1)
        } else {
            let (c, n) = char_at(s, i);
            if !is_alnum(c) {
                joinable = false;
                i += n;
                continue;
            }
            (c.is_lowercase(), n)
        };
        let start = para.start + i;
        let cap = may_be_cap(x, b.get(i + 1).copied().unwrap_or(0));
        i = word_end(s, i + n, last_lower);
        let word_end = para.start + i;
        let (end, closes) = trim_word(flat, start, word_end);
        if end <= start {
            joinable = false;
            continue;
        }
        out.push(Tok {
            start,
            end,
            joined: joinable,
            closes,
            cap,
        });
        joinable = !closes && end == word_end;
    }
}

/// ASCII bytes that belong to a word once it has started (see [`is_word_char`]).
fn is_ascii_word_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || matches!(x, b'\'' | b'-' | b'.' | b'&')
}

/// The high bit of each byte of `v` that is an ASCII lowercase letter.
fn lowercase_bytes(v: u64) -> u64 {
    const HIGH: u64 = swar::HIGH_BITS;
    // With the high bits cleared no sum carries into the next byte: the high bit of
    // `y + 0x1f` is set from "a" (0x61) up, that of `y + 0x05` from "{" (0x7b) up.
    let y = v & !HIGH;
    y.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & !y.wrapping_add(0x0505_0505_0505_0505) & !v & HIGH
}

/// The high bit of each byte of `v` that is an ASCII digit.
fn digit_bytes(v: u64) -> u64 {
    const HIGH: u64 = swar::HIGH_BITS;
    // As in `lowercase_bytes`: the high bit of `y + 0x50` is set from "0" (0x30) up, that of
    // `y + 0x46` from ":" (0x3a) up.
    let y = v & !HIGH;
    y.wrapping_add(0x5050_5050_5050_5050) & !y.wrapping_add(0x4646_4646_4646_4646) & !v & HIGH
}

/// [`BYTE_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit: an ASCII byte that ends a word (not [`is_ascii_word_byte`]).
const ENDS_WORD: u8 = 2;

/// The classes of the bytes the tokenizer tests first, one look-up each.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let x = b as u8;
        if x.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        } else if !matches!(x, b'\'' | b'-' | b'.' | b'&') {
            t[b] = ENDS_WORD;
        }
        b += 1;
    }
    t
};

/// How many bytes at the start of `b` are ASCII lowercase letters, read eight at a time
/// (most of an article's bytes are such letters).
fn lowercase_run(b: &[u8]) -> usize {
    const HIGH: u64 = swar::HIGH_BITS;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let v = u64::from_le_bytes(chunk);
        let other = !lowercase_bytes(v) & HIGH;
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while b.get(n).is_some_and(u8::is_ascii_lowercase) {
        n += 1;
    }
    n
}

/// Where the word of paragraph `s` that goes on at byte `j` ends; `last_lower`: whether the
/// character before `j` is a lowercase letter (the only fact about it the rules ask).
fn word_end(s: &str, mut j: usize, mut last_lower: bool) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(j) {
        // Fast path: an ASCII letter or digit that cannot start a glued caption word.
        if x.is_ascii_lowercase() {
            j += 1 + b.get(j + 1..).map_or(0, lowercase_run);
            last_lower = true;
            continue;
        }
        if x.is_ascii_digit() || x.is_ascii_uppercase() && !last_lower {
            last_lower = false;
            j += 1;
            continue;
        }
        // Fast path: ASCII that ends the word (a space, most punctuation).
        if x < 0x80 && !is_ascii_word_byte(x) {
            break;
        }
        let (d, m) = char_at(s, j);
        if !is_word_char(d) || (d == '-' && b.get(j + 1) == Some(&b'-')) {
            break;
        }
        // Punctuation ("’") is neither uppercase nor lowercase: not asked.
        let cased = !punctuation(d);
        // "MayVideo", "SmithBy": a caption word glued to a name.
        if last_lower
            && cased
            && d.is_uppercase()
            && GLUED.iter().any(|g| {
                s[j..].starts_with(g) && !s[j + g.len()..].starts_with(|c: char| c.is_lowercase())
            })
        {
            break;
        }
        // "Belfast.At": a period between a lowercase letter and a capitalized word.
        if d == '.' && last_lower {
            let mut rc = s[j + 1..].chars();
            if rc.next().is_some_and(char::is_uppercase)
                && rc.next().is_some_and(char::is_lowercase)
            {
                break;
            }
        }
        last_lower = cased && d.is_lowercase();
        j += m;
    }
    j
}

/// The end of the token `flat[start..end]` once trailing apostrophes, dashes, a possessive
/// and a sentence's period are cut, and whether something was cut that ends the run.
/// Byte tests: every byte compared is ASCII or the whole of "’".
fn trim_word(flat: &str, start: usize, mut end: usize) -> (usize, bool) {
    const RQ: &[u8] = "’".as_bytes();
    let fb = flat.as_bytes();
    // Most words end with a letter or digit other than "s": nothing to cut.
    if end > start && fb[end - 1].is_ascii_alphanumeric() && fb[end - 1] != b's' {
        return (end, false);
    }
    let mut closes = false;
    // Trailing apostrophes and dashes are not part of the word.
    loop {
        if end > start && matches!(fb[end - 1], b'\'' | b'-') {
            end -= 1;
        } else if end - start >= RQ.len() && fb[..end].ends_with(RQ) {
            end -= RQ.len();
        } else {
            break;
        }
    }
    // Possessive: "Bailey's" → "Bailey", and the run ends.
    for poss in ["'s", "’s"] {
        if fb[start..end].ends_with(poss.as_bytes()) && end - poss.len() > start {
            end -= poss.len();
            closes = true;
        }
    }
    // A final period is kept on abbreviations and initials; otherwise it ends a sentence.
    // Read in bytes: a period is ASCII, so every cut is on a char boundary (at every
    // sentence end the string searches cost more than the rest of the token).
    while end > start && fb[end - 1] == b'.' {
        // The word without its final periods, and its last part after a period.
        let mut core_end = end;
        while core_end > start && fb[core_end - 1] == b'.' {
            core_end -= 1;
        }
        let last_from = fb[start..core_end]
            .iter()
            .rposition(|&x| x == b'.')
            .map_or(start, |p| start + p + 1);
        let l = &flat[last_from..core_end];
        let mut chars = l.chars();
        let initial = chars.next().is_some() && chars.next().is_none();
        if (initial || is_abbreviation(l)) && core_end > start {
            break;
        }
        end -= 1;
        closes = true;
    }
    (end, closes)
}

/// One of [`ABBREVIATIONS`], in any case. Asked at every sentence end: words longer than the
/// longest abbreviation (four letters) are not compared, the others are looked up by their
/// lower-cased bytes packed in a number ([`abbreviation_key`]).
fn is_abbreviation(w: &str) -> bool {
    w.len() <= 4
        && ABBREVIATION_KEYS
            .binary_search(&abbreviation_key(w.as_bytes()))
            .is_ok()
}

/// The bytes of a word of at most four bytes, ASCII letters lower-cased, packed: two words
/// have the same key when they are equal but for the case of ASCII letters (no word holds a
/// NUL byte, so a shorter word cannot share a longer one's key).
fn abbreviation_key(w: &[u8]) -> u32 {
    w.iter()
        .fold(0, |k, &b| k << 8 | u32::from(b.to_ascii_lowercase()))
}

/// The [`abbreviation_key`]s of [`ABBREVIATIONS`], sorted.
static ABBREVIATION_KEYS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut keys: Vec<u32> = ABBREVIATIONS
        .iter()
        .map(|a| abbreviation_key(a.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys
});

/// Paragraphs that are not part of the article: the headline, bylines, photo credits.
fn skipped(doc: &Document, i: usize, p: &Span) -> bool {
    if doc.headline.as_ref() == Some(p) {
        return true;
    }
    let s = &doc.text[p.clone()];
    // Only short paragraphs are credits or sub-headlines (and only they are lowercased).
    if s.len() >= 120 {
        return false;
    }
    let l = lower(s);
    (l.starts_with("by ")
        || l.starts_with("photo")
        || l.starts_with("reporting by")
        || l.starts_with("editing by")
        || l.starts_with("writing by")
        || l.starts_with("additional reporting")
        || l.starts_with("copyright")
        || l.starts_with("image ")
        || l.contains("photo:")
        || l.contains("ap photo")
        || l.contains("getty images")
        || l.contains("contributed to this"))
        || (i + 1 < doc.paragraphs.len()
            && !s.contains('\n')
            && !s.trim_end().ends_with(['.', '!', '?', '"', '”', '\'', ':'])
            && title_case(s))
}

/// A line in Title Case (a sub-headline): most of its words capitalized.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let caps = words.iter().filter(|w| is_cap(w)).count();
    words.len() >= 3 && caps * 4 >= words.len() * 3
}

/// The vectors of one article that grow with its size, kept for the thread's next article
/// (cleared, or for the gathers' vectors left at a length of at most [`KEPT_AT_MOST`] (see
/// [`room`]); their room is kept up to that many elements): allocated anew for each
/// article, blocks of several KiB cost a `malloc` each and made glibc consolidate the many
/// small blocks freed before them.
#[derive(Default)]
struct Buffers {
    /// The tokens of a paragraph.
    toks: Vec<Tok>,
    /// The indices of a paragraph's tokens that may start a run.
    caps: Vec<u32>,
    /// [`static_starts`].
    org_starts: Vec<u32>,
    group_starts: Vec<u32>,
    /// The word starts at a [`mention_first`] byte ([`static_starts`]), and those
    /// [`later_mention_matches`] compares.
    mention_starts: Vec<u32>,
    compared_starts: Vec<u32>,
    /// The findings, empty ([`no_findings`]).
    found: Vec<Found<'static>>,
    /// The places' mentions, and whether each paragraph is skipped.
    place_spans: Vec<(usize, usize)>,
    skip: Vec<bool>,
}

/// Room kept for the next article, in elements of each vector of [`Buffers`].
const KEPT_AT_MOST: usize = 1 << 15;

thread_local! {
    static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
}

/// Finds the actors of `doc`; `locations` keeps place names from becoming people.
pub fn extract(doc: &Document, locations: &[Location]) -> Vec<Actor> {
    let mut buf = BUFFERS.take();
    let actors = extract_with(doc, locations, &mut buf);
    fn keep<T>(v: &mut Vec<T>) {
        v.clear();
        v.shrink_to(KEPT_AT_MOST);
    }
    // The gathers' vectors keep their length (see [`room`]), up to the room kept.
    fn keep_len(v: &mut Vec<u32>) {
        v.truncate(KEPT_AT_MOST);
        v.shrink_to(KEPT_AT_MOST);
    }
    keep(&mut buf.toks);
    keep_len(&mut buf.caps);
    keep_len(&mut buf.org_starts);
    keep_len(&mut buf.group_starts);
    keep_len(&mut buf.mention_starts);
    keep_len(&mut buf.compared_starts);
    keep(&mut buf.found);
    keep(&mut buf.place_spans);
    keep(&mut buf.skip);
    BUFFERS.set(buf);
    actors
}

/// [`extract`] with the thread's [`Buffers`].
fn extract_with(doc: &Document, locations: &[Location], buf: &mut Buffers) -> Vec<Actor> {
    let flat = doc.flat.as_str();
    let fb = flat.as_bytes();
    let mut toks: Vec<Tok> = std::mem::take(&mut buf.toks);
    // Room for the longest paragraph at once (a paragraph has about as many tokens as word
    // starts): growing the vector paragraph by paragraph cost a dozen reallocations.
    toks.clear();
    toks.reserve(doc.word_starts.len());
    let mut found: Vec<Found> = std::mem::take(&mut buf.found);
    found.clear();
    // Sorted, for the binary search in `inside`.
    let place_spans = &mut buf.place_spans;
    place_spans.clear();
    place_spans.extend(
        locations
            .iter()
            .flat_map(|l| l.mentions.iter())
            .map(|m| (m.start, m.end)),
    );
    place_spans.sort_unstable();
    let place_spans: &[(usize, usize)] = place_spans;
    let skip = &mut buf.skip;
    skip.clear();
    skip.extend(
        doc.paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| skipped(doc, i, p)),
    );
    let skip: &[bool] = skip;
    let mut credits = credit_spans(doc);
    credits.sort_by_key(|c| c.start);
    let caps = &mut buf.caps;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if skip[i] {
            continue;
        }
        toks.clear();
        tokenize(flat, p, &mut toks);
        for_each_run(flat, &toks, caps, |k, end| {
            analyse_run(flat, &toks, k, end, place_spans, &mut found);
        });
    }
    buf.toks = toks;
    // The word starts where the phrase lists searched below may match.
    let (no, ng, nm) = static_starts(
        fb,
        &doc.word_starts,
        &mut buf.org_starts,
        &mut buf.group_starts,
        &mut buf.mention_starts,
    );
    known_orgs(doc, &buf.org_starts[..no], skip, &mut found);
    found.retain(|f| {
        let i = credits.partition_point(|c| c.start <= f.span.0);
        !credits[..i].iter().rev().take(3).any(|c| f.span.1 <= c.end)
    });
    // A known organization is never a person ("Sinn Fein said").
    let (_, known, _, _) = &*KNOWN_ORGS;
    found.retain(|f| f.kind == "organization" || !known.contains(&f.name));
    confirm_candidates(&mut found);
    found.sort_by_key(|f| f.span.0);
    let mut actors = merge(doc.text, &found);
    buf.found = no_findings(found);
    add_later_mentions(
        doc,
        skip,
        &mut actors,
        &buf.mention_starts[..nm],
        &mut buf.compared_starts,
    );
    add_groups(doc, &buf.group_starts[..ng], &mut actors);
    actors
}

/// Calls `f(k, end)` for each run of capitalized words `toks[k..end]` of a paragraph, as a
/// walk over every token that asks [`run_end`] at each token that may start a run
/// ([`Tok::cap`]) and goes on past each run found. `caps`: room for the tokens asked.
///
/// The tokens to ask are gathered first without a branch per token (most tokens are
/// lowercase words, no run starts there; a branch on it, taken or not as the words come,
/// was often mispredicted): each index is written at the next free place, and the place is
/// taken only for a token that may start a run.
fn for_each_run(flat: &str, toks: &[Tok], caps: &mut Vec<u32>, mut f: impl FnMut(usize, usize)) {
    room(caps, toks.len());
    let mut n = 0;
    for (k, t) in toks.iter().enumerate() {
        // `n` never passes `k`: always in bounds.
        if let Some(c) = caps.get_mut(n) {
            *c = k as u32;
        }
        n += usize::from(t.cap);
    }
    let mut next = 0;
    for &k in &caps[..n] {
        let k = k as usize;
        if k < next {
            continue;
        }
        let end = run_end(flat, toks, k);
        if end > k {
            f(k, end);
            next = end;
        }
    }
}

/// `found` emptied, as findings of no document: a finding borrows its document's text, so
/// the vector is kept for the next one only empty. Collected in place (the standard
/// library reuses the allocation of a `Vec`'s `into_iter` for elements of the same layout);
/// were it not, the next document would only allocate anew. The map never runs.
fn no_findings(mut found: Vec<Found<'_>>) -> Vec<Found<'static>> {
    found.clear();
    found
        .into_iter()
        .map(|f| Found {
            name: "",
            kind: f.kind,
            title: None,
            span: f.span,
        })
        .collect()
}

/// Spans of the text that are credits, not article: the dateline, "(AP)", "(AP Photo/...)".
fn credit_spans(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = doc.dateline.iter().cloned().collect();
    let t = doc.text;
    let mut from = 0;
    while let Some(k) = t[from..].find('(') {
        let open = from + k;
        if let Some(close) = credit_close(t, open) {
            let inner = &t[open + 1..close - 1];
            if matches!(inner, "AP" | "AFP" | "Reuters" | "dpa" | "EFE" | "Xinhua")
                || inner.contains("Photo")
            {
                out.push(open..close);
            }
        }
        from = open + 1;
    }
    out
}

/// One past the first ")" after the "(" at byte `open` of `t`, when that is fewer than
/// [`CREDIT_LEN`] bytes after `open` (no credit is longer). Only those bytes are read: a ")"
/// looked for up to the end of the text from every "(" made text of many "(" and one ")"
/// at its end cost the square of its length.
fn credit_close(t: &str, open: usize) -> Option<usize> {
    let after = t.as_bytes().get(open..)?;
    let c = after.iter().take(CREDIT_LEN - 1).position(|&b| b == b')')?;
    Some(open + c + 1)
}

/// A credit's span ("(AP Photo/...)") is shorter than this, in bytes.
const CREDIT_LEN: usize = 60;

/// The first token past the run of capitalized words that starts at `k` (`k` when none).
fn run_end(flat: &str, toks: &[Tok], k: usize) -> usize {
    let w = &flat[toks[k].start..toks[k].end];
    if !is_cap(w) || calendar_word(w) {
        return k;
    }
    let mut e = k + 1;
    // "Children's Hospital", "Sheriff's Office": a possessive inside an organization's name.
    let continues = |e: usize| {
        toks.get(e).is_some_and(|t| {
            flat[toks[e - 1].end..].starts_with(['\'', '’'])
                && flat[toks[e - 1].end..t.start].len() <= 4
                && is_org_word(&flat[t.start..t.end])
        })
    };
    if toks[k].closes && !continues(e) {
        return e;
    }
    while e < toks.len() && (toks[e].joined || continues(e)) {
        let w = &flat[toks[e].start..toks[e].end];
        // "May" is a month only before a day ("May 5"); otherwise a name (Theresa May).
        let month =
            calendar_word(w) && (!w.eq_ignore_ascii_case("may") || next_is_digit(flat, toks, e));
        if is_cap(w) && !month {
            e += 1;
        } else if let Some(skip) = connector_bridge(flat, toks, e) {
            e += skip;
        } else {
            break;
        }
        if toks[e - 1].closes && !continues(e) {
            break;
        }
    }
    e
}

/// One or two connectors at `e` followed by a capitalized word ("of", "of the"): how many.
fn connector_bridge(flat: &str, toks: &[Tok], e: usize) -> Option<usize> {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    for n in 1..=2 {
        let next = toks.get(e + n)?;
        if !next.joined || toks[e + n - 1].closes || !is_connector(word(e + n - 1)) {
            return None;
        }
        if is_cap(word(e + n)) {
            return Some(n);
        }
    }
    None
}

fn next_is_digit(flat: &str, toks: &[Tok], e: usize) -> bool {
    toks.get(e + 1)
        .is_some_and(|t| flat[t.start..].starts_with(|c: char| c.is_ascii_digit()))
}

/// True when `s` lies inside one of `spans`, which are sorted and do not overlap (place
/// mentions): only the last span starting at or before `s` can hold it.
fn inside(spans: &[(usize, usize)], s: (usize, usize)) -> bool {
    let i = spans.partition_point(|p| p.0 <= s.0);
    i > 0 && s.1 <= spans[i - 1].1
}

/// Reads one run of capitalized words `toks[a..b]`.
fn analyse_run<'a>(
    flat: &'a str,
    toks: &[Tok],
    mut a: usize,
    b: usize,
    places: &[(usize, usize)],
    out: &mut Vec<Found<'a>>,
) {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    // Leading function words ("The", "In") and trailing connectors are not part of the run.
    while a < b && FUNCTION_SET.contains_ci(word(a)) {
        a += 1;
    }
    let mut b = b;
    while b > a && is_connector(word(b - 1)) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let n = b - a;
    let span = |x: usize, y: usize| (toks[x].start, toks[y - 1].end);
    let text_of = |x: usize, y: usize| &flat[toks[x].start..toks[y - 1].end];

    // "Sgt. Ana Velez of the Harlow Police Department": the person, then the organization.
    if let Some(c) = (a + 2..b).find(|&c| matches!(word(c), "of" | "for")) {
        let left_org = (a..c).any(|i| is_org_word(word(i)));
        let right_org = (c..b).any(|i| is_org_word(word(i)));
        if !left_org && right_org {
            let person = title_and_name(flat, toks, a, c, places).or_else(|| {
                let given = GIVEN_NAMES.contains_key(word(a));
                (given && c - a <= 3 && name_tail(flat, toks, a, c, false) == a)
                    .then(|| bare_name(flat, toks, a, c, places))
                    .flatten()
                    .map(|f| (f, None))
            });
            if let Some((p, org)) = person {
                out.push(p);
                out.extend(org);
                let mut r = c;
                while r < b && is_connector(word(r)) {
                    r += 1;
                }
                if r < b {
                    analyse_run(flat, toks, r, b, places, out);
                }
                return;
            }
        }
    }
    if let Some((f, org)) = title_and_name(flat, toks, a, b, places) {
        out.push(f);
        out.extend(org);
        return;
    }
    if let Some(f) = organization(flat, toks, a, b) {
        out.push(f);
        return;
    }
    // Unknown acronyms in capitals ("FSLN", "M-19"), alone in their run.
    let dateline = a == 0 && flat[toks[a].end..].starts_with([',', ' ']) && word(a).len() > 3;
    if n == 1 && is_acronym(word(a)) && !all_caps_context(flat, toks, a) && !dateline {
        out.push(Found {
            name: word(a),
            kind: "organization",
            title: None,
            span: span(a, b),
        });
        return;
    }
    // A lowercase title right before the run: "police spokesman Ali Demir".
    if let Some(title) = lowercase_title_before(flat, toks, a) {
        let names = name_tail(flat, toks, a, b, false);
        if names == a && b - a <= 4 && !inside(places, span(a, b)) {
            let honorific = is_honorific(title);
            out.push(Found {
                name: text_of(a, b),
                kind: "person",
                title: (!honorific).then_some(title),
                span: span(a, b),
            });
            return;
        }
    }
    if let Some(f) = bare_name(flat, toks, a, b, places) {
        out.push(f);
    }
}

/// Lowercase title words joined right before token `a` ("police spokesman", "president").
fn lowercase_title_before<'a>(flat: &'a str, toks: &[Tok], a: usize) -> Option<&'a str> {
    if a == 0 || !toks[a].joined {
        return None;
    }
    let w = &flat[toks[a - 1].start..toks[a - 1].end];
    // "president", and "presidents" before a list of names.
    let head = w.strip_suffix('s').filter(|h| is_title(h)).unwrap_or(w);
    if !(is_title(head) && w.chars().next().is_some_and(char::is_lowercase)) {
        return None;
    }
    let mut s = a - 1;
    // Modifiers before the head: "police", "deputy", "foreign", "Nicaraguan".
    while s > 0 && toks[s].joined && a - s < 4 {
        let p = &flat[toks[s - 1].start..toks[s - 1].end];
        let l = lower(p);
        let modifier = is_title(p)
            || matches!(
                l.as_str(),
                "police"
                    | "fire"
                    | "foreign"
                    | "interior"
                    | "defense"
                    | "defence"
                    | "health"
                    | "deputy"
                    | "vice"
                    | "prime"
                    | "former"
                    | "acting"
                    | "senior"
                    | "county"
                    | "state"
                    | "army"
                    | "military"
                    | "government"
                    | "local"
                    | "regional"
                    | "provincial"
                    | "district"
                    | "city"
                    | "opposition"
                    | "rebel"
                    | "party"
                    | "justice"
                    | "finance"
                    | "information"
                    | "security"
                    | "press"
            )
            || (is_cap(p) && !FUNCTION_SET.contains_ci(p) && !toks[s - 1].closes);
        if !modifier || toks[s - 1].closes {
            break;
        }
        s -= 1;
        if is_cap(p) {
            break;
        }
    }
    Some(&flat[toks[s].start..toks[a - 1].end])
}

/// Where the person's name begins in the run `a..b`, walking back from its end: the surname,
/// then first names, initials and particles. With `strict`, at most two full name words
/// (three when the first is a known given name) are taken: titles such as "Secretary of
/// State" run straight into the name.
fn name_tail(flat: &str, toks: &[Tok], a: usize, b: usize, strict: bool) -> usize {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    let mut s = b;
    let mut full = 0;
    while s > a {
        let w = word(s - 1);
        let particle = is_particle(w) && s < b && s - 1 > a;
        if particle {
            s -= 1;
            continue;
        }
        if !is_name_word(w) {
            break;
        }
        let initial = w.ends_with('.');
        if strict && !initial && full >= 2 && !GIVEN_NAMES.contains_key(w) {
            break;
        }
        if strict && full >= 3 {
            break;
        }
        if !initial {
            full += 1;
        }
        s -= 1;
        if full >= 4 {
            break;
        }
    }
    // A name never starts with a particle.
    while s < b && is_particle(word(s)) {
        s += 1;
    }
    s
}

/// A title head word followed by a name: "Berrien County Sheriff Paul Bailey", "Secretary
/// of State Ana Velez", "Michigan State Police Sgt. Joe Roe": the person, and the
/// organization when one is found too.
fn title_and_name<'a>(
    flat: &'a str,
    toks: &[Tok],
    a: usize,
    b: usize,
    places: &[(usize, usize)],
) -> Option<(Found<'a>, Option<Found<'a>>)> {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    // A name follows the title: a run of one word holds none (its title, if any, would be
    // its last word), and its word is not looked up.
    if b - a < 2 {
        return None;
    }
    let t = (a..b).rev().find(|&i| is_title(word(i)))?;
    if t + 1 >= b {
        return None;
    }
    let tail_has_connector = (t + 1..b).any(|i| is_connector(word(i)) && !is_particle(word(i)))
        || (t + 1..b).any(|i| is_org_word(word(i)));
    let s = name_tail(flat, toks, t + 1, b, tail_has_connector);
    if s >= b || (!tail_has_connector && s != t + 1) {
        return None;
    }
    let name_span = (toks[s].start, toks[b - 1].end);
    if inside(places, name_span) {
        return None;
    }
    let mut title_end = s;
    while title_end > a && is_connector(word(title_end - 1)) {
        title_end -= 1;
    }
    let title = &flat[toks[a].start..toks[title_end - 1].end];
    let honorific = title_end - a == 1 && is_honorific(word(a));
    let person = Found {
        name: &flat[name_span.0..name_span.1],
        kind: "person",
        title: (!honorific).then_some(title),
        span: name_span,
    };
    // The organization inside the title: "Michigan State Police" Sgt., Director of "the
    // Federal Bureau of Investigation".
    let (mut oa, mut ob) = (a, title_end);
    if let Some(h) = (a..title_end).find(|&i| is_title(word(i))) {
        if (a..h).any(|i| is_org_word(word(i))) {
            ob = h;
        } else {
            oa = h + 1;
            while oa < ob && is_connector(word(oa)) {
                oa += 1;
            }
        }
    }
    let org = (oa < ob && ob - oa >= 2 && (oa..ob).any(|i| is_org_word(word(i)))).then(|| Found {
        name: &flat[toks[oa].start..toks[ob - 1].end],
        kind: "organization",
        title: None,
        span: (toks[oa].start, toks[ob - 1].end),
    });
    Some((person, org))
}

/// A run with an organization head word: "Interior Ministry", "Ministry of Health",
/// "Lakeland Hospital"; or a place followed by "police department" ("Benton Township police
/// department"). A lone head word ("Police") is generic, not a name.
fn organization<'a>(flat: &'a str, toks: &[Tok], a: usize, b: usize) -> Option<Found<'a>> {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    // "Director of the Federal Bureau": the organization starts after the title.
    let mut a = a;
    if b - a > 3 && is_title(word(a)) && is_connector(word(a + 1)) {
        a += 1;
        while a < b && is_connector(word(a)) {
            a += 1;
        }
    }
    // A headline in Title Case ("Services Questioned About"): cut before the verb.
    let b = (a..b)
        .find(|&i| {
            let w = word(i);
            w.len() > 4 && w.ends_with("ed") && !matches!(w, "United" | "Limited" | "Red")
        })
        .unwrap_or(b);
    if b <= a || PLACE_ENDS.contains(&word(b - 1)) {
        return None;
    }
    let end = toks[b - 1].end;
    let after = &flat[end..];
    // Every tail starts with a space and "p", "f" or "s": most runs are followed by none.
    let tail_may_follow = matches!(after.as_bytes(), [b' ', b'p' | b'f' | b's', ..]);
    for tail in [
        " police department",
        " fire department",
        " sheriff's office",
        " sheriff’s office",
        " sheriff's department",
        " police force",
        " school district",
    ] {
        if tail_may_follow && after.starts_with(tail) && b - a <= 4 && !toks[b - 1].closes {
            return Some(Found {
                name: &flat[toks[a].start..end + tail.len()],
                kind: "organization",
                title: None,
                span: (toks[a].start, end + tail.len()),
            });
        }
    }
    // The size first: most runs are one word, and the head words need not be asked then.
    if b - a < 2 || b - a > 9 {
        return None;
    }
    let has_head = (a..b).any(|i| {
        is_org_word(word(i))
            || ORG_PHRASES
                .iter()
                .any(|o| flat[toks[i].start..end].starts_with(o))
    });
    if !has_head {
        return None;
    }
    Some(Found {
        name: &flat[toks[a].start..end],
        kind: "organization",
        title: None,
        span: (toks[a].start, end),
    })
}

/// Whether the token stands among words in capitals (a headline or a label line).
fn all_caps_context(flat: &str, toks: &[Tok], i: usize) -> bool {
    let near = [i.wrapping_sub(1), i + 1];
    near.iter().filter_map(|&j| toks.get(j)).any(|t| {
        let w = &flat[t.start..t.end];
        w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
    })
}

/// Two to four name-like words: a person when a given name or a cue says so, a candidate
/// (confirmed later or dropped) otherwise. A single given name with a speech verb
/// ("Eva said") is a person too.
fn bare_name<'a>(
    flat: &'a str,
    toks: &[Tok],
    a: usize,
    b: usize,
    places: &[(usize, usize)],
) -> Option<Found<'a>> {
    let word = |i: usize| &flat[toks[i].start..toks[i].end];
    let n = b - a;
    if n > 5 {
        return None;
    }
    let full = (a..b).filter(|&i| !is_particle(word(i))).count();
    let span = (toks[a].start, toks[b - 1].end);
    // One name word (and particles) is a person or a surname only with a cue, and no name
    // without one: the cues, a look at the words around the run, are read before the name
    // test of each word (most one-word runs, "However", "Texas", have none).
    if full == 0 || full == 1 && !(cue_after(flat, span.1) || cue_before(flat, toks, a)) {
        return None;
    }
    let s = name_tail(flat, toks, a, b, false);
    if s != a {
        return None;
    }
    // "Hurricane Joan", "Typhoon Haiyan": storms have given names.
    if a > 0 && toks[a].joined {
        let prev = word(a - 1);
        if ["hurricane", "typhoon", "storm", "cyclone"]
            .iter()
            .any(|s| prev.eq_ignore_ascii_case(s))
        {
            return None;
        }
    }
    // "the Red de Defensa Civil", "the Lost Souls": a person's name takes no article.
    if a > 0 && toks[a].joined && word(a - 1) == "the" {
        return None;
    }
    if inside(places, span) {
        return None;
    }
    let given = GIVEN_NAMES.contains_key(word(a)) && !word(a).ends_with('.');
    // The cues are read only when they decide: two name words with a given name are a
    // person whatever follows (one name word has its cue, read above).
    let cue = full == 1 || !given && (cue_after(flat, span.1) || cue_before(flat, toks, a));
    let kind = if (full >= 2 && (given || cue)) || (full == 1 && given && cue) {
        "person"
    } else if full >= 2 {
        "candidate"
    } else if full == 1 && cue {
        "surname"
    } else {
        return None;
    };
    Some(Found {
        name: &flat[span.0..span.1],
        kind,
        title: None,
        span,
    })
}

/// A speech verb, an age or an apposition right after a name: "Ana Velez said", "Ana Velez,
/// 34,", "Ana Velez, a nurse,".
fn cue_after(flat: &str, end: usize) -> bool {
    let rest = &flat[end..];
    // A verb after a space; else an age or an apposition after ", " (most names are followed
    // by neither, and nothing is read then).
    if rest.starts_with(' ') {
        let r = rest.trim_start();
        let first = r.split(|c: char| !is_alnum(c)).next().unwrap_or("");
        return first.len() <= 16 && CUE_VERB_SET.contains(packed::key(first.as_bytes()));
    }
    age_or_apposition(rest)
}

/// After a name, ", " and an age ("Ana Ruiz, 34,") or an apposition ("…, a nurse", "…, who").
fn age_or_apposition(rest: &str) -> bool {
    let Some(after_comma) = rest.strip_prefix(", ") else {
        return false;
    };
    let w = after_comma
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
        || matches!(w, "a" | "an" | "who" | "whose")
}

/// A cue word joined right before the run: "said Ana Velez", "suspect Ana Velez".
fn cue_before(flat: &str, toks: &[Tok], a: usize) -> bool {
    if a == 0 {
        return false;
    }
    let before = flat[..toks[a].start].trim_end().trim_end_matches(',');
    // The last word before the run, looked up at once; the cues of several words in turn.
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let last = &before.as_bytes()[from..];
    if last.len() <= 16 && CUE_BEFORE_SET.contains(packed::key(last)) {
        return true;
    }
    CUE_BEFORE_PHRASES.iter().any(|c| {
        before.ends_with(c)
            && before[..before.len() - c.len()]
                .chars()
                .next_back()
                .is_none_or(|ch| !ch.is_alphanumeric())
    }) || before.ends_with("-year-old")
}

/// The first bytes of the known organizations' names, as written.
fn known_org_first_bytes(list: &[&str]) -> [bool; 256] {
    let mut firsts = [false; 256];
    for e in list {
        if let Some(&b) = e.as_bytes().first() {
            firsts[usize::from(b)] = true;
        }
    }
    firsts
}

/// Known organizations by short name ("UN", "Reuters", "Islamic State"), case-sensitive.
/// `starts`: the word starts where one may match ([`static_starts`]).
fn known_orgs<'a>(doc: &'a Document, starts: &[u32], skip: &[bool], found: &mut Vec<Found<'a>>) {
    let (set, list, _, _) = &*KNOWN_ORGS;
    let mut org_spans: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == "organization")
        .map(|f| f.span)
        .collect();
    org_spans.sort_unstable();
    // `starts` holds only starts at the first byte of an entry: only a match written as an
    // entry is kept, so it starts with the first byte of one ("UN", not "un"), and the
    // other starts ("you", "under") are dropped. A match there would be dropped, and it
    // could not hide a match that is kept: no entry can start inside another
    // (`no_known_organization_starts_inside_another`).
    for m in set.find_at(&doc.flat, starts) {
        let t = &doc.flat[m.start..m.end];
        if !m.entries.iter().any(|&e| list[e] == t) {
            continue;
        }
        if doc
            .paragraph_at(m.start)
            .is_some_and(|p| skip.get(p).copied().unwrap_or(false))
        {
            continue;
        }
        // Not part of a longer organization already found ("UN Security Council").
        let i = org_spans.partition_point(|s| s.0 <= m.start);
        if i > 0 && m.end <= org_spans[i - 1].1 {
            continue;
        }
        found.push(Found {
            name: t,
            kind: "organization",
            title: None,
            span: (m.start, m.end),
        });
    }
}

/// A name seen without a cue becomes a person when it is seen with one elsewhere, when its
/// surname is used alone elsewhere with a cue, or when it occurs twice.
fn confirm_candidates(found: &mut Vec<Found>) {
    use std::collections::HashSet;
    type Map<K, V> = HashMap<K, V, WordBuildHasher>;
    type Set<K> = HashSet<K, WordBuildHasher>;
    // The names are borrowed from the findings; which candidates become persons is decided
    // first, then written.
    let promote: Vec<bool> = if found.iter().any(|f| f.kind == "candidate") {
        // Persons by surname, distinct names only, so that the check stays linear.
        let mut persons: Map<&str, Set<&str>> = Map::default();
        for f in found.iter().filter(|f| f.kind == "person") {
            let last = f.name.split_whitespace().last().unwrap_or("");
            persons.entry(last).or_default().insert(f.name);
        }
        let surnames: Set<&str> = found
            .iter()
            .filter(|f| f.kind == "surname")
            .map(|f| f.name)
            .collect();
        let mut count: Map<&str, usize> = Map::default();
        for f in found.iter().filter(|f| f.kind == "candidate") {
            *count.entry(f.name).or_default() += 1;
        }
        found
            .iter()
            .map(|f| {
                f.kind == "candidate" && {
                    let last = f.name.split_whitespace().last().unwrap_or("");
                    count.get(f.name).copied().unwrap_or(0) >= 2
                        || persons
                            .get(last)
                            .is_some_and(|ps| ps.iter().any(|p| same_person(p, f.name)))
                        || surnames.contains(last)
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    for (f, p) in found.iter_mut().zip(promote) {
        if p {
            f.kind = "person";
        }
    }
    found.retain(|f| f.kind != "candidate" && f.kind != "surname");
}

/// Groups the findings into actors: one per organization name, one per person (a surname
/// or shortened first name joins the full name).
///
/// The actors are drafted first on the findings' borrowed names (compared in place, with
/// no copy to chase), and made once their names and mentions are known: each mention
/// vector at its size, each name copied once (growing the vectors mention by mention and
/// copying each longer name cost several allocations per actor).
fn merge(text: &str, found: &[Found]) -> Vec<Actor> {
    /// An actor being drafted: its current name, kind and title as in the text, how many
    /// mentions it has, and the start of the last (the findings come by start, so a
    /// finding that starts where a mention does starts where the last one does).
    struct Draft<'a> {
        name: &'a str,
        kind: &'static str,
        title: Option<&'a str>,
        mentions: usize,
        last_start: usize,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    // The drafts by kind and last word of the name, each bucket in draft order (the first
    // draft of a bucket and, per draft, the next one): a finding can join only a draft of
    // its kind with its last word (the same name, or `same_person`), so the first draft it
    // joins is the first of its bucket it joins. A draft's last word never changes: a
    // longer name replaces its name only when it joined it, so with the same last word.
    // (Asking every draft made a long article's cost grow with the square of its names.)
    let mut first_of: HashMap<(&str, &str), usize, WordBuildHasher> =
        HashMap::with_capacity_and_hasher(found.len(), WordBuildHasher::default());
    let mut next_in_bucket: Vec<usize> = Vec::new();
    // The draft of each finding, `usize::MAX` for a mention already recorded.
    let mut owner: Vec<usize> = Vec::with_capacity(found.len());
    for f in found {
        let bucket = (f.kind, f.name.split_whitespace().next_back().unwrap_or(""));
        let mut existing = None;
        let mut at = first_of.get(&bucket).copied();
        let mut last = None;
        while let Some(i) = at {
            let a = &drafts[i];
            if a.name == f.name || (f.kind == "person" && same_person(a.name, f.name)) {
                existing = Some(i);
                break;
            }
            last = Some(i);
            at = next_in_bucket.get(i).copied().filter(|&n| n != usize::MAX);
        }
        match existing {
            Some(i) => {
                let a = &mut drafts[i];
                if a.last_start == f.span.0 {
                    owner.push(usize::MAX);
                } else {
                    owner.push(i);
                    a.mentions += 1;
                    a.last_start = f.span.0;
                }
                // The full name as first written: a longer name replaces a surname.
                if f.name.split_whitespace().count() > a.name.split_whitespace().count()
                    && a.name.split_whitespace().count() == 1
                {
                    a.name = f.name;
                }
                if a.title.is_none() {
                    a.title = f.title;
                }
            }
            None => {
                // Last in its bucket (`last` is the bucket's last draft when none joined).
                match last {
                    Some(l) => next_in_bucket[l] = drafts.len(),
                    None => {
                        first_of.insert(bucket, drafts.len());
                    }
                }
                next_in_bucket.push(usize::MAX);
                owner.push(drafts.len());
                drafts.push(Draft {
                    name: f.name,
                    kind: f.kind,
                    title: f.title,
                    mentions: 1,
                    last_start: f.span.0,
                });
            }
        }
    }
    let mut actors: Vec<Actor> = drafts
        .iter()
        .map(|d| Actor {
            name: d.name.to_string(),
            kind: d.kind.into(),
            title: d.title.map(str::to_string),
            mentions: Vec::with_capacity(d.mentions),
        })
        .collect();
    for (f, &i) in found.iter().zip(&owner) {
        if let Some(a) = actors.get_mut(i) {
            a.mentions
                .push(Evidence::from_bytes(text, f.span.0, f.span.1));
        }
    }
    actors
}

/// "Paul Bailey" and "Bailey", or "Joe Zangaro" and "Joseph Zangaro": same surname, and one
/// name's first word is a prefix of the other's (or one is the surname alone).
/// Asked for pairs of findings: the words are read in place, nothing is collected.
fn same_person(a: &str, b: &str) -> bool {
    let (mut aw, mut bw) = (a.split_whitespace(), b.split_whitespace());
    let (Some(a0), Some(b0)) = (aw.next(), bw.next()) else {
        return false;
    };
    // The last words (the first when there is only one).
    let (a_last, b_last) = (aw.next_back(), bw.next_back());
    if a_last.unwrap_or(a0) != b_last.unwrap_or(b0) {
        return false;
    }
    // "Joe" and "Joseph", "J." and "James": the same first letter.
    a_last.is_none() || b_last.is_none() || a0.chars().next() == b0.chars().next()
}

/// A key of [`add_later_mentions`]: a surname as written in the name, or a title head word
/// lower-cased, matched after "the" and white space.
#[derive(Debug)]
struct MentionKey<'a> {
    body: Cow<'a, str>,
    title: bool,
}

impl MentionKey<'_> {
    /// The bytes of the phrase the key stands for ("the " before a title).
    fn phrase(&self) -> impl Iterator<Item = u8> + '_ {
        let the: &[u8] = if self.title { b"the " } else { b"" };
        the.iter().chain(self.body.as_bytes()).copied()
    }

    /// The length of [`MentionKey::phrase`].
    fn phrase_len(&self) -> usize {
        self.body.len() + if self.title { 4 } else { 0 }
    }
}

/// Adds every later mention of a person by surname ("Bailey said") or by a title of theirs
/// ("the sheriff"), in one pass over the text. A surname shared by two people goes to the
/// one named last before it.
///
/// The keys are matched as a [`WordPhrases`] of them would (whole words, ASCII case
/// ignored, a space of a phrase matching white space, leftmost-longest, non-overlapping, a
/// match reported with the first key of its phrase), but without building one per article:
/// an article has a few keys, compared where their first byte or "the" stands
/// ([`later_mention_matches`]).
/// `mention_starts` and `starts`: as [`later_mention_matches`] takes them.
fn add_later_mentions(
    doc: &Document,
    skip: &[bool],
    actors: &mut [Actor],
    mention_starts: &[u32],
    starts: &mut Vec<u32>,
) {
    let text = doc.text;
    // Each person's keys, in actor order: the last word of a name of two words or more (no
    // vector of the words is made), and the head of its title, lower-cased.
    let wanted: Vec<(usize, Option<&str>, Option<String>)> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == "person")
        .map(|(i, a)| {
            let mut words = a.name.split_whitespace();
            let last = words.next_back();
            let last = last.filter(|w| w.len() >= 3 && words.next().is_some());
            let head = a.title.as_deref().and_then(|t| {
                t.split_whitespace()
                    .rev()
                    .find(|w| is_title(w))
                    .filter(|h| !is_honorific(h) && h.len() > 3)
            });
            (i, last, head.map(lower))
        })
        .collect();
    // The keys, each once, in the order they are first wanted, found by a map (a long
    // article names hundreds of people); and their owners, in the same order.
    let mut keys: Vec<MentionKey> = Vec::new();
    let mut key_of: HashMap<(bool, &str), usize, WordBuildHasher> =
        HashMap::with_capacity_and_hasher(2 * wanted.len(), WordBuildHasher::default());
    // (key, actor index)
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (i, last, head) in &wanted {
        for (body, title) in [(*last, false), (head.as_deref(), true)] {
            let Some(body) = body else { continue };
            let k = *key_of.entry((title, body)).or_insert_with(|| {
                keys.push(MentionKey {
                    body: Cow::Borrowed(body),
                    title,
                });
                keys.len() - 1
            });
            owners.push((k, *i));
        }
    }
    if keys.is_empty() {
        return;
    }
    // The owners of each key together, in the order they were added (a stable counting
    // sort): `owned[first[k]..first[k + 1]]` (asking every owner at each match cost as many
    // names as matches).
    let mut first = vec![0usize; keys.len() + 1];
    for &(k, _) in &owners {
        first[k + 1] += 1;
    }
    for k in 1..first.len() {
        first[k] += first[k - 1];
    }
    let mut fill = first.clone();
    let mut owned = vec![0usize; owners.len()];
    for &(k, i) in &owners {
        owned[fill[k]] = i;
        fill[k] += 1;
    }
    let actors_ro: &[Actor] = actors;
    let mut extra: Vec<(usize, Evidence)> = Vec::new();
    for (start, end, e) in later_mention_matches(doc, &keys, false, Some(mention_starts), starts) {
        if doc
            .paragraph_at(start)
            .is_some_and(|p| skip.get(p).copied().unwrap_or(false))
        {
            continue;
        }
        let t = &doc.flat[start..end];
        // The candidate actors. A key is a title key or a surname key for all its owners.
        let owners_of_e = &owned[first[e]..first[e + 1]];
        let cands = || owners_of_e.iter().copied();
        let title_key = keys[e].title;
        // A surname is written with its capital; a title may not name two people.
        if !title_key && !t.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if title_key && cands().nth(1).is_some() {
            continue;
        }
        // Already a mention (inside the full name)?
        if cands().any(|c| {
            last_mention_before(&actors_ro[c].mentions, start + 1).is_some_and(|x| end <= x.end)
        }) {
            continue;
        }
        // A surname followed by more of a name is someone else ("Bailey Smith").
        let after = &doc.flat[end..];
        if !title_key
            && after.starts_with(' ')
            && after[1..]
                .split(' ')
                .next()
                .is_some_and(|w| is_name_word(w.trim_end_matches([',', '.'])))
        {
            continue;
        }
        let owner = cands()
            .filter_map(|c| {
                last_mention_before(&actors_ro[c].mentions, start).map(|x| (x.start, c))
            })
            .max()
            .map(|(_, c)| c)
            .or_else(|| cands().next());
        if let Some(c) = owner {
            extra.push((c, Evidence::from_bytes(text, start, end)));
        }
    }
    drop(keys);
    for (c, ev) in extra {
        actors[c].mentions.push(ev);
    }
    for a in actors.iter_mut() {
        a.mentions.sort_by_key(|e| e.start);
        a.mentions.dedup_by_key(|e| e.start);
    }
}

/// The matches `(start, end, key)` of `keys` in `doc.flat`, as [`WordPhrases::find_at`] of
/// the keys (in this order) finds them at every word start: `key` is the first key whose
/// phrase matched (keys that differ only in ASCII case make one phrase). Unless `all`, the
/// matches of a surname in lower case may be left out where they hide no other match.
///
/// Only the starts at a key's first byte or at "the" are compared (a look-up of the start's
/// first byte). When a surname starts with a capital or a non-ASCII byte and has no word
/// inside it after a non-word byte ("O'Brien"), its lower-case first byte is not looked for
/// (unless another surname's asks for it): at a start left out, only such surnames can
/// match, in lower case, a match [`add_later_mentions`] does not keep and that covers no
/// other word start (so it hides no match either).
///
/// Those starts are gathered first, into `starts` (at its front; see [`room`]), without a
/// branch on the look-up (every start is written at the next free place, and the place is
/// taken only when it is kept): a branch there, taken or not as the words come, was
/// mispredicted at a good share of all word starts. They are gathered from `firsts_given`,
/// the word starts at a [`mention_first`] byte ([`static_starts`]), when given and every
/// first byte looked for is one; from every word start otherwise.
fn later_mention_matches(
    doc: &Document,
    keys: &[MentionKey],
    all: bool,
    firsts_given: Option<&[u32]>,
    starts: &mut Vec<u32>,
) -> Vec<(usize, usize, usize)> {
    let flat = doc.flat.as_bytes();
    // The phrases: the first key of each phrase, ASCII case ignored (as `WordPhrases` makes
    // them), and only those that start with a word byte (it ignores the others).
    let mut phrases: Vec<usize> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let first = k.phrase().next();
        if !first.is_some_and(phrase_word_byte) {
            continue;
        }
        let same = |j: &usize| {
            let o = &keys[*j];
            o.phrase_len() == k.phrase_len()
                && o.phrase()
                    .zip(k.phrase())
                    .all(|(x, y)| x.eq_ignore_ascii_case(&y))
        };
        if !phrases.iter().any(same) {
            phrases.push(i);
        }
    }
    // Whether a key's body holds a space (compared by the general `vocab::phrase_end`).
    let spaced: Vec<bool> = keys.iter().map(|k| k.body.contains(' ')).collect();
    // Whether only the capital of a surname's first byte is looked for.
    let only_cap = |k: &MentionKey| {
        let b = k.body.as_bytes();
        !all && b
            .first()
            .is_some_and(|&f| f.is_ascii_uppercase() || f >= 0x80)
            && !b
                .windows(2)
                .any(|w| !phrase_word_byte(w[0]) && phrase_word_byte(w[1]))
    };
    // The first bytes where a surname (`SURNAME_START`) or "the" (`TITLE_START`) may start
    // a match, and the first bytes of the title heads (lower case).
    const SURNAME_START: u8 = 1;
    const TITLE_START: u8 = 2;
    let mut firsts = [0u8; 256];
    let mut title_firsts = [false; 256];
    for &p in &phrases {
        let k = &keys[p];
        // No key is empty: a surname has three bytes or more, a title head more than three.
        let Some(&first) = k.body.as_bytes().first() else {
            continue;
        };
        if k.title {
            firsts[usize::from(b't')] |= TITLE_START;
            firsts[usize::from(b'T')] |= TITLE_START;
            title_firsts[usize::from(first.to_ascii_lowercase())] = true;
        } else {
            firsts[usize::from(first.to_ascii_uppercase())] |= SURNAME_START;
            if !only_cap(k) {
                firsts[usize::from(first.to_ascii_lowercase())] |= SURNAME_START;
            }
        }
    }
    // The phrases by the first two bytes of their body, ASCII case ignored ([`pair_slot`]):
    // surnames in slots 0..128, titles (after their "the") in 128..256, and a body of one
    // byte in slot 256, asked at every start. A phrase matches only where the text's bytes
    // are its own, so only its slot is asked. In their order within a slot (a stable
    // counting sort). A long article has a hundred keys or more, and asking all those of a
    // first byte at every start (all titles at every "the") cost more than the rest of the
    // stage.
    const TITLE_SLOTS: usize = 128;
    const SHORT_SLOT: usize = 256;
    let slot_of = |p: usize| {
        let k = &keys[p];
        match *k.body.as_bytes() {
            [a, b, ..] => pair_slot(a, b) + if k.title { TITLE_SLOTS } else { 0 },
            _ => SHORT_SLOT,
        }
    };
    let mut bucket = [0u32; SHORT_SLOT + 2];
    for &p in &phrases {
        bucket[slot_of(p) + 1] += 1;
    }
    for b in 1..bucket.len() {
        bucket[b] += bucket[b - 1];
    }
    let mut fill = bucket;
    let mut by_slot = vec![0usize; phrases.len()];
    for &p in &phrases {
        let b = slot_of(p);
        by_slot[fill[b] as usize] = p;
        fill[b] += 1;
    }
    let in_slot = |b: usize| {
        by_slot
            .get(bucket[b] as usize..bucket[b + 1] as usize)
            .unwrap_or(&[])
    };
    let narrow = firsts
        .iter()
        .enumerate()
        .all(|(b, &k)| k == 0 || mention_first(b as u8));
    let from: &[u32] = match firsts_given {
        Some(f) if narrow => f,
        _ => &doc.word_starts,
    };
    room(starts, from.len());
    let mut n = 0;
    for &s in from {
        // `n` never passes the number of starts read so far: always in bounds.
        if let Some(slot) = starts.get_mut(n) {
            *slot = s;
        }
        let byte = flat.get(s as usize).copied().unwrap_or(0);
        n += usize::from(firsts[usize::from(byte)] != 0);
    }
    let mut out = Vec::new();
    let mut after = 0;
    for &s in &starts[..n] {
        let s = s as usize;
        let byte = flat.get(s).copied().unwrap_or(0);
        let kind = firsts[usize::from(byte)];
        if s < after {
            continue;
        }
        // The slots to ask: the surnames of the two bytes here, the titles of the two
        // bytes after "the" here, the short bodies.
        let pair_at = |i: usize| match flat.get(i..i + 2) {
            Some(&[a, b]) => Some(pair_slot(a, b)),
            _ => None,
        };
        let surnames = pair_at(s).filter(|_| kind & SURNAME_START != 0);
        let titles = if kind & TITLE_START != 0 {
            title_body_at(flat, s, &title_firsts).and_then(pair_at)
        } else {
            None
        };
        if kind == TITLE_START && titles.is_none() {
            continue;
        }
        let here = surnames
            .map_or(&[][..], in_slot)
            .iter()
            .chain(titles.map_or(&[][..], |t| in_slot(t + TITLE_SLOTS)))
            .chain(in_slot(SHORT_SLOT));
        // The longest phrase here; at equal ends the longer phrase. (Two phrases never
        // match the same bytes: phrases that differ only in ASCII case are one.)
        let mut best: Option<(usize, usize, usize)> = None;
        for &p in here {
            let k = &keys[p];
            if let Some(end) = key_end(&doc.flat, s, k, spaced[p]) {
                if best.is_none_or(|x| (end, k.phrase_len()) > (x.0, x.1)) {
                    best = Some((end, k.phrase_len(), p));
                }
            }
        }
        if let Some((end, _, p)) = best {
            out.push((s, end, p));
            after = end;
        }
    }
    out
}

/// Where the phrase of `k` matches `text` at `start` ([`vocab::phrase_end`]), compared a slice at
/// a time; `spaced`: whether the body of `k` holds a space.
fn key_end(text: &str, start: usize, k: &MentionKey, spaced: bool) -> Option<usize> {
    let body = k.body.as_bytes();
    if spaced {
        // Not made by `add_later_mentions` (a key is one word): the general comparison, on
        // the phrase lower-cased as `WordPhrases` keeps it.
        let phrase: Vec<u8> = k.phrase().map(|b| b.to_ascii_lowercase()).collect();
        return vocab::phrase_end(text, start, &phrase, false);
    }
    let bytes = text.as_bytes();
    let mut i = start;
    if k.title {
        if !bytes
            .get(i..i + 3)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"the"))
        {
            return None;
        }
        i += 3;
        let ws = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if ws == 0 {
            return None;
        }
        i += ws;
    }
    if !bytes
        .get(i..i + body.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(body))
    {
        return None;
    }
    i += body.len();
    if i > start
        && bytes.get(i).copied().is_some_and(phrase_word_byte)
        && phrase_word_byte(bytes[i - 1])
    {
        return None;
    }
    // Never end inside a UTF-8 sequence.
    while !text.is_char_boundary(i) {
        i += 1;
    }
    Some(i)
}

/// A byte of a word for [`WordPhrases`]: an ASCII letter or digit, or any non-ASCII byte.
fn phrase_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether a phrase "the " + a word whose first byte (lower case) is marked in `firsts` may
/// match at byte `s` of `text`: "the" in any case, white space (a space of a phrase matches a
/// run of it), then that byte in any case. Everywhere else no such phrase matches.
#[cfg(test)]
fn title_may_follow(text: &[u8], s: usize, firsts: &[bool; 256]) -> bool {
    title_body_at(text, s, firsts).is_some()
}

/// Where the word after "the" starts, when [`title_may_follow`]: the first byte after the
/// white space.
fn title_body_at(text: &[u8], s: usize, firsts: &[bool; 256]) -> Option<usize> {
    let Some(&[t, h, e, space]) = text.get(s..s + 4) else {
        return None;
    };
    if t | 0x20 != b't' || !([t, h, e].eq_ignore_ascii_case(b"the") && space.is_ascii_whitespace())
    {
        return None;
    }
    let rest = text.get(s + 4..).unwrap_or(&[]);
    let i = rest.iter().position(|b| !b.is_ascii_whitespace())?;
    firsts[usize::from(rest[i].to_ascii_lowercase())].then_some(s + 4 + i)
}

/// The slot of a phrase body's first two bytes, the same for both ASCII cases of a letter
/// (`& 31`); other bytes may share a slot, and the phrases of a slot are compared in full.
fn pair_slot(a: u8, b: u8) -> usize {
    (usize::from(a & 31) * 5 + usize::from(b & 31)) & 127
}

/// The last of `mentions` (sorted by start) that starts before `pos`, by binary search.
pub fn last_mention_before(mentions: &[Evidence], pos: usize) -> Option<&Evidence> {
    let i = mentions.partition_point(|m| m.start < pos);
    i.checked_sub(1).map(|i| &mentions[i])
}

/// Unnamed groups ("protesters", "security forces"), one actor per group word.
/// `starts`: the word starts where one may match ([`static_starts`]).
fn add_groups(doc: &Document, starts: &[u32], actors: &mut Vec<Actor>) {
    let (groups, _) = &*GROUPS;
    // The groups among the actors, in order: a match is compared with them only (the
    // persons and organizations before them are many).
    let mut group_actors: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].kind == "group")
        .collect();
    for m in groups.find_at(&doc.flat, starts) {
        let t = &doc.flat[m.start..m.end];
        let ev = Evidence::from_bytes(doc.text, m.start, m.end);
        // The name is `lower(t)`; it is made only for a new group (most matches repeat one).
        match group_actors
            .iter()
            .find(|&&i| is_lower_of(&actors[i].name, t))
        {
            Some(&i) => actors[i].mentions.push(ev),
            None => {
                group_actors.push(actors.len());
                actors.push(Actor {
                    name: lower(t),
                    kind: "group".into(),
                    title: None,
                    mentions: vec![ev],
                });
            }
        }
    }
}

/// Whether `name == lower(t)`, without making the lowercase copy when `t` is ASCII (as
/// group words are): `lower` then changes only the ASCII capitals.
fn is_lower_of(name: &str, t: &str) -> bool {
    if t.is_ascii() {
        name.len() == t.len()
            && name
                .bytes()
                .zip(t.bytes())
                .all(|(n, c)| n == c.to_ascii_lowercase())
    } else {
        name == lower(t)
    }
}

#[cfg(test)]
mod tests;
