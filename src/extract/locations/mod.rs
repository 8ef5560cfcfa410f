//! Places: countries, first-level subdivisions and cities from an embedded gazetteer, and
//! smaller places recognized by their context.
//!
//! The gazetteer (GeoNames, see `data/gazetteer/README.md`) is turned at build time into a
//! sorted key file and a hash table of its keys, so nothing is parsed at start-up (a record
//! is cut out of its line the first time a name asks for it). Candidate names are runs of up to five capitalized words ("San Salvador", "Bosnia and
//! Herzegovina"); the longest run that names a place wins. Names that are also common words,
//! given names or ambiguous between places (`data/gazetteer/ambiguous.txt`) need context: a
//! preposition before them ("in Georgia") or a place right beside them ("Atlanta, Georgia").
//! A name shared by several places goes to the one whose country the article names most,
//! else to the most important. Demonyms ("Kazakh") are kept apart: they are evidence for the
//! crisis countries, not places mentioned. Smaller places come from their context ("the
//! town of X", "X County").

mod fold;

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use crate::document::{Document, Span};
use crate::model::{Evidence, Location};
use crate::vocab::{swar, WordBuildHasher, WordList};

pub use fold::{fold, fold_into};

mod index {
    include!(concat!(env!("OUT_DIR"), "/gazetteer_index.rs"));
}

static PLACES_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/places.txt"));
static KEYS_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/keys.txt"));

/// Compass and position words ("Western", "Central"), shared with build.rs.
const COMPASS_WORDS: &str = include_str!("../../../data/compass.txt");
/// The prefilter (see [`may_be_key`]), aligned so that each of its 64-byte blocks is one
/// cache line.
static PREFILTER: Aligned<[u8; (fold::PREFILTER_BITS / 8) as usize]> =
    Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/prefilter.bin")));

#[repr(align(64))]
struct Aligned<T>(T);
/// The key table (see [`fold::KEY_TABLE_SLOTS`]), aligned so that a probe's slot and
/// its neighbours share a cache line.
static KEY_TABLE: Aligned<[u8; 4 * fold::KEY_TABLE_SLOTS]> =
    Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/key_table.bin")));

/// False when the name whose [`fold::name_hash`] is `h` is certainly neither a key nor the
/// start of one (a Bloom filter built with the keys); true when it may be.
fn may_be_key(h: u64) -> bool {
    fold::prefilter_bits(h).iter().all(|&bit| {
        PREFILTER
            .0
            .get((bit / 8) as usize)
            .is_some_and(|b| b & (1 << (bit % 8)) != 0)
    })
}

/// Names that need context to be a place: the gazetteer's ambiguous list, the project's list
/// of words that are never a place alone, and every common given name ("Paul", "Michael"),
/// folded and sorted at build time.
///
/// A hash set built on first use: asked for every hit, a binary search over the sorted list
/// cost more than the rest of the hit.
fn is_ambiguous(folded: &str) -> bool {
    static SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(index::AMBIGUOUS));
    SET.contains(folded)
}

/// Whether `w` is a common given name as written ([`index::GIVEN_NAMES`]).
fn is_given_name(w: &str) -> bool {
    static SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(index::GIVEN_NAMES));
    SET.contains(w)
}

/// One gazetteer record.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `country`, `admin1`, `city` or `demonym`.
    pub kind: &'static str,
    /// Canonical name.
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// First-level subdivision ("" when none).
    pub admin1: &'static str,
    /// Coordinates, when known.
    pub lat: Option<f64>,
    /// Coordinates, when known.
    pub lon: Option<f64>,
    /// Population (cities only).
    pub population: u64,
}

/// The gazetteer record `id`.
pub fn place(id: u32) -> Option<Place> {
    let c = candidate(id)?;
    Some(Place {
        kind: c.kind,
        name: c.name,
        country: c.country,
        admin1: c.admin1,
        lat: c.lat.parse().ok(),
        lon: c.lon.parse().ok(),
        population: c.population,
    })
}

/// A gazetteer record as resolution reads it, for every candidate of every name: its
/// coordinates stay text, parsed only for the place chosen ([`Candidate::coordinates`]).
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    kind: &'static str,
    name: &'static str,
    country: &'static str,
    admin1: &'static str,
    lat: &'static str,
    lon: &'static str,
    population: u64,
}

impl Candidate {
    fn coordinates(&self) -> (Option<f64>, Option<f64>) {
        (self.lat.parse().ok(), self.lon.parse().ok())
    }
}

/// The candidates of a hit: the ids and records of the places its name may stand for, best
/// first; shared by the hits of one name.
type Candidates<'a> = &'a [(u32, &'static Candidate)];

/// The gazetteer record `id` (see [`place`]), from [`CANDIDATES`].
fn candidate(id: u32) -> Option<Candidate> {
    candidate_ref(id).cloned()
}

/// The gazetteer record `id` where [`CANDIDATES`] keeps it, for the rest of the process:
/// resolution shares the record instead of copying its 88 bytes for every candidate of
/// every name of every article. An `id` past the cells has no record ([`read_candidate`]
/// finds none past the last line either).
fn candidate_ref(id: u32) -> Option<&'static Candidate> {
    let i = id as usize;
    let cell = CANDIDATES.get(i / CHUNK).and_then(|chunk| {
        chunk
            .get_or_init(|| (0..CHUNK).map(|_| OnceLock::new()).collect())
            .get(i % CHUNK)
    })?;
    cell.get_or_init(|| read_candidate(id)).as_ref()
}

/// Records per chunk of [`CANDIDATES`]: a chunk is about 3.5 KB, made when one of its records
/// is first asked for.
const CHUNK: usize = 32;

/// The gazetteer records as resolution reads them, each cut out of its line the first time
/// it is asked for in the process: the records of the names an article finds were cut out
/// again for every article (about a twentieth of the stage), and cutting out all of them
/// at start-up would cost about 27 M instructions, more than most articles. The cells come
/// in chunks made on first use: cells for all 40,000 records at once (4 MB) cost a short
/// article's process a thousand page faults, more time than the whole extraction.
#[allow(clippy::type_complexity)]
static CANDIDATES: LazyLock<Box<[OnceLock<Box<[OnceLock<Option<Candidate>>]>>]>> =
    LazyLock::new(|| {
        let n = index::PLACE_STARTS.len().saturating_sub(1);
        (0..n.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect()
    });

/// The gazetteer record `id`, its fields cut out of its line.
fn read_candidate(id: u32) -> Option<Candidate> {
    let id = id as usize;
    let start = *index::PLACE_STARTS.get(id)? as usize;
    let end = *index::PLACE_STARTS.get(id + 1)? as usize;
    let line = PLACES_TXT.get(start..end)?.trim_end_matches('\n');
    // `split('\t')`: the tabs are found eight bytes at a time (`candidate_plain` in the
    // tests is the plain form).
    let mut tabs = [0usize; 7];
    let n = tab_positions(line.as_bytes(), &mut tabs);
    let mut k = 0;
    let mut field = || -> Option<&'static str> {
        let from = match k {
            0 => 0,
            _ => *tabs.get(k - 1).filter(|_| k <= n)? + 1,
        };
        let to = if k < n { tabs[k] } else { line.len() };
        k += 1;
        line.get(from..to)
    };
    let kind = match field()? {
        "country" => "country",
        "admin1" => "admin1",
        "city" => "city",
        _ => "demonym",
    };
    Some(Candidate {
        kind,
        name: field()?,
        country: field()?,
        admin1: field()?,
        lat: field()?,
        lon: field()?,
        population: population(field()?),
    })
}

/// The positions of the first tabs of `line`, as many as `out` holds; how many there are.
fn tab_positions(line: &[u8], out: &mut [usize; 7]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while n < out.len() {
        if let Some(x) = swar::load(line, i) {
            let mut tabs = swar::bytes_equal(x, b'\t');
            while tabs != 0 && n < out.len() {
                out[n] = i + (tabs.trailing_zeros() / 8) as usize;
                n += 1;
                tabs &= tabs - 1;
            }
            i += 8;
        } else {
            match line.get(i) {
                Some(&b) => {
                    if b == b'\t' {
                        out[n] = i;
                        n += 1;
                    }
                    i += 1;
                }
                None => break,
            }
        }
    }
    n
}

/// A population field (`str::parse`, 0 when it is no number): digits are read at once.
fn population(field: &str) -> u64 {
    if !field.is_empty() && field.len() <= 18 && plain_digits(field) {
        field.bytes().fold(0, |n, b| n * 10 + u64::from(b - b'0'))
    } else {
        field.parse().unwrap_or(0)
    }
}

fn plain_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The `i`th key of the sorted gazetteer keys, as bytes (compared byte by byte, as strings
/// are ordered, without the character-boundary checks of slicing a `str`).
fn key(i: usize) -> &'static [u8] {
    let end = index::KEY_ENDS[i] as usize;
    let start = i.checked_sub(1).map_or(0, |p| index::KEY_ENDS[p] as usize);
    KEYS_TXT.as_bytes().get(start..end).unwrap_or(b"")
}

/// The ids of the places a folded name may stand for, best candidate first.
pub fn lookup(folded: &str) -> &'static [u32] {
    lookup_run(folded).0
}

/// [`lookup`], and whether a longer key continues `folded` with another word ("san" →
/// "san antonio"), so that a run of capitalized words stops growing as soon as no place
/// name can contain it.
///
/// One probe of the key table (a hash table built with the keys, see
/// [`fold::KEY_TABLE_SLOTS`]) and one key compared, where the binary search over the sorted
/// keys it replaced read a key at every step, each a cache miss (`lookup_run_plain` in the
/// tests is that search, which it must agree with).
fn lookup_run(folded: &str) -> (&'static [u32], bool) {
    let h = fold::name_hash(folded);
    if !may_be_key(h) {
        return (&[], false);
    }
    let q = folded.as_bytes();
    let fingerprint = fold::table_fingerprint(h);
    let mut s = fold::table_slot(h);
    // The table is never full, so an empty slot ends every probe sequence; the bound only
    // guards the loop.
    for _ in 0..fold::KEY_TABLE_SLOTS {
        let v = table_entry(s);
        if v == 0 {
            break;
        }
        if (v >> fold::SLOT_FINGERPRINT_SHIFT) & 0x3f == fingerprint {
            let i = ((v & fold::SLOT_INDEX) as usize).saturating_sub(1);
            let k = key(i);
            if v & fold::SLOT_PREFIX_ONLY != 0 {
                if k.len() > q.len() && k.starts_with(q) && k[q.len()] == b' ' {
                    return (&[], true);
                }
            } else if k == q {
                let ids = match (index::ID_STARTS.get(i), index::ID_STARTS.get(i + 1)) {
                    (Some(&a), Some(&b)) => index::IDS.get(a as usize..b as usize).unwrap_or(&[]),
                    _ => &[],
                };
                return (ids, v & fold::SLOT_LONGER != 0);
            }
        }
        s = (s + 1) % fold::KEY_TABLE_SLOTS;
    }
    (&[], false)
}

/// The `s`th slot of [`KEY_TABLE`].
fn table_entry(s: usize) -> u32 {
    KEY_TABLE
        .0
        .get(4 * s..4 * s + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, u32::from_le_bytes)
}

/// The [`lookup_run`] answers for names of up to sixteen bytes, which capitalized words ask
/// again and again ("The", "He", "Police", "Department", a city named in every paragraph):
/// a direct-mapped table keyed by the [`head8`] of the name's first and second eight bytes
/// and its length, which together are the whole name. The answers depend on the name
/// alone, so one memo serves all the articles a thread reads ([`MEMO`]): the common words
/// of an archive are then looked up once, not once an article.
struct LookupMemo {
    entries: Vec<MemoEntry>,
}

#[derive(Clone, Copy)]
struct MemoEntry {
    head: u64,
    tail: u64,
    /// 0: empty.
    len: u32,
    longer: bool,
    ids: &'static [u32],
}

thread_local! {
    /// This thread's [`LookupMemo`], taken by an article's [`extract`] and put back after it.
    static MEMO: std::cell::Cell<Option<LookupMemo>> = const { std::cell::Cell::new(None) };
}

impl LookupMemo {
    /// 2^11 entries of 40 bytes: 80 KiB, which stay in the second-level cache.
    const BITS: u32 = 11;

    fn new() -> LookupMemo {
        let empty = MemoEntry {
            head: 0,
            tail: 0,
            len: 0,
            longer: false,
            ids: &[],
        };
        LookupMemo {
            entries: vec![empty; 1 << LookupMemo::BITS],
        }
    }

    /// [`lookup_run`] of `folded`, asked of the gazetteer only when not known yet.
    fn lookup_run(&mut self, folded: &str) -> (&'static [u32], bool) {
        let b = folded.as_bytes();
        let len = b.len();
        if len == 0 || len > 16 {
            return lookup_run(folded);
        }
        let (head, tail) = (head8(b), head8(b.get(8..).unwrap_or(b"")));
        let mixed = (head ^ tail.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (mixed >> (64 - LookupMemo::BITS)) as usize;
        let len = len as u32;
        match self.entries.get_mut(slot) {
            Some(e) if e.len == len && e.head == head && e.tail == tail => (e.ids, e.longer),
            Some(e) => {
                let (ids, longer) = lookup_run(folded);
                *e = MemoEntry {
                    head,
                    tail,
                    len,
                    longer,
                    ids,
                };
                (ids, longer)
            }
            None => lookup_run(folded),
        }
    }
}

/// The first eight bytes of `s` as a big-endian number, missing bytes as zeros: with its
/// length, the whole of a name of up to eight bytes ([`LookupMemo`]'s key).
///
/// A name shorter than eight bytes (most) is read as two overlapping loads, its first and last
/// four (or two) bytes, each shifted to its place: the byte-by-byte copy into a zeroed array
/// that it replaces compiled to a call of `memcpy` per look-up (`head8_plain` in the tests).
#[inline]
fn head8(s: &[u8]) -> u64 {
    // The first `N` and the last `N` bytes of `s` (`s.len() >= N`), big-endian.
    fn ends<const N: usize>(s: &[u8]) -> (u64, u64) {
        let at = |i: usize| {
            s.get(i..i + N)
                .and_then(|b| <[u8; N]>::try_from(b).ok())
                .map_or(0, |b| b.iter().fold(0, |v, &x| v << 8 | u64::from(x)))
        };
        (at(0), at(s.len() - N))
    }
    let n = s.len();
    match n {
        8.. => s
            .get(..8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_be_bytes),
        // Bytes `n - N..n` of the name go to the bits below its first `n - N` bytes; where the
        // two loads overlap they hold the same bytes.
        4..=7 => {
            let (first, last) = ends::<4>(s);
            first << 32 | last << (8 * (8 - n))
        }
        2..=3 => {
            let (first, last) = ends::<2>(s);
            first << 48 | last << (8 * (8 - n))
        }
        1 => u64::from(s[0]) << 56,
        _ => 0,
    }
}

/// Words that may join capitalized words inside a place name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "la", "le", "al", "and", "the", "du", "des", "da", "do", "dos", "das", "el",
    "en", "sur", "am", "upon",
];

/// Words before a name that say it is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "across",
    "outside",
    "around",
    "toward",
    "towards",
    "throughout",
    "via",
    "through",
    "between",
    "visited",
    "entered",
    "province",
    "state",
    "region",
    "city",
    "town",
    "village",
    "capital",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "neighbouring",
    "neighboring",
];

/// Words after a capitalized run that make it a smaller place ("Johnson County").
const PLACE_SUFFIXES: &[&str] = &[
    "County",
    "Township",
    "Parish",
    "Province",
    "District",
    "Governorate",
    "Prefecture",
    "Municipality",
];

/// A word of the text: its byte span.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

#[cfg(test)]
fn words_of(text: &str) -> Vec<Word> {
    words_and_triggers(text).0
}

/// [`cut_words`] into new vectors.
#[cfg(test)]
fn words_and_triggers(text: &str) -> (Vec<Word>, Vec<usize>) {
    let (mut words, mut triggers) = (Vec::new(), Vec::new());
    cut_words(text, &mut words, &mut triggers);
    (words, triggers)
}

thread_local! {
    /// The words and trigger indexes of an article ([`cut_words`]) and its hits, taken by
    /// [`extract`] and put back after it: kept from article to article instead of allocated
    /// (and grown) for each.
    #[allow(clippy::type_complexity)]
    static WORD_BUFFERS: std::cell::Cell<(Vec<Word>, Vec<usize>, Vec<Hit>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// Room for more words than this (an article of some 100 KB) is not kept in
/// [`WORD_BUFFERS`]; the trigger indexes keep an eighth of it, the hits a sixteenth.
const WORDS_KEPT_AT_MOST: usize = 1 << 14;

/// Sets `out` to the words of `text`, and `triggers` to the indexes of those whose shape is
/// a context trigger's ([`TRIGGER_SHAPES`]; `trigger_candidates` in the tests is the plain
/// form): the shape is read while the word's bytes are at hand, rather than in another pass
/// over every word.
fn cut_words(text: &str, out: &mut Vec<Word>, triggers: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let shapes = &*TRIGGER_SHAPES;
    out.clear();
    triggers.clear();
    out.reserve(bytes.len() / 5);
    triggers.reserve(bytes.len() / 40);
    // Notes the word pushed since `from` ([`push_word`] pushes one word or none).
    let note = |out: &Vec<Word>, from: usize, triggers: &mut Vec<usize>| {
        if let Some(w) = out.last().filter(|_| out.len() > from) {
            if shapes.may_contain(bytes.get(w.start..w.end).unwrap_or(b"")) {
                triggers.push(out.len() - 1);
            }
        }
    };
    let mut start: Option<usize> = None;
    let mut prev_lower_ascii = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of a text: no decoding, and a run of letters and digits inside a word
        // is skipped at once.
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                let Some(s) = start else {
                    // A new word: when a space follows its letters (most words), it is
                    // letters and digits only, so that nothing is trimmed off it
                    // ([`push_word`] would keep it whole) and the small-letter state is
                    // reset at once.
                    let end = ascii_alnum_end(bytes, i + 1);
                    if bytes.get(end) == Some(&b' ') {
                        // Its shape: the byte after the first is a letter, a digit or the
                        // space, whose low five bits are zero as a missing byte's are.
                        let b1 = bytes.get(i + 1).map_or(0, |b| b & 31);
                        let shape = (end - i).min(15) << 10 | usize::from(b & 31) << 5;
                        let shape = shape | usize::from(b1);
                        if shapes.bits[shape >> 6] & (1 << (shape & 63)) != 0 {
                            triggers.push(out.len());
                        }
                        out.push(Word { start: i, end });
                        prev_lower_ascii = false;
                        i = end + 1;
                    } else {
                        start = Some(i);
                        prev_lower_ascii = bytes[end - 1].is_ascii_lowercase();
                        i = end;
                    }
                    continue;
                };
                i = ascii_alnum_end(bytes, i + 1);
                prev_lower_ascii = bytes[i - 1].is_ascii_lowercase();
                // A space after the letters ends the word (the branch below, taken at once).
                if bytes.get(i) == Some(&b' ') {
                    let n = out.len();
                    push_word(text, out, s, i);
                    note(out, n, triggers);
                    start = None;
                    prev_lower_ascii = false;
                    i += 1;
                }
                continue;
            }
            // "Afghanistan.They": a period between a small letter and a capital ends a
            // sentence whose space was lost, not an abbreviation.
            let lost_space = b == b'.'
                && prev_lower_ascii
                && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
            let part = matches!(b, b'\'' | b'.') && start.is_some() && !lost_space;
            prev_lower_ascii = false;
            if let (false, Some(s)) = (part, start) {
                let n = out.len();
                push_word(text, out, s, i);
                note(out, n, triggers);
                start = None;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        // Quotation marks, dashes and other general punctuation (U+2000 to U+203F, the
        // commonest characters past ASCII) are no letters: the Unicode tables are skipped.
        let punctuation = ('\u{2000}'..='\u{203F}').contains(&c);
        let part = !punctuation && c.is_alphanumeric() || c == '’' && start.is_some();
        // Mojibake glued to a name ("AfghanistanŠ—Ès" for "Afghanistan's"): an accented
        // capital right after a small ASCII letter starts a new word.
        if let (true, Some(s)) = (prev_lower_ascii && !punctuation && c.is_uppercase(), start) {
            let n = out.len();
            push_word(text, out, s, i);
            note(out, n, triggers);
            start = None;
        }
        prev_lower_ascii = false;
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let n = out.len();
                push_word(text, out, s, i);
                note(out, n, triggers);
                start = None;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        let n = out.len();
        push_word(text, out, s, text.len());
        note(out, n, triggers);
    }
}

/// Pushes the word `text[start..end]` (not empty), without a trailing period (it belongs to
/// the sentence, except in abbreviations: "St.", "Mich.") or possessive "'s"; nothing when
/// no letter is left.
///
/// Inlined, with the rare trimming out of line: it runs for every word of the text.
#[inline(always)]
fn push_word(text: &str, out: &mut Vec<Word>, start: usize, end: usize) {
    // Most words end in another letter or a digit: nothing to cut.
    if matches!(text.as_bytes()[end - 1], b'.' | b's') {
        push_trimmed_word(text, out, start, end);
    } else {
        out.push(Word { start, end });
    }
}

/// [`push_word`] for a word that ends in a period or an "s".
#[inline(never)]
fn push_trimmed_word(text: &str, out: &mut Vec<Word>, start: usize, mut end: usize) {
    let bytes = text.as_bytes();
    // "Mich.", "St." and initialisms ("N.C.", "D.C.") keep their period.
    if bytes[end - 1] == b'.' {
        let s = &text[start..end];
        let body = &s[..s.len() - 1];
        let abbreviation = s.len() <= 5 && body.chars().all(char::is_alphabetic);
        let initialism = body.contains('.') && body.chars().all(|c| c.is_alphabetic() || c == '.');
        if !abbreviation && !initialism {
            end -= 1;
        }
    }
    let b = &bytes[start..end];
    if b.ends_with(b"'s") {
        end -= 2;
    } else if b.ends_with("’s".as_bytes()) {
        end -= "’s".len();
    }
    if end > start {
        out.push(Word { start, end });
    }
}

/// The end of the run of ASCII letters and digits at `i` (the first other byte, or the end
/// of `bytes`): eight bytes at a time (most words end within the first eight).
fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let other = !swar::ascii_alnum(u64::from_le_bytes(chunk)) & swar::HIGH_BITS;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

fn capitalized(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => s.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The separator between two words is spaces on one line ("Sri  Lanka" in text extracted
/// from a PDF), a hyphen, or nothing else.
fn joinable(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text.as_bytes()[a.end..b.start];
    matches!(gap, b"-" | b"- " | b" -") || (!gap.is_empty() && gap.iter().all(|&b| b == b' '))
}

/// [`joinable`], or a possessive between the words ("Prince George's County").
fn joinable_or_possessive(text: &str, a: &Word, b: &Word) -> bool {
    joinable(text, a, b) || matches!(&text[a.end..b.start], "'s " | "’s ")
}

/// "I’ve", "We're", "Don't": a contraction is never a place name, whatever the gazetteer's
/// alternate names say.
fn is_contraction(w: &str) -> bool {
    // No apostrophe byte, no first byte of '’': no contraction (most words).
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    w.rfind(['\'', '’']).is_some_and(|i| {
        let tail = &w[i..];
        let tail = tail.trim_start_matches(['\'', '’']);
        matches!(tail, "ve" | "re" | "ll" | "m" | "d" | "t")
    })
}

/// A place-name match before resolution.
#[derive(Debug, Clone)]
struct Hit {
    span: Span,
    ids: &'static [u32],
    ambiguous: bool,
    first_word: usize,
    last_word: usize,
}

/// What the locations extractor found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    /// Distinct places, in order of first mention.
    pub locations: Vec<Location>,
    /// Demonym mentions: (country code, span) — evidence for the crisis countries.
    pub demonyms: Vec<(String, Span)>,
}

/// Finds the places of `doc`.
pub fn extract(doc: &Document) -> Places {
    let text = doc.text;
    let (mut words, mut triggers, mut hits) = WORD_BUFFERS.take();
    cut_words(text, &mut words, &mut triggers);
    hits.clear();
    let mut folded = String::new();
    let mut memo = MEMO.take().unwrap_or_else(LookupMemo::new);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // Most words start with a small ASCII letter: turned away on their first byte,
        // before the word is sliced.
        if text
            .as_bytes()
            .get(w.start)
            .is_some_and(u8::is_ascii_lowercase)
        {
            i += 1;
            continue;
        }
        let first = &text[w.start..w.end];
        // A word of ASCII letters and digits (most words) is no contraction, and is folded by
        // appending it: read once for both.
        let first_plain = plain_at(text.as_bytes(), &w);
        if !capitalized(first) || !first_plain && is_contraction(first) {
            i += 1;
            continue;
        }
        // Longest run of up to five words (connectors, and short small words that a longer
        // key continues with — "Dar es Salaam" —, allowed inside) that names a place; the run
        // stops as soon as no gazetteer key continues it.
        // The best run's last word, ids and folded length (the fold of a run starts with
        // the fold of every shorter run from the same word).
        let mut best: Option<(usize, &'static [u32], usize)> = None;
        let mut j = i;
        while j < words.len() && j < i + 5 {
            if j > i && !joinable(text, &words[j - 1], &words[j]) {
                break;
            }
            let wj = &text[words[j].start..words[j].end];
            // The first word (capitalized, no connector) needs none of these tests.
            let is_connector = j > i && CONNECTOR_WORDS.contains_ci(wj);
            let small = j > i && !capitalized(wj);
            // Read only for a small word that is no connector (few words).
            let short_small = || wj.len() <= 4 && wj.bytes().all(|b| b.is_ascii_lowercase());
            if j > i && small && !is_connector && !short_small() {
                break;
            }
            let plain = if j == i {
                first_plain
            } else {
                plain_at(text.as_bytes(), &words[j])
            };
            fold_run(&mut folded, j == i, wj, plain, &text[w.start..words[j].end]);
            let (ids, longer) = memo.lookup_run(&folded);
            if !ids.is_empty() && j == i || !ids.is_empty() && !is_connector && !small {
                best = Some((j, ids, folded.len()));
            }
            if !longer {
                break;
            }
            j += 1;
        }
        match best {
            Some((j, ids, folded_len)) => {
                let span = w.start..words[j].end;
                let folded = &folded[..folded_len];
                // "The Valley", "The Department": a leading article makes a common phrase.
                let ambiguous = is_ambiguous(folded) || folded.starts_with("the ");
                hits.push(Hit {
                    span,
                    ids,
                    ambiguous,
                    first_word: i,
                    last_word: j,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    MEMO.set(Some(memo));
    let places = resolve(doc, &words, &mut triggers, &hits);
    // A long article's room is given back rather than kept for the thread's next text.
    words.clear();
    words.shrink_to(WORDS_KEPT_AT_MOST);
    triggers.clear();
    triggers.shrink_to(WORDS_KEPT_AT_MOST / 8);
    hits.clear();
    hits.shrink_to(WORDS_KEPT_AT_MOST / 16);
    WORD_BUFFERS.set((words, triggers, hits));
    places
}

/// Whether `w` is ASCII letters and digits only (the plain form of [`plain_at`]).
#[cfg(test)]
fn plain_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether the word `w` of `bytes` is ASCII letters and digits only (`plain_word` in the
/// tests): a word of up to eight bytes (most) is read at once, in the eight bytes from its
/// start, when the text holds them, instead of a byte at a time with a branch each
/// (`plain_at_is_plain_word` in the tests).
fn plain_at(bytes: &[u8], w: &Word) -> bool {
    let len = w.end.wrapping_sub(w.start);
    match swar::load(bytes, w.start) {
        Some(x) if (1..=8).contains(&len) => {
            // The high bits of the word's bytes (the low `len` bytes of `x`).
            let mask = swar::HIGH_BITS >> (8 * (8 - len));
            swar::ascii_alnum(x) & mask == mask
        }
        _ => bytes
            .get(w.start..w.end)
            .is_some_and(|b| b.iter().all(u8::is_ascii_alphanumeric)),
    }
}

/// Makes `folded` the fold of `run`, a run of words ending with the word `last` and joined
/// by spaces or hyphens, given that it holds the fold of the run without `last` (anything
/// when `last` is the whole run, `first`); `plain` is whether `last` is ASCII letters and
/// digits only ([`plain_at`]).
///
/// A word of ASCII letters and digits (most words) folds to itself in small letters, and
/// the gap before it to one space unless nothing came before: it is appended to the fold
/// so far at once and lower-cased in place, instead of the whole run being folded again.
fn fold_run(folded: &mut String, first: bool, last: &str, plain: bool, run: &str) {
    if !plain {
        folded.clear();
        fold_into(run, folded);
        return;
    }
    if first {
        folded.clear();
    } else if !folded.is_empty() {
        folded.push(' ');
    }
    let at = folded.len();
    folded.push_str(last);
    if let Some(tail) = folded.get_mut(at..) {
        tail.make_ascii_lowercase();
    }
}

fn prev_word<'a>(text: &'a str, words: &[Word], i: usize) -> Option<&'a str> {
    let p = words.get(i.checked_sub(1)?)?;
    Some(&text[p.start..p.end])
}

/// A word before the hit that says it is a place ("in", "near", "the city"). A place noun
/// counts only in small letters: in "Grove City Police" the capitalized "City" is part of
/// the name before, not a noun introducing "Police".
fn place_preposition_before(text: &str, words: &[Word], h: &Hit) -> bool {
    let Some(before) = prev_word(text, words, h.first_word) else {
        return false;
    };
    // The words compared are ASCII and lower-case: an ASCII word is compared without
    // lower-casing it into a new string.
    let lower;
    let word = if before.is_ascii() {
        before
    } else {
        lower = before.to_lowercase();
        lower.as_str()
    };
    if !PREPOSITIONS.contains_ci(word) {
        return false;
    }
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let noun = [
        "province", "state", "region", "city", "town", "village", "capital",
    ]
    .iter()
    .any(|w| is(w));
    !(noun && capitalized(before))
}

/// Chooses a place for each hit and drops hits that lack the context they need.
/// `triggers` are those of [`cut_words`], which [`add_context_places`] may add to.
fn resolve(doc: &Document, words: &[Word], triggers: &mut Vec<usize>, hits: &[Hit]) -> Places {
    let text = doc.text;
    // Countries the article names outright (unambiguous country or admin1 hits) vote for
    // the reading of the other names.
    let mut votes: Vec<(&'static str, usize)> = Vec::new();
    let mut vote = |c: &'static str| match votes.iter_mut().find(|v| same_str(v.0, c)) {
        Some(v) => v.1 += 1,
        None => votes.push((c, 1)),
    };
    // The candidates of a name are read from the gazetteer once per article, into one pool:
    // its other mentions (the same `ids`, told apart by where they start in the index, as
    // no two names' non-empty id lists start at the same place) share them.
    // Sized for every hit's candidates at once: one allocation, not one per doubling.
    let mut pool: Vec<(u32, &'static Candidate)> =
        Vec::with_capacity(hits.iter().map(|h| h.ids.len()).sum());
    let mut parsed: HashMap<usize, (u32, u32), WordBuildHasher> =
        HashMap::with_capacity_and_hasher(hits.len(), WordBuildHasher::default());
    let ranges: Vec<(u32, u32)> = hits
        .iter()
        .map(|h| {
            *parsed.entry(h.ids.as_ptr() as usize).or_insert_with(|| {
                let start = pool.len() as u32;
                pool.extend(
                    h.ids
                        .iter()
                        .filter_map(|&id| candidate_ref(id).map(|p| (id, p))),
                );
                (start, pool.len() as u32)
            })
        })
        .collect();
    let pool = &pool;
    let mut resolved: Vec<(&Hit, Candidates)> = hits
        .iter()
        .zip(ranges)
        .map(|(h, (a, b))| (h, pool.get(a as usize..b as usize).unwrap_or(&[])))
        .collect();
    // Whether a county-like word follows each hit: asked three times below.
    let area: Vec<bool> = resolved
        .iter()
        .map(|(h, _)| before_area_suffix(text, words, h))
        .collect();
    for (k, (h, ps)) in resolved.iter().enumerate() {
        if h.ambiguous || area[k] {
            continue;
        }
        if let Some((_, p)) = ps.first() {
            if matches!(p.kind, "country" | "admin1" | "demonym") || ps.len() == 1 {
                vote(p.country);
            }
        }
    }
    // Asked for every candidate of every hit, of a few countries' votes.
    let score = |c: &str| votes.iter().find(|v| same_str(v.0, c)).map_or(0, |v| v.1);
    // First-level subdivisions the article names ("Dayton ... Ohio") decide between cities.
    // Sorted and deduplicated: every candidate of every hit asks for membership.
    let mut admin1s: Vec<&'static str> = resolved
        .iter()
        .filter(|(h, _)| !h.ambiguous)
        .filter_map(|(_, ps)| {
            ps.first()
                .filter(|(_, p)| p.kind == "admin1")
                .map(|(_, p)| p.name)
        })
        .collect();
    admin1s.sort_unstable();
    admin1s.dedup();
    // Whether the article names a country outright (a country, a first-level subdivision or
    // a demonym); a lone city's own vote is too weak to make other cities foreign.
    let any_votes = resolved.iter().zip(&area).any(|((h, ps), &area)| {
        !h.ambiguous
            && !area
            && ps
                .first()
                .is_some_and(|(_, p)| matches!(p.kind, "country" | "admin1" | "demonym"))
    });
    // Context: a neighbouring hit ("Dayton, Ohio") or a place preposition before the name.
    let n = resolved.len();
    let mut keep = vec![true; n];
    let mut surnames: HashSet<String> = HashSet::new();
    let mut longer: Vec<Span> = Vec::new();
    for k in 0..n {
        let (h, ps) = &resolved[k];
        if ps.is_empty() {
            keep[k] = false;
            continue;
        }
        let preposition = place_preposition_before(text, words, h);
        let beside = |o: usize| {
            let (a, b) = if o < k {
                (&resolved[o].0, h)
            } else {
                (h, &resolved[o].0)
            };
            comma_gap(&text[a.span.end.min(b.span.start)..b.span.start])
        };
        let neighbour = (k > 0 && beside(k - 1)) || (k + 1 < n && beside(k + 1));
        // A state or country whose country the article already names twice ("Georgia" in a
        // story about Atlanta) may stand alone; an ambiguous city needs the context itself.
        let known_region = ps
            .iter()
            .any(|(_, p)| matches!(p.kind, "admin1" | "country") && score(p.country) >= 2);
        let in_dateline = doc
            .dateline
            .as_ref()
            .is_some_and(|d| d.start <= h.span.start && h.span.end <= d.end);
        // The word glued after the hit, and whether it is an institution or place word
        // (looked up once for the two tests below).
        let after = words
            .get(h.last_word + 1)
            .filter(|n| joinable(text, &words[h.last_word], n))
            .map(|n| {
                let w = &text[n.start..n.end];
                (w, INSTITUTIONS.contains(w) || SUFFIXES.contains(w))
            });
        // "Franklin police said", "Jackson County": an institution or place word after it.
        let institution = after.is_some_and(|(w, place_word)| place_word || w == "police");
        // An ambiguous word glued to a following capitalized word is part of a longer name
        // ("West Baltimore", "North Side"), and an all-capitals short word outside the
        // dateline is an acronym or call sign ("KENS"), not a city.
        let glued_after = after.is_some_and(|(w, place_word)| capitalized(w) && !place_word);
        // "Wadi al-Tamar", "Puerto de la Cruz": a city name that a particle joins to a
        // capitalized word is the first word of a longer name the gazetteer lacks.
        let particle_after = words.get(h.last_word + 2).is_some_and(|n2| {
            let n1 = &words[h.last_word + 1];
            let w1 = &text[n1.start..n1.end];
            CONNECTOR_WORDS.contains(w1)
                && !matches!(w1, "and" | "of" | "the")
                && joinable(text, &words[h.last_word], n1)
                && joinable(text, n1, n2)
                && capitalized(&text[n2.start..n2.end])
        });
        if particle_after && ps[0].1.kind == "city" {
            keep[k] = false;
            continue;
        }
        let hit_text = &text[h.span.clone()];
        // "Tulsa County" in an Oklahoma story names the county after its city; "Rockdale
        // County" in a Georgia story is no Australian town.
        let foreign_county = area[k]
            && ps
                .iter()
                .all(|(_, p)| p.kind == "country" || score(p.country) == 0);
        if foreign_county || not_a_place_here(text, words, h) {
            keep[k] = false;
            continue;
        }
        let acronym = hit_text.len() <= 6
            && hit_text.chars().all(|c| c.is_ascii_uppercase())
            && ps[0].1.kind == "city";
        // "in March", "in May": a month or weekday is a date, whatever the gazetteer says.
        let calendar_word = is_calendar_word(hit_text);
        if (h.ambiguous && glued_after) || (acronym && !in_dateline) || calendar_word {
            keep[k] = false;
            continue;
        }
        if h.ambiguous
            && !(preposition
                || neighbour
                || in_dateline
                || institution
                || (known_region && !capitalized_neighbour(text, words, h)))
        {
            keep[k] = false;
            continue;
        }
        // Rule `a_small_city_glued_to_a_name_is_a_longer_local_name`: "from Wadi Barada",
        // "in Cano Colorada": after a place preposition, a small city (or a city found by
        // another of its names) glued to a capitalized word that is no place word starts a
        // longer local name the gazetteer lacks.
        if preposition && ps[0].1.kind == "city" {
            if let Some(span) = longer_local_name(text, words, h, ps[0].1, resolved.get(k + 1)) {
                keep[k] = false;
                longer.push(span);
                continue;
            }
        }
        // A city name inside a longer run of capitalized words is part of a person's or an
        // organization's name ("Paul Bailey", "Jackson Memorial"), unless a place word follows.
        // "Julio Rocha": a subdivision's name after a given name is a surname too.
        if ps[0].1.kind == "admin1" && !preposition && given_name_before(text, words, h) {
            keep[k] = false;
            surnames.insert(fold(&text[h.span.clone()]));
            continue;
        }
        // A comma after it does not make it a place on its own: in "Caribe Sur, Rivas" the
        // city "Sur" ends a longer name.
        if ps[0].1.kind == "city" && capitalized_neighbour(text, words, h) && !preposition {
            keep[k] = false;
            // After a given name it is a surname ("Paul Bailey"), everywhere in the article.
            if given_name_before(text, words, h) {
                surnames.insert(fold(&text[h.span.clone()]));
            }
            continue;
        }
        // A small foreign city named once, in an article that names other countries, is more
        // likely a word or a name than a place ("Kyle", "Farah").
        let foreign = ps
            .iter()
            .all(|(_, p)| p.kind == "city" && score(p.country) == 0);
        if foreign
            && any_votes
            && !preposition
            && !neighbour
            && !in_dateline
            && ps[0].1.population < 1_000_000
        {
            keep[k] = false;
        }
    }
    // A name once seen as part of a person's name ("Ana Velez") is not a place elsewhere
    // either ("Velez said"), unless a preposition says so.
    for k in (0..n).filter(|_| !surnames.is_empty()) {
        let h = &resolved[k].0;
        if keep[k]
            && !place_preposition_before(text, words, h)
            && surnames.contains(&fold(&text[h.span.clone()]))
        {
            keep[k] = false;
        }
    }
    // Sized for every hit kept (an upper bound of the gazetteer places) and a few places
    // found by their context: a `Location` is large, and growing the vector copies them all.
    let mut places = Places {
        locations: Vec::with_capacity(keep.iter().filter(|&&k| k).count() + 4),
        demonyms: Vec::new(),
    };
    // The last place kept: where its name ends, its country, and whether a comma came
    // before it (then it is inside a list of places).
    let mut prev: Option<(usize, &'static str, bool)> = None;
    let mut small_foreign: Vec<&'static str> = Vec::new();
    for (k, (h, ps)) in resolved.drain(..).enumerate() {
        if !keep[k] {
            continue;
        }
        let listed = text[..h.span.start].trim_end().ends_with(',');
        // "Great Yarmouth, Norfolk": a place that qualifies the one before it, known only
        // in other countries, is a local area the gazetteer lacks (a county, a district),
        // in the country of the place before it.
        if let Some((end, country, prev_listed)) = prev {
            let after = text[h.span.end..].trim_start();
            let qualifier = comma_gap(&text[end..h.span.start])
                && !prev_listed
                && !after.starts_with("and ")
                && !after.starts_with("or ")
                && ps.iter().all(|(_, p)| {
                    p.country != country && p.kind == "city" && p.population < 1_000_000
                });
            if qualifier {
                let ev = Evidence::from_bytes(text, h.span.start, h.span.end);
                add_place(&mut places, ev, Some(country));
                prev = None;
                continue;
            }
        }
        // The candidate whose country the article names most; ties keep gazetteer order.
        let (_, p) = ps
            .iter()
            .enumerate()
            .max_by_key(|(rank, (_, p))| {
                (
                    admin1s.binary_search(&p.admin1).is_ok(),
                    score(p.country),
                    std::cmp::Reverse(*rank),
                )
            })
            .map(|(_, x)| *x)
            .unwrap_or_else(|| ps[0]);
        if p.kind == "demonym" {
            places
                .demonyms
                .push((p.country.to_string(), h.span.clone()));
            continue;
        }
        prev = Some((h.span.end, p.country, listed));
        if p.kind == "city" && p.population < 200_000 {
            small_foreign.push(p.name);
        }
        // A compass word joins the mention of a city or subdivision, not of a country.
        let start = if p.kind == "country" {
            h.span.start
        } else {
            compass_start(text, words, h)
        };
        let ev = Evidence::from_bytes(text, start, h.span.end);
        match places.locations.iter_mut().find(|l| {
            l.name == p.name && l.country.as_deref() == Some(p.country) && l.kind == p.kind
        }) {
            Some(l) => l.mentions.push(ev),
            None => {
                let (lat, lon) = p.coordinates();
                places.locations.push(Location {
                    name: p.name.into(),
                    kind: p.kind.into(),
                    country: Some(p.country.into()),
                    admin1: (!p.admin1.is_empty()).then(|| p.admin1.into()),
                    lat,
                    lon,
                    mentions: vec![ev],
                });
            }
        }
    }
    localize_small_foreign_towns(&mut places, &small_foreign);
    add_context_places(doc, words, triggers, &mut places, longer);
    places
}

/// `a == b` for short strings (country codes, words), compared in a loop: `==` calls
/// `memcmp` when the lengths are only known at run time, which costs more than the few
/// bytes compared here (`same_str_is_eq` in the tests).
#[inline]
fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Whether `gap` is a comma between white space (`gap.trim() == ","`, the plain form kept in
/// the tests): the gaps between hits are mostly long runs of words, turned away at their first
/// ASCII byte that is neither white space nor a comma instead of being trimmed.
fn comma_gap(gap: &str) -> bool {
    let mut commas = 0;
    for &b in gap.as_bytes() {
        match b {
            b',' => commas += 1,
            // The ASCII characters `char::is_whitespace` accepts.
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => {}
            // Inside what trimming leaves, and not a comma.
            _ if b.is_ascii() => return false,
            // Unicode white space, or another character: the plain form decides.
            _ => return gap.trim() == ",",
        }
    }
    commas == 1
}

/// Where a mention starts: at a compass word glued before the name ("west Aleppo", "East
/// Mosul" name a part of the city; the mention says so), else at the name.
fn compass_start(text: &str, words: &[Word], h: &Hit) -> usize {
    h.first_word
        .checked_sub(1)
        .map(|i| words[i])
        .filter(|p| {
            let w = &text[p.start..p.end];
            joinable(text, p, &words[h.first_word])
                && DIRECTIONS[..4].iter().any(|d| d.eq_ignore_ascii_case(w))
        })
        .map_or(h.span.start, |p| p.start)
}

/// The longer name that a small city's hit starts ("Wadi Barada" for the hit "Wadi"), when
/// a capitalized word that is no place word, date or other hit follows it.
fn longer_local_name(
    text: &str,
    words: &[Word],
    h: &Hit,
    p: &Candidate,
    next_hit: Option<&(&Hit, Candidates<'_>)>,
) -> Option<Span> {
    let small = p.population < 100_000 || fold(&text[h.span.clone()]) != fold(p.name);
    let n = words.get(h.last_word + 1)?;
    let w = &text[n.start..n.end];
    let name_word = joinable(text, &words[h.last_word], n)
        && capitalized(w)
        && !INSTITUTIONS.contains(w)
        && !SUFFIXES.contains(w)
        && !MODIFIERS.contains(w)
        && !is_not_place(w)
        && !is_generic_place_word(w)
        && next_hit.is_none_or(|(o, _)| o.first_word != h.last_word + 1);
    if !small || !name_word {
        return None;
    }
    let last = cap_run(text, words, h.first_word)?;
    (last > h.last_word && plausible_place(&text[h.span.start..words[last].end]))
        .then(|| h.span.start..words[last].end)
}

/// "in Whitehaven" in an article set in Memphis: a small town known only in another
/// country, in an article whose other places are all in one country, is a local place of
/// that country with the same name (a neighbourhood, a village), without coordinates. So is
/// a small town of a country the article never names in any other way, when the article
/// names one country at least twice by its name or a demonym and names it most: the town
/// goes to that country ("Cifuentes" in a story full of Honduran places and soldiers is no
/// Cuban town).
fn localize_small_foreign_towns(places: &mut Places, small_foreign: &[&str]) {
    // Per country, counted once so that the loop below stays linear: the locations in it,
    // those that are no small town, its weight for the main country (two a place mention,
    // one a demonym) and how often it is named by its name or a demonym.
    #[derive(Default, Clone, Copy)]
    struct Tally {
        locations: usize,
        not_small: usize,
        weight: usize,
        named: usize,
    }
    let small: HashSet<&str, WordBuildHasher> = small_foreign.iter().copied().collect();
    let mut tallies: Vec<(String, Tally)> = Vec::new();
    fn tally<'t>(tallies: &'t mut Vec<(String, Tally)>, c: &str) -> &'t mut Tally {
        let i = match tallies.iter().position(|t| t.0 == c) {
            Some(i) => i,
            None => {
                tallies.push((c.to_string(), Tally::default()));
                tallies.len() - 1
            }
        };
        &mut tallies[i].1
    }
    let mut first_city: HashMap<&str, usize, WordBuildHasher> = HashMap::default();
    for (i, l) in places.locations.iter().enumerate() {
        let Some(c) = &l.country else { continue };
        let small_town = l.kind == "city" && small.contains(&*l.name);
        if small_town {
            first_city.entry(&*l.name).or_insert(i);
        }
        let t = tally(&mut tallies, c);
        t.locations += 1;
        t.not_small += usize::from(!small_town);
        t.weight += 2 * l.mentions.len();
        if l.kind == "country" {
            t.named += l.mentions.len();
        }
    }
    for (c, _) in &places.demonyms {
        let t = tally(&mut tallies, c);
        t.weight += 1;
        t.named += 1;
    }
    let mut towns: Vec<usize> = first_city.into_values().collect();
    towns.sort_unstable();
    let with_country = places
        .locations
        .iter()
        .filter(|l| l.country.is_some())
        .count();
    for i in towns {
        let own = places.locations[i].country.clone().unwrap_or_default();
        let mine = places.locations[i].mentions.len();
        // The tallies without this town.
        let without = |c: &str, t: &Tally| {
            let me = c == own;
            Tally {
                locations: t.locations - usize::from(me),
                not_small: t.not_small,
                weight: t.weight - if me { 2 * mine } else { 0 },
                named: t.named,
            }
        };
        let others: Vec<(&str, Tally)> = tallies
            .iter()
            .map(|(c, t)| (c.as_str(), without(c, t)))
            .collect();
        let mut present = others.iter().filter(|x| x.1.locations > 0);
        let one_country = match (present.next(), present.next()) {
            (Some(h), None) if with_country > 2 => Some(h.0.to_string()),
            _ => None,
        };
        // The country named most (twice at least) must also lead the article's other places.
        let top = others.iter().max_by_key(|x| x.1.weight).map(|x| x.0);
        let named_home = others
            .iter()
            .max_by_key(|x| x.1.named)
            .filter(|x| x.1.named >= 2 && top == Some(x.0))
            .map(|x| x.0.to_string());
        let unnamed = others
            .iter()
            .find(|x| x.0 == own)
            .is_none_or(|x| x.1.not_small == 0 && x.1.named == 0);
        let Some(home) = one_country.or(named_home.filter(|_| unnamed)) else {
            continue;
        };
        if own == home {
            continue;
        }
        tally(&mut tallies, &own).locations -= 1;
        tally(&mut tallies, &own).weight -= 2 * mine;
        let t = tally(&mut tallies, &home);
        t.locations += 1;
        t.not_small += 1;
        t.weight += 2 * mine;
        let l = &mut places.locations[i];
        l.name = l
            .mentions
            .first()
            .map_or(l.name.clone(), |m| m.text.clone().into());
        l.kind = "place".into();
        l.country = Some(home.into());
        l.admin1 = None;
        l.lat = None;
        l.lon = None;
    }
}

/// Words before a capitalized name that make it a storm's name ("Typhoon Haima",
/// "tropical storm Tokage"), not a place.
const STORM_WORDS: &[&str] = &["storm", "typhoon", "hurricane", "cyclone", "depression"];

/// Capitalized words after a name that make it the name of a local area the gazetteer lacks
/// ("Rockdale County", "Prince George's County", "Red River Parish"), not the city or state
/// of that name; the context rules add the area itself.
const AREA_SUFFIXES: &[&str] = &["County", "Parish", "Borough", "Township"];

/// Hits that the words around them show are no place, whatever the gazetteer says: a
/// storm's name (rule `storm_names_are_no_places`), a lower-case two-letter word taken for a
/// postal code ("In" for Indiana), a model number ("AR-15") and a compass word without a
/// subdivision word after it.
fn not_a_place_here(text: &str, words: &[Word], h: &Hit) -> bool {
    let storm = prev_word(text, words, h.first_word)
        .is_some_and(|p| STORM_WORDS.iter().any(|s| s.eq_ignore_ascii_case(p)));
    let hit_text = &text[h.span.clone()];
    let small_code = hit_text.len() == 2 && hit_text.bytes().any(|b| b.is_ascii_lowercase());
    let model = {
        let rest = &text.as_bytes()[h.span.end..];
        rest.len() >= 2 && rest[0] == b'-' && rest[1].is_ascii_digit()
    };
    // "South America", "Latin America": a continent, not the United States.
    let continent = hit_text == "America"
        && prev_word(text, words, h.first_word)
            .is_some_and(|p| matches!(p, "South" | "North" | "Latin" | "Central"));
    storm || small_code || model || continent || bare_compass_alone(text, words, h)
}

/// Rule `a_compass_word_is_a_region_only_before_a_region_word`: "Central" and "Western" are
/// subdivisions ("the Central and Alto Parana departments", "Western Region") only when a
/// subdivision word follows them, directly or at the end of a list of names; else they are
/// adjectives ("Western donors", "Central and Eastern Visayas").
fn bare_compass_alone(text: &str, words: &[Word], h: &Hit) -> bool {
    const SUBDIVISION_WORDS: &[&str] = &[
        "region",
        "regions",
        "province",
        "provinces",
        "department",
        "departments",
        "state",
        "states",
        "district",
        "districts",
        "governorate",
        "governorates",
        "division",
        "divisions",
    ];
    // Read once: this test runs for every hit.
    static COMPASS: LazyLock<WordList> =
        LazyLock::new(|| WordList::new(crate::vocab::entries(COMPASS_WORDS)));
    if h.first_word != h.last_word || !COMPASS.contains_ci(&text[h.span.clone()]) {
        return false;
    }
    for k in h.last_word + 1..(h.last_word + 7).min(words.len()) {
        let gap = text[words[k - 1].end..words[k].start].trim();
        let w = &text[words[k].start..words[k].end];
        if !(gap.is_empty() || gap == ",") {
            return true;
        }
        if SUBDIVISION_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)) {
            return false;
        }
        if !(capitalized(w) || w == "and") {
            return true;
        }
    }
    true
}

/// True when a county-like word follows the hit ("Rockdale County", "Prince George's
/// County"): the name may be the county's rather than the gazetteer place's.
fn before_area_suffix(text: &str, words: &[Word], h: &Hit) -> bool {
    words.get(h.last_word + 1).is_some_and(|n| {
        joinable_or_possessive(text, &words[h.last_word], n)
            && AREA_SUFFIXES.contains(&&text[n.start..n.end])
    })
}

/// True when the hit is glued to a capitalized word that is not a place word, on either side.
fn capitalized_neighbour(text: &str, words: &[Word], h: &Hit) -> bool {
    let before = h
        .first_word
        .checked_sub(1)
        .map(|i| words[i])
        .filter(|p| joinable(text, p, &words[h.first_word]));
    let after = words
        .get(h.last_word + 1)
        .copied()
        .filter(|n| joinable(text, &words[h.last_word], n));
    let cap = |w: Option<Word>| {
        w.is_some_and(|w| {
            let s = &text[w.start..w.end];
            capitalized(s)
                && !INSTITUTIONS.contains(s)
                && !SUFFIXES.contains(s)
                && !MODIFIERS.contains(s)
        })
    };
    let sentence_start = |w: Word| {
        text[..w.start]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '“'])
            || text[..w.start].trim_end().is_empty()
    };
    (cap(before) && !before.is_some_and(sentence_start)) || cap(after)
}

/// Capitalized words before a place name that do not make it part of another name
/// ("Southwest Philadelphia", "Greater Manchester", "Downtown Dayton").
const PLACE_MODIFIERS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Downtown",
    "Greater",
    "Upper",
    "Lower",
    "Inner",
    "Outer",
    "Old",
    "Metro",
    "Suburban",
    "Rural",
    "Uptown",
    "Midtown",
];

/// True when the word before the hit is a common given name ("Paul" Bailey).
fn given_name_before(text: &str, words: &[Word], h: &Hit) -> bool {
    h.first_word
        .checked_sub(1)
        .map(|i| words[i])
        .filter(|p| joinable(text, p, &words[h.first_word]))
        .is_some_and(|p| is_given_name(&text[p.start..p.end]))
}

/// Capitalized words that follow a place name without making it part of a person's name.
const INSTITUTION_WORDS: &[&str] = &[
    "Police",
    "County",
    "City",
    "Mayor",
    "Sheriff",
    "Fire",
    "Department",
    "University",
    "Hospital",
    "Airport",
    "Province",
    "State",
    "Region",
    "River",
    "Valley",
    "Mountains",
    "Township",
    "Township's",
    "Council",
    "Governor",
    "Court",
    "Street",
    "Road",
    "Avenue",
    "Bridge",
    "Station",
    "Metro",
    "Area",
    "Bay",
    "Harbor",
    "Harbour",
    "Port",
    "Lake",
];

/// Smaller places named by their context: "X County", "the town of X", "the village of X".
/// `triggers` are the words whose shape is a trigger's (see [`words_and_triggers`]).
fn add_context_places(
    doc: &Document,
    words: &[Word],
    triggers: &mut Vec<usize>,
    places: &mut Places,
    longer: Vec<Span>,
) {
    let text = doc.text;
    let main_country = main_country(places);
    // Rule `counties_are_american_unless_the_article_says_otherwise`: "Box Elder County",
    // "Red River Parish" are in the United States when the article names a place there or
    // no country at all, else in the article's main country.
    let area_country = if places
        .locations
        .iter()
        .any(|l| l.country.as_deref() == Some("US"))
    {
        Some("US".to_string())
    } else {
        main_country.clone().or_else(|| Some("US".to_string()))
    };
    // Spans already taken by gazetteer places, sorted, for a binary-search overlap test
    // (checking every mention for every candidate would be quadratic on long inputs).
    let mut taken: Vec<(usize, usize)> = places
        .locations
        .iter()
        .flat_map(|l| l.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    taken.sort_unstable();
    let overlaps_taken = |taken: &[(usize, usize)], span: &Span| {
        let i = taken.partition_point(|t| t.0 < span.end);
        // Mentions never overlap each other, so only the last one starting before the end
        // of `span` can reach into it.
        i > 0 && taken[i - 1].1 > span.start
    };
    // Names found by one rule: usually one, two for "X and Y districts" or "from X and Y".
    let mut pending: Vec<Span> = Vec::new();
    // The words that may start a rule or a longer name, in order: every other word would
    // be skipped below without changing anything (the longer names before a word are
    // dropped at the next word visited just as well).
    let visit = triggers;
    for l in &longer {
        let k = words.partition_point(|w| w.start < l.start);
        if words.get(k).is_some_and(|w| w.start == l.start) {
            visit.push(k);
        }
    }
    if !longer.is_empty() {
        visit.sort_unstable();
        visit.dedup();
    }
    // The longer local names found while resolving, in text order.
    let mut longer = longer.into_iter().peekable();
    let table = &*TRIGGERS;
    let mut fold_buf = String::new();
    for &i in visit.iter() {
        let w = &words[i];
        while longer.peek().is_some_and(|l| l.start < w.start) {
            longer.next();
        }
        // Most words start no rule and no longer name: one table look-up says which lists
        // hold the word, before anything else.
        let longer_here = longer.peek().is_some_and(|l| l.start == w.start);
        let kind = table.kind_at(text, w);
        if !longer_here && kind == 0 {
            continue;
        }
        let s = &text[w.start..w.end];
        pending.clear();
        let span = if let Some(l) = longer.next_if(|l| l.start == w.start) {
            l
        } else if kind & trigger::SUFFIX != 0 {
            // Capitalized words before the suffix.
            let mut k = i;
            while k > 0
                && (joinable(text, &words[k - 1], &words[k])
                    || k == i && joinable_or_possessive(text, &words[k - 1], &words[k]))
                && capitalized(&text[words[k - 1].start..words[k - 1].end])
                && !matches!(
                    &text[words[k - 1].start..words[k - 1].end],
                    "The" | "A" | "An"
                )
                && k + 3 > i
            {
                k -= 1;
            }
            if k == i {
                continue;
            }
            words[k].start..w.end
        } else if kind & trigger::NOUN_BEFORE_OF != 0
            && words
                .get(i + 1)
                .is_some_and(|n| &text[n.start..n.end] == "of")
        {
            // "the town of Pital de la Conta"; "the provinces of Caribe Sur, Rivas and
            // Zelaya Central": every name of the list.
            let Some(first) = words.get(i + 2) else {
                continue;
            };
            let Some(end) = cap_run(text, words, i + 2) else {
                continue;
            };
            if s.ends_with('s') {
                let mut last = end;
                while let Some(sep) = words.get(last + 1) {
                    let gap = text[words[last].end..sep.start].trim();
                    let (next, ok) = if gap == "," {
                        let and = &text[sep.start..sep.end] == "and";
                        (last + 1 + usize::from(and), true)
                    } else {
                        (
                            last + 2,
                            gap.is_empty() && &text[sep.start..sep.end] == "and",
                        )
                    };
                    let Some(l2) = cap_run(text, words, next).filter(|_| ok) else {
                        break;
                    };
                    pending.push(words[next].start..words[l2].end);
                    last = l2;
                }
            }
            first.start..words[end].end
        } else if kind & (trigger::LOWER_PLACE | trigger::GENERIC) != 0 && i > 0 {
            // "Maungdaw district", "Kamandi village", "Yamabal Canton": capitalized words
            // before the word; the generic word is left out of the name. Not "the Mexican
            // state of Guerrero" (an adjective, and the place follows "of").
            let Some(first) = cap_run_back(text, words, i - 1) else {
                continue;
            };
            let of_follows = words
                .get(i + 1)
                .is_some_and(|n| &text[n.start..n.end] == "of");
            fold_buf.clear();
            fold_into(&text[words[first].start..words[i - 1].end], &mut fold_buf);
            let demonym = lookup(&fold_buf)
                .first()
                .and_then(|&id| candidate_ref(id))
                .is_some_and(|p| p.kind == "demonym");
            if of_follows || demonym {
                continue;
            }
            // "Dhubab and Mokha districts": a plural names both.
            if s.ends_with('s')
                && first >= 2
                && &text[words[first - 1].start..words[first - 1].end] == "and"
            {
                if let Some(other) = cap_run_back(text, words, first - 2) {
                    pending.push(words[other].start..words[first - 2].end);
                }
            }
            // "the Pacific Coast": a capitalized "Coast" is part of the name.
            let end = if s == "Coast" {
                w.end
            } else {
                words[i - 1].end
            };
            words[first].start..end
        } else if kind & trigger::FROM != 0 {
            // "from Doradal to Medellin", "from Bakala and Ndassima to Bambari": a run of
            // capitalized words between "from" and "to" or "and".
            let Some(last) = cap_run(text, words, i + 1) else {
                continue;
            };
            let next = words.get(last + 1).map(|n| &text[n.start..n.end]);
            let after = words.get(last + 2).map(|n| &text[n.start..n.end]);
            if !matches!(next, Some("to" | "and")) || !after.is_some_and(capitalized) {
                continue;
            }
            if next == Some("and") {
                if let Some(l2) = cap_run(text, words, last + 2) {
                    pending.push(words[last + 2].start..words[l2].end);
                }
            }
            words[i + 1].start..words[last].end
        } else if kind & trigger::DIRECTION != 0
            && words
                .get(i + 1)
                .is_some_and(|n| &text[n.start..n.end] == "of")
            && i > 0
            && text[words[i - 1].end..w.start].trim() == ","
        {
            // "San Jose Villanueva, south of San Salvador": the run before the comma.
            let Some(first) = cap_run_back(text, words, i - 1) else {
                continue;
            };
            words[first].start..words[i - 1].end
        } else if kind & trigger::PREPOSITION != 0 {
            // "clashes in Kodok": capitalized words after a place preposition.
            let Some(first) = words.get(i + 1) else {
                continue;
            };
            if !joinable(text, w, first) && &text[w.end..first.start] != " " {
                continue;
            }
            let Some(mut last) = cap_run(text, words, i + 1) else {
                continue;
            };
            // "in Yamabal Canton": the generic word is not part of the name.
            if last > i + 1 && is_generic_place_word(&text[words[last].start..words[last].end]) {
                last -= 1;
            }
            // "in Badia al-Sukhnah and Badia al-Sham": both.
            if words
                .get(last + 1)
                .is_some_and(|n| &text[n.start..n.end] == "and")
            {
                if let Some(l2) = cap_run(text, words, last + 2) {
                    pending.push(words[last + 2].start..words[l2].end);
                }
            }
            first.start..words[last].end
        } else {
            continue;
        };
        pending.push(span);
        for mut span in pending.drain(..) {
            // "Maca." at the end of a sentence: the period is not part of the name.
            if text[span.clone()].ends_with('.')
                && text[span.clone()]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.len() > 4)
            {
                span.end -= 1;
            }
            let name = &text[span.clone()];
            if !plausible_place(name) || overlaps_taken(&taken, &span) {
                continue;
            }
            let at = taken.partition_point(|t| t.0 < span.start);
            taken.insert(at, (span.start, span.end));
            add_place(
                places,
                Evidence::from_bytes(text, span.start, span.end),
                if name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| AREA_SUFFIXES.contains(&last))
                {
                    area_country.as_deref()
                } else {
                    main_country.as_deref()
                },
            );
        }
    }
    places
        .locations
        .sort_by_key(|l| l.mentions.first().map_or(usize::MAX, |m| m.start));
}

/// Place nouns before "of" that name the place after it ("the town of X", "the provinces of
/// X, Y and Z").
const PLACE_NOUNS_BEFORE_OF: &[&str] = &[
    "town",
    "village",
    "city",
    "district",
    "township",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "locality",
    "canton",
    "municipality",
    "province",
    "region",
    "island",
    "hamlet",
    "commune",
    "settlement",
    "towns",
    "villages",
    "cities",
    "districts",
    "provinces",
    "regions",
    "departments",
    "municipalities",
    "communes",
    "neighborhoods",
    "neighbourhoods",
];

/// Words after which capitalized words are a place ("clashes in Kodok").
const CONTEXT_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "outside",
    "around",
    "across",
    "towards",
    "through",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// The lists that hold each word that starts a rule of [`add_context_places`]: the word is
/// looked up once, instead of once in each list (`trigger_kind_plain` in the tests is the
/// plain form, the lists asked one by one).
static TRIGGERS: LazyLock<TriggerTable> = LazyLock::new(TriggerTable::new);

/// The lists of [`TriggerTable::kind`], a bit each.
mod trigger {
    /// [`super::PLACE_SUFFIXES`], as written.
    pub const SUFFIX: u8 = 1;
    /// [`super::PLACE_NOUNS_BEFORE_OF`], as written.
    pub const NOUN_BEFORE_OF: u8 = 2;
    /// [`super::LOWER_PLACE_WORDS`], as written.
    pub const LOWER_PLACE: u8 = 4;
    /// [`super::GENERIC_PLACE_WORDS`], in any ASCII case.
    pub const GENERIC: u8 = 8;
    /// "from", as written.
    pub const FROM: u8 = 16;
    /// [`super::DIRECTIONS`], as written.
    pub const DIRECTION: u8 = 32;
    /// [`super::CONTEXT_PREPOSITIONS`], as written.
    pub const PREPOSITION: u8 = 64;
}

/// The trigger words by their [`ShapeFilter`] shape, with the lists each one is in: words
/// of one shape are few (mostly one), so a word is compared with those of its shape only.
struct TriggerTable {
    /// Per shape, 1 + the index in `entries` of the first word of that shape (0: none).
    first: Box<[u16]>,
    /// The distinct trigger words (as written) sorted by shape: the shape, the word, the
    /// lists that hold it as written and those that hold it in any case.
    entries: Vec<(usize, &'static str, u8, u8)>,
    /// Per entry, in the same order: its shape and lists again, and its word's first eight
    /// bytes as [`swar::load`] reads them (missing bytes zero), as written and with ASCII
    /// capitals made small ([`ascii_lower`]), so that a word of up to eight bytes is
    /// compared at once ([`TriggerTable::kind_at`]).
    heads: Vec<TriggerHead>,
}

/// An entry of [`TriggerTable`] as [`TriggerTable::kind_at`] reads it.
struct TriggerHead {
    shape: usize,
    as_written: u8,
    any_case: u8,
    head: u64,
    head_lower: u64,
}

impl TriggerTable {
    fn new() -> TriggerTable {
        let exact: [(&[&'static str], u8); 6] = [
            (PLACE_SUFFIXES, trigger::SUFFIX),
            (PLACE_NOUNS_BEFORE_OF, trigger::NOUN_BEFORE_OF),
            (LOWER_PLACE_WORDS, trigger::LOWER_PLACE),
            (&["from"], trigger::FROM),
            (DIRECTIONS, trigger::DIRECTION),
            (CONTEXT_PREPOSITIONS, trigger::PREPOSITION),
        ];
        let mut entries: Vec<(usize, &'static str, u8, u8)> = Vec::new();
        for w in context_trigger_words() {
            if entries.iter().any(|e| e.1 == w) {
                continue;
            }
            let as_written = exact
                .iter()
                .filter(|(list, _)| list.contains(&w))
                .fold(0, |k, (_, bit)| k | bit);
            let any_case = if GENERIC_PLACE_WORDS.contains(&w) {
                trigger::GENERIC
            } else {
                0
            };
            entries.push((ShapeFilter::shape(w.as_bytes()), w, as_written, any_case));
        }
        entries.sort_by_key(|e| e.0);
        let mut first = vec![0u16; 1 << 14].into_boxed_slice();
        for (i, e) in entries.iter().enumerate().rev() {
            first[e.0] = (i + 1) as u16;
        }
        let heads = entries
            .iter()
            .map(|e| {
                let head = le_head(e.1.as_bytes());
                TriggerHead {
                    shape: e.0,
                    as_written: e.2,
                    any_case: e.3,
                    head,
                    head_lower: ascii_lower(head),
                }
            })
            .collect();
        TriggerTable {
            first,
            entries,
            heads,
        }
    }

    /// [`TriggerTable::kind`] of the word `w` of `text`: a word of up to eight bytes (most)
    /// is read at once in the eight bytes from its start, when the text holds them, and
    /// compared with the words of its shape as one number each, instead of slicing it and
    /// comparing it byte by byte (`kind_at_is_kind` in the tests).
    ///
    /// The shape of the low `len` bytes is [`ShapeFilter::shape`]'s: their count and the low
    /// five bits of the first two (zero for a missing second byte, masked off). All the
    /// words of a shape of up to eight bytes have that many bytes, so equal numbers are
    /// equal words, and equal [`ascii_lower`] forms words equal but for ASCII case
    /// (`eq_ignore_ascii_case`).
    #[inline]
    fn kind_at(&self, text: &str, w: &Word) -> u8 {
        let len = w.end.wrapping_sub(w.start);
        let x = match swar::load(text.as_bytes(), w.start) {
            Some(x) if (1..=8).contains(&len) => x & (u64::MAX >> (8 * (8 - len))),
            _ => return self.kind_of_slice(text, w),
        };
        let shape = len << 10 | ((x & 31) << 5 | (x >> 8) & 31) as usize;
        let mut k = match self.first.get(shape) {
            Some(&i) if i != 0 => usize::from(i) - 1,
            _ => return 0,
        };
        let lower = ascii_lower(x);
        let mut kind = 0;
        while let Some(e) = self.heads.get(k).filter(|e| e.shape == shape) {
            if e.head == x {
                kind |= e.as_written;
            }
            if e.head_lower == lower {
                kind |= e.any_case;
            }
            k += 1;
        }
        kind
    }

    /// [`TriggerTable::kind`] of the word `w` of `text` sliced out of it: the rare words
    /// longer than eight bytes, or too near the end of the text to be read at once.
    #[cold]
    #[inline(never)]
    fn kind_of_slice(&self, text: &str, w: &Word) -> u8 {
        text.get(w.start..w.end).map_or(0, |s| self.kind(s))
    }

    /// The [`trigger`] bits of the lists that hold `w` (0 for most words).
    fn kind(&self, w: &str) -> u8 {
        let shape = ShapeFilter::shape(w.as_bytes());
        let Some(at) = self
            .first
            .get(shape)
            .and_then(|&i| usize::from(i).checked_sub(1))
        else {
            return 0;
        };
        let mut kind = 0;
        for e in self.entries.iter().skip(at).take_while(|e| e.0 == shape) {
            if same_str(e.1, w) {
                kind |= e.2;
            }
            if e.3 != 0 && e.1.eq_ignore_ascii_case(w) {
                kind |= e.3;
            }
        }
        kind
    }
}

/// The first eight bytes of `b` as [`swar::load`] reads them (byte `k` in bits `8k..8k+8`),
/// missing bytes as zeros.
fn le_head(b: &[u8]) -> u64 {
    b.iter()
        .take(8)
        .enumerate()
        .fold(0, |x, (k, &c)| x | u64::from(c) << (8 * k))
}

/// `x` with each byte that is an ASCII capital made small (bit 5 set), every other byte as
/// it is: [`u8::to_ascii_lowercase`] of each byte, eight at a time (`ascii_lower_is_plain`
/// in the tests).
fn ascii_lower(x: u64) -> u64 {
    let ascii = !x & swar::HIGH_BITS;
    let v = x & !swar::HIGH_BITS;
    let at_least = (v | swar::HIGH_BITS) - swar::splat(b'A');
    let at_most = (swar::splat(b'Z') | swar::HIGH_BITS) - v;
    x | ((at_least & at_most & ascii) >> 2)
}

/// The trigger words: those of [`TRIGGERS`] and [`TRIGGER_SHAPES`].
fn context_trigger_words() -> Vec<&'static str> {
    [
        PLACE_SUFFIXES,
        PLACE_NOUNS_BEFORE_OF,
        LOWER_PLACE_WORDS,
        GENERIC_PLACE_WORDS,
        &["from"],
        DIRECTIONS,
        CONTEXT_PREPOSITIONS,
    ]
    .concat()
}

/// The shapes of the trigger words ([`context_trigger_words`]): asked for every word of an article, it turns
/// away almost all of them ("the", "of", "said") with one bit test, before the word is
/// hashed.
static TRIGGER_SHAPES: LazyLock<ShapeFilter> =
    LazyLock::new(|| ShapeFilter::new(context_trigger_words()));

/// A filter of words by their length and first two letters, ignoring ASCII case: false
/// when no word of the list has that shape, true when one may. Most short common words share
/// their first letters with some list word but not also their length.
struct ShapeFilter {
    /// A bit per (length capped at 15, low five bits of the first byte, of the second).
    /// The low five bits of a letter are those of its other case; other bytes share bits
    /// with letters, which only lets a few more words by.
    bits: [u64; 256],
}

impl ShapeFilter {
    fn new(list: impl IntoIterator<Item = &'static str>) -> ShapeFilter {
        let mut f = ShapeFilter { bits: [0; 256] };
        for w in list {
            let (i, bit) = ShapeFilter::slot(w.as_bytes());
            f.bits[i] |= bit;
        }
        f
    }

    /// The shape of `w`: its length capped at 15, and the low five bits of its first two
    /// bytes (14 bits in all).
    fn shape(w: &[u8]) -> usize {
        let (b0, b1) = match *w {
            [] => (0, 0),
            [a] => (a, 0),
            [a, b, ..] => (a, b),
        };
        w.len().min(15) << 10 | usize::from(b0 & 31) << 5 | usize::from(b1 & 31)
    }

    /// The word and bit of `w`'s shape.
    fn slot(w: &[u8]) -> (usize, u64) {
        let shape = ShapeFilter::shape(w);
        (shape >> 6, 1 << (shape & 63))
    }

    /// Whether a word of the list may be `w` (ignoring ASCII case).
    fn may_contain(&self, w: &[u8]) -> bool {
        let (i, bit) = ShapeFilter::slot(w);
        self.bits[i] & bit != 0
    }
}

/// The word lists asked about every hit or every word, as [`WordList`]s (a filter turns most
/// words away before any comparison).
static INSTITUTIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(INSTITUTION_WORDS.iter().copied()));
static SUFFIXES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(PLACE_SUFFIXES.iter().copied()));
static MODIFIERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(PLACE_MODIFIERS.iter().copied()));
static CONNECTOR_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(CONNECTORS.iter().copied()));
static PREPOSITIONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(PLACE_PREPOSITIONS.iter().copied()));

/// A mention of a place the gazetteer lacks (kind `place`, named as written, no
/// coordinates): a further mention of a place of that name, else a new place in `country`.
/// The country is copied only for a new place (most calls find the place).
fn add_place(places: &mut Places, ev: Evidence, country: Option<&str>) {
    match places
        .locations
        .iter_mut()
        .find(|l| l.name == ev.text && l.kind == "place")
    {
        Some(l) => l.mentions.push(ev),
        None => places.locations.push(Location {
            name: ev.text.clone().into(),
            kind: "place".into(),
            country: country.map(|c| c.to_string().into()),
            admin1: None,
            lat: None,
            lon: None,
            mentions: vec![ev],
        }),
    }
}

fn is_generic_place_word(w: &str) -> bool {
    static GENERIC: LazyLock<WordList> =
        LazyLock::new(|| WordList::new(GENERIC_PLACE_WORDS.iter().copied()));
    GENERIC.contains_ci(w)
}

/// Lowercase words after a name that make it a place ("Maungdaw district").
const LOWER_PLACE_WORDS: &[&str] = &[
    "district",
    "village",
    "town",
    "locality",
    "camp",
    "area",
    "region",
    "province",
    "municipality",
    "commune",
    "governorate",
    "prefecture",
    "division",
    "subdistrict",
    "sub-district",
    "hamlet",
    "settlement",
    "neighborhood",
    "neighbourhood",
    "township",
    "jurisdiction",
    "state",
    "districts",
    "villages",
    "towns",
    "provinces",
    "neighborhoods",
    "neighbourhoods",
    "regions",
    "camps",
];

/// Generic geographic words after a name, in either case ("Java island", "Yamabal Canton",
/// "the Norfolk coast"): the name before them is a place.
const GENERIC_PLACE_WORDS: &[&str] = &["canton", "island", "atoll", "lake", "coast"];

/// Compass directions that, as "X, south of Y", place X.
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Capitalized words that are not places after "in" ("in March", "in Parliament"). The
/// first 19 are the months and weekdays.
const NOT_PLACES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "A",
    "An",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Congress",
    "Parliament",
    "Court",
    "Government",
    "English",
    "Spanish",
    "French",
    "Arabic",
    "Christmas",
    "Easter",
    "Ramadan",
    "God",
    "Islam",
    "Christianity",
    "Internet",
    "Facebook",
    "Twitter",
    "Instagram",
    "YouTube",
    "Google",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
    "January's",
    "Senate",
    "Assembly",
    "Cabinet",
    "Office",
    "Hospital",
    "Police",
    "Army",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "General",
    "President",
    "Minister",
    "Total",
    "Africa",
    "Europe",
    "Asia",
    "America",
    "Oceania",
    "All",
    "Some",
    "Many",
];

/// Whether `w` is a month or a weekday as written (the first 19 of [`NOT_PLACES`]).
fn is_calendar_word(w: &str) -> bool {
    static SET: LazyLock<WordList> =
        LazyLock::new(|| WordList::new(NOT_PLACES[..19].iter().copied()));
    SET.contains(w)
}

/// Whether `w` is one of [`NOT_PLACES`] (a filter rejects most words first).
fn is_not_place(w: &str) -> bool {
    static SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(NOT_PLACES.iter().copied()));
    SET.contains(w)
}

/// The index of the last word of a run of up to three capitalized words starting at `i`; a
/// particle may join two of them ("Badia al-Sham", "Pital de la Conta").
fn cap_run(text: &str, words: &[Word], i: usize) -> Option<usize> {
    let first = words.get(i)?;
    if !capitalized(&text[first.start..first.end]) {
        return None;
    }
    let word = |k: usize| &text[words[k].start..words[k].end];
    let mut end = i;
    let mut particles = 0;
    // "Maca. Rescue": a period ends the name, except after a short abbreviation ("St.").
    let sentence_end = |k: usize| word(k).ends_with('.') && word(k).len() > 3;
    while end + 1 < words.len()
        && end < i + 2 + particles
        && !sentence_end(end)
        && joinable(text, &words[end], &words[end + 1])
    {
        if capitalized(word(end + 1)) {
            end += 1;
            continue;
        }
        // Up to two particles, then a capitalized word.
        let mut k = end + 1;
        while k < words.len()
            && k < end + 3
            && CONNECTOR_WORDS.contains(word(k))
            && word(k) != "and"
            && word(k) != "of"
            && k + 1 < words.len()
            && joinable(text, &words[k], &words[k + 1])
        {
            k += 1;
        }
        if k == end + 1 || k >= words.len() || !capitalized(word(k)) {
            break;
        }
        particles += k - end - 1;
        end = k;
    }
    Some(end)
}

/// The index of the first word of a run of up to three capitalized words ending at `i`.
fn cap_run_back(text: &str, words: &[Word], i: usize) -> Option<usize> {
    let last = words.get(i)?;
    if !capitalized(&text[last.start..last.end]) {
        return None;
    }
    let mut first = i;
    while first > 0
        && first + 2 > i
        && joinable(text, &words[first - 1], &words[first])
        && capitalized(&text[words[first - 1].start..words[first - 1].end])
    {
        first -= 1;
    }
    Some(first)
}

/// A name found only through its context must look like a place name: no month, weekday,
/// institution, title or pronoun among its words, and not written all in capitals.
fn plausible_place(name: &str) -> bool {
    let mut words = name.split_whitespace().peekable();
    words.peek().is_some()
        && !words.any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            is_not_place(w)
                || matches!(
                    w,
                    "Police"
                        | "Mayor"
                        | "Sheriff"
                        | "Fire"
                        | "Department"
                        | "University"
                        | "Council"
                        | "Governor"
                        | "Court"
                        | "Ministry"
                        | "School"
                )
        })
        // Some lowercase letter: not an all-capitals acronym or heading.
        && name.chars().any(char::is_lowercase)
}

/// The country with the most place and demonym mentions, for places the gazetteer does not
/// know.
fn main_country(places: &Places) -> Option<String> {
    main_country_but(places, None)
}

/// [`main_country`] without the location `skip`.
fn main_country_but(places: &Places, skip: Option<usize>) -> Option<String> {
    fn add<'a>(counts: &mut Vec<(&'a str, usize)>, c: &'a str, n: usize) {
        match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += n,
            None => counts.push((c, n)),
        }
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, l) in places
        .locations
        .iter()
        .enumerate()
        .filter(|(j, _)| Some(*j) != skip)
    {
        if let Some(c) = &l.country {
            add(&mut counts, c, 2 * l.mentions.len());
        }
    }
    // "Bolivian society": demonyms say where the article is too, half as much.
    for (c, _) in &places.demonyms {
        add(&mut counts, c, 1);
    }
    counts
        .into_iter()
        .max_by_key(|x| x.1)
        .map(|x| x.0.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(text);
        extract(&doc)
            .locations
            .into_iter()
            .map(|l| {
                for m in &l.mentions {
                    assert_eq!(&text[m.start..m.end], m.text);
                }
                (
                    l.name.into_owned(),
                    l.kind.into_owned(),
                    l.country.unwrap_or_default().into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn countries_cities_and_aliases() {
        let f = found("Protests spread from Almaty to Nur-Sultan in Kazakhstan.");
        assert!(
            f.contains(&("Kazakhstan".into(), "country".into(), "KZ".into())),
            "{f:?}"
        );
        assert!(f.iter().any(|x| x.0 == "Almaty" && x.2 == "KZ"), "{f:?}");
        assert!(f.iter().any(|x| x.0 == "Astana" && x.2 == "KZ"), "{f:?}");
    }

    fn names(f: &[(String, String, String)]) -> Vec<&str> {
        f.iter().map(|x| x.0.as_str()).collect()
    }

    #[test]
    fn generic_words_after_a_name_make_a_place() {
        let f = found(
            "Rebels burned houses in Tapalco Canton and on Kelora island, near the Vantuga coast.",
        );
        let n = names(&f);
        for want in ["Tapalco", "Kelora", "Vantuga"] {
            assert!(n.contains(&want), "{want}: {f:?}");
        }
        let f = found("About 9,000 people fled Orindu and Kessaba districts last week.");
        let n = names(&f);
        assert!(n.contains(&"Orindu") && n.contains(&"Kessaba"), "{f:?}");
        // An adjective before "state of" is not a place.
        let f = found("Troops arrived in the Mexican state of Guerrero.");
        assert!(!names(&f).contains(&"Mexican"), "{f:?}");
    }

    #[test]
    fn places_between_from_and_to_and_beside_a_direction() {
        let f = found(
            "The convoy was travelling from Villa Tenorio to Cartagena when it was attacked.",
        );
        assert!(names(&f).contains(&"Villa Tenorio"), "{f:?}");
        let f = found("Rebels raided Villa Serena, south of San Salvador, at dawn.");
        assert!(names(&f).contains(&"Villa Serena"), "{f:?}");
        let f = found("Fighters were killed in Wadi al-Tamar and Wadi al-Suhul on Monday.");
        assert!(
            names(&f).contains(&"Wadi al-Tamar") && names(&f).contains(&"Wadi al-Suhul"),
            "{f:?}"
        );
        let f = found("The storm flooded the locality of Quispal overnight.");
        assert!(names(&f).contains(&"Quispal"), "{f:?}");
    }

    #[test]
    fn a_capitalized_place_noun_is_part_of_the_name_before() {
        // "Police" is a town in Poland; "Grove City Police" is a police force.
        let f = found("Grove City Police identified the driver on Tuesday.");
        assert!(f.iter().all(|x| x.2 == "US"), "{f:?}");
    }

    #[test]
    fn a_small_foreign_town_in_a_one_country_article_is_local() {
        let f = found("MEMPHIS, Tenn. — Police responded to two shootings in Whitehaven.");
        assert!(
            f.contains(&("Whitehaven".into(), "place".into(), "US".into())),
            "{f:?}"
        );
        let f = found(
            "Flooding forced 5,000 people from their homes in Great Yarmouth, Norfolk, on Sunday.",
        );
        assert!(
            f.contains(&("Norfolk".into(), "place".into(), "GB".into())),
            "{f:?}"
        );
    }

    #[test]
    fn ambiguous_names_need_context() {
        assert!(found("Will Smith said Hope was gone.").is_empty());
        let f = found("Floods hit Tbilisi in Georgia.");
        assert!(f.iter().any(|x| x.0 == "Georgia" && x.2 == "GE"), "{f:?}");
    }

    #[test]
    fn a_city_takes_the_country_the_article_names() {
        let f = found("Riots in Egypt spread to Alexandria on Friday.");
        assert!(
            f.iter().any(|x| x.0 == "Alexandria" && x.2 == "EG"),
            "{f:?}"
        );
    }

    #[test]
    fn smaller_places_from_context() {
        let f = found("Deputies in Berrien County searched the village of Eau Claire in Michigan.");
        assert!(
            f.iter().any(|x| x.0 == "Berrien County" && x.1 == "place"),
            "{f:?}"
        );
        assert!(f.iter().any(|x| x.0 == "Eau Claire"), "{f:?}");
    }

    #[test]
    fn unknown_places_from_prepositions_and_place_words() {
        let f =
            found("Fighting near Kodoka displaced families in Bimbora village, Chad, in March.");
        assert!(
            f.iter()
                .any(|x| x.0 == "Kodoka" && x.1 == "place" && x.2 == "TD"),
            "{f:?}"
        );
        assert!(f.iter().any(|x| x.0 == "Bimbora"), "{f:?}");
        assert!(!f.iter().any(|x| x.0 == "March"), "{f:?}");
        assert!(found("He testified in Parliament and in English.").is_empty());
    }

    #[test]
    fn mojibake_and_wide_gaps_do_not_hide_a_name() {
        let f = found("Floods in BelgiumŠ—Ès south displaced 900 people.");
        assert!(f.iter().any(|x| x.0 == "Belgium"), "{f:?}");
        let f = found("In  New  Zealand, storms cut power.");
        assert!(f.iter().any(|x| x.0 == "New Zealand"), "{f:?}");
        // A line break is no gap inside a name.
        let f = found("They flew to New\n\nZealand.");
        assert!(!f.iter().any(|x| x.0 == "New Zealand"), "{f:?}");
    }

    #[test]
    fn small_words_inside_a_known_name() {
        let f = found("Aid reached Dar es Salaam on Monday.");
        assert!(f.iter().any(|x| x.0 == "Dar es Salaam"), "{f:?}");
    }

    #[test]
    fn contractions_storms_codes_and_models_are_no_places() {
        assert!(found("I’ve seen worse, We're told.").is_empty());
        let f = found("Typhoon Haima and tropical storm Tokage weakened over the sea.");
        assert!(f.is_empty(), "{f:?}");
        let f = found("In the morning a man with an AR-15 walked in.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn counties_named_after_foreign_towns_are_local() {
        // "Rockdale" is a town in Australia; the county is in Georgia.
        let f = found("Deputies in Rockdale County, Georgia, arrested a man in Conyers.");
        assert!(
            f.contains(&("Rockdale County".into(), "place".into(), "US".into())),
            "{f:?}"
        );
        assert!(f.iter().all(|x| x.2 == "US"), "{f:?}");
        // A county named after a city of the article's country keeps the city.
        let f = found("Tulsa County deputies said the shooting in Oklahoma was accidental.");
        assert!(f.iter().any(|x| x.0 == "Tulsa" && x.1 == "city"), "{f:?}");
        // No country named at all: a county is American.
        let f = found("Prince George's County police are investigating.");
        assert!(
            f.contains(&("Prince George's County".into(), "place".into(), "US".into())),
            "{f:?}"
        );
    }

    #[test]
    fn a_town_of_a_country_never_named_goes_to_the_country_named_most() {
        let f = found(
            "Honduran troops said rebels fired on a post near Cifuentes. Honduran officials \
             protested.",
        );
        assert!(
            f.contains(&("Cifuentes".into(), "place".into(), "HN".into())),
            "{f:?}"
        );
        // Named once is not enough.
        let f = found("Police in Dorchester said the man had returned from Israel.");
        assert!(
            !f.iter().any(|x| x.0 == "Dorchester" && x.2 == "IL"),
            "{f:?}"
        );
    }

    #[test]
    fn a_subdivision_after_a_given_name_is_a_surname() {
        let f = found("Spokesman Pedro Lara said the bridge fell. Lara added that two died.");
        assert!(!f.iter().any(|x| x.0 == "Lara"), "{f:?}");
    }

    #[test]
    fn big_cities_before_small_provinces_continents_and_compass_words() {
        let f = found("Protesters marched in Santiago on Sunday.");
        assert!(f.iter().any(|x| x.0 == "Santiago" && x.2 == "CL"), "{f:?}");
        assert!(found("Aid to Africa rose, Western donors said.").is_empty());
        let f = found("Floods hit the Western Region on Monday.");
        assert!(
            f.iter()
                .any(|x| x.0.starts_with("Western") && x.1 == "admin1"),
            "{f:?}"
        );
    }

    #[test]
    fn a_small_city_glued_to_a_name_is_a_longer_local_name() {
        // "Wadi" is a town in the gazetteer; "Wadi Sirhan" is not.
        let f = found("Families were evacuated from Wadi Sirhan in Syria on Monday.");
        assert!(
            f.contains(&("Wadi Sirhan".into(), "place".into(), "SY".into())),
            "{f:?}"
        );
        // A big city before a capitalized word keeps its name ("Aleppo" of "Aleppo Citadel"
        // stays Aleppo only through a preposition; here a place word follows).
        let f = found("Shells fell in Aleppo City on Friday.");
        assert!(f.iter().any(|x| x.0 == "Aleppo"), "{f:?}");
    }

    #[test]
    fn lists_after_plural_place_nouns_and_particles_after_town_of() {
        let f =
            found("Rain hit the provinces of Caribe Norte, Rio Tamal and Zelaya Sur, Nicaragua.");
        let n = names(&f);
        for want in ["Caribe Norte", "Rio Tamal", "Zelaya Sur"] {
            assert!(n.contains(&want), "{want}: {f:?}");
        }
        let f = found("Armed men took the town of Pital de la Conta, Colombia.");
        assert!(names(&f).contains(&"Pital de la Conta"), "{f:?}");
    }

    #[test]
    fn compass_words_join_the_mention_and_coast_the_name() {
        let text = "Shelling hit west Aleppo and the Pacific Coast region of Colombia.";
        let doc = Document::new(text);
        let p = extract(&doc);
        let m: Vec<&str> = p
            .locations
            .iter()
            .flat_map(|l| l.mentions.iter())
            .map(|m| {
                assert_eq!(&text[m.start..m.end], m.text);
                m.text.as_str()
            })
            .collect();
        assert!(m.contains(&"west Aleppo"), "{m:?}");
        assert!(m.contains(&"Pacific Coast"), "{m:?}");
    }

    #[test]
    fn a_lost_space_after_a_period_splits_the_words() {
        let f = found("Gunmen attacked a camp in Kandahar, Afghanistan.They killed six.");
        assert!(f.iter().any(|x| x.0 == "Afghanistan"), "{f:?}");
    }

    #[test]
    fn a_compass_word_is_a_region_only_before_a_region_word() {
        let f = found("Rain hit Asunción, Paraguay, and the Central and Alto Paraná departments.");
        assert!(f.iter().any(|x| x.0 == "Central Department"), "{f:?}");
        let f = found("Western and Central donors met in Paraguay.");
        assert!(!f.iter().any(|x| x.1 == "admin1"), "{f:?}");
        // "South America" is a continent, not the United States.
        let f = found("It is one of South America's busiest crossings.");
        assert!(!f.iter().any(|x| x.2 == "US"), "{f:?}");
    }

    #[test]
    fn a_name_ends_at_a_period() {
        let f =
            found("Fires reached the villages of Tamba, Orcoy and Macari. Rescue teams arrived.");
        let n = names(&f);
        assert!(
            n.contains(&"Macari") && !n.iter().any(|x| x.contains("Rescue")),
            "{f:?}"
        );
    }

    #[test]
    fn demonyms_are_country_evidence_not_places() {
        let doc = Document::new("Kazakh police detained protesters.");
        let p = extract(&doc);
        assert!(p.locations.is_empty(), "{:?}", p.locations);
        assert_eq!(p.demonyms.first().map(|d| d.0.as_str()), Some("KZ"));
    }
}

#[cfg(test)]
mod robustness {
    use super::*;

    /// [`words_of`] as it was first written, one character at a time: the byte loop must
    /// cut every text into the same words.
    fn words_per_char(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut prev_lower_ascii = false;
        for (i, c) in text.char_indices() {
            // "Afghanistan.They": a period between a small letter and a capital ends a sentence
            // whose space was lost, not an abbreviation.
            let lost_space = c == '.'
                && prev_lower_ascii
                && text
                    .as_bytes()
                    .get(i + 1)
                    .is_some_and(u8::is_ascii_uppercase);
            let part = c.is_alphanumeric()
                || matches!(c, '\'' | '’' | '.') && start.is_some() && !lost_space;
            // Mojibake glued to a name ("AfghanistanŠ—Ès" for "Afghanistan's"): an accented
            // capital right after a small ASCII letter starts a new word.
            if let (true, Some(s)) = (prev_lower_ascii && !c.is_ascii() && c.is_uppercase(), start)
            {
                out.push(Word { start: s, end: i });
                start = None;
            }
            prev_lower_ascii = c.is_ascii_lowercase();
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(Word { start: s, end: i });
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(Word {
                start: s,
                end: text.len(),
            });
        }
        // A trailing period belongs to the sentence, except in abbreviations ("St.", "Mich.").
        for w in &mut out {
            let s = &text[w.start..w.end];
            // "Mich.", "St." and initialisms ("N.C.", "D.C.") keep their period.
            if let Some(body) = s.strip_suffix('.') {
                let abbreviation = s.len() <= 5 && body.chars().all(char::is_alphabetic);
                let initialism =
                    body.contains('.') && body.chars().all(|c| c.is_alphabetic() || c == '.');
                if !abbreviation && !initialism {
                    w.end -= 1;
                }
            }
            if text[w.start..w.end].ends_with("'s") {
                w.end -= 2;
            } else if text[w.start..w.end].ends_with("’s") {
                w.end -= "’s".len();
            }
        }
        out.retain(|w| w.end > w.start);
        out
    }

    #[test]
    fn words_are_cut_like_one_character_at_a_time() {
        for text in [
            "Protests spread from Almaty to Nur-Sultan in Kazakhstan.",
            "AfghanistanŠ—Ès people. Afghanistan.They said, in Graham, N.C. Police",
            "Prince George’s County, St. Mary's and D.C.'s mayor; I've 12.5 km.",
            "Côte d’Ivoire’s São Tomé ÉTAT aÉb x’ ’y '' .. .a a. É.",
            "  tabs\tand\nlines  ",
            "",
            "Ž",
            "Mich. Dr. e.g. U.S.A. A.B.c. Ab.Cd xY.Z",
        ] {
            let cut = |w: Vec<Word>| w.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>();
            assert_eq!(cut(words_of(text)), cut(words_per_char(text)), "{text:?}");
        }
    }

    /// The shape filter of the context triggers turns away no trigger, in any case, and
    /// turns away the commonest words.
    #[test]
    fn the_trigger_shapes_keep_every_trigger() {
        for w in context_trigger_words() {
            for v in [w.to_string(), w.to_uppercase(), capitalize(w)] {
                assert!(TRIGGER_SHAPES.may_contain(v.as_bytes()), "{v}");
            }
        }
        for w in ["the", "of", "and", "a", "to", "said", "was", ""] {
            assert!(!TRIGGER_SHAPES.may_contain(w.as_bytes()), "{w}");
        }
    }

    /// The lists that hold `w`, asked one by one: the plain form of [`TriggerTable::kind`]
    /// (no trigger word in any case, no list).
    fn trigger_kind_plain(w: &str) -> u8 {
        if !context_trigger_words()
            .iter()
            .any(|t| t.eq_ignore_ascii_case(w))
        {
            return 0;
        }
        let mut kind = 0;
        for (list, bit) in [
            (PLACE_SUFFIXES, trigger::SUFFIX),
            (PLACE_NOUNS_BEFORE_OF, trigger::NOUN_BEFORE_OF),
            (LOWER_PLACE_WORDS, trigger::LOWER_PLACE),
            (&["from"][..], trigger::FROM),
            (DIRECTIONS, trigger::DIRECTION),
            (CONTEXT_PREPOSITIONS, trigger::PREPOSITION),
        ] {
            if list.contains(&w) {
                kind |= bit;
            }
        }
        if GENERIC_PLACE_WORDS
            .iter()
            .any(|g| g.eq_ignore_ascii_case(w))
        {
            kind |= trigger::GENERIC;
        }
        kind
    }

    /// Every trigger word as written, in capitals, in small letters and capitalized, with an
    /// "s" after it and without its last letter.
    fn trigger_word_forms() -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for w in context_trigger_words() {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                w.to_lowercase(),
                capitalize(w),
                format!("{w}s"),
                w[..w.len() - 1].to_string(),
            ]);
        }
        words
    }

    /// One look-up in the trigger table finds the lists that asking them one by one finds,
    /// for every trigger word in every case and for generated words (some of them triggers).
    #[test]
    fn trigger_kinds_are_the_lists_asked_one_by_one() {
        let mut words = trigger_word_forms();
        words.extend(["", "the", "of", "a", "said", "Évian", "in’", "x"].map(String::from));
        for w in &words {
            assert_eq!(TRIGGERS.kind(w), trigger_kind_plain(w), "{w:?}");
        }
        let pieces = [
            "in", "In", "IN", "from", "County", "coast", "Coast", "town", "to", "wn", "n", "s",
            "ear", "near", "north", "é", "-", "vill", "age", "Lake", "e", "of",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0005);
        let cases = crate::testing::cases("LOCATIONS_TRIGGER_CASES", 20_000);
        let mut found = 0;
        for _ in 0..cases {
            let n = 1 + (rng.next() % 3) as usize;
            let w: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let kind = TRIGGERS.kind(&w);
            assert_eq!(kind, trigger_kind_plain(&w), "{w:?}");
            found += usize::from(kind != 0);
        }
        assert!(found * 10 > cases, "{found} in {cases}");
    }

    /// [`TriggerTable::kind_at`] finds the lists of the plain form for a word read from a
    /// text, whatever follows it and wherever it ends, on every trigger word in every case
    /// and on generated words; most cases take the eight-byte path.
    #[test]
    fn kind_at_is_kind() {
        let mut words = trigger_word_forms();
        words.extend(
            [
                "", "the", "of", "a", "said", "Évian", "in’", "x", "İn", "ın",
            ]
            .map(String::from),
        );
        let pieces = [
            "in", "In", "IN", "from", "County", "coast", "Coast", "COAST", "lAkE", "town", "to",
            "wn", "n", "s", "ear", "near", "north", "é", "-", "vill", "age", "Lake", "e", "of",
            "@", "[", "`", "{", "Z", "z",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0013);
        let cases = crate::testing::cases("LOCATIONS_TRIGGER_CASES", 20_000);
        for _ in 0..cases {
            let n = 1 + (rng.next() % 3) as usize;
            words.push((0..n).map(|_| rng.pick(&pieces)).collect());
        }
        let afters = [
            "",
            " ",
            " of the town",
            "’s road",
            "Éa",
            "\u{7f}\u{80}xxxxxxxx",
            "ZZZZZZZZ",
        ];
        let (mut fast, mut found) = (0, 0);
        for w in &words {
            let plain = trigger_kind_plain(w);
            found += usize::from(plain != 0);
            for before in ["", "x "] {
                for after in afters {
                    let text = format!("{before}{w}{after}");
                    let word = Word {
                        start: before.len(),
                        end: before.len() + w.len(),
                    };
                    assert_eq!(TRIGGERS.kind_at(&text, &word), plain, "{text:?}");
                    fast += usize::from((1..=8).contains(&w.len()) && word.start + 8 <= text.len());
                }
            }
        }
        assert!(
            fast * 2 > words.len() * 14,
            "{fast} of {}",
            words.len() * 14
        );
        assert!(found * 10 > words.len(), "{found} in {}", words.len());
    }

    /// [`ascii_lower`] lower-cases each byte as [`u8::to_ascii_lowercase`] does, on every
    /// byte value in every position and on generated numbers.
    #[test]
    fn ascii_lower_is_plain() {
        let plain = |x: u64| u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()));
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0014);
        for b in 0..=255u64 {
            for k in 0..8 {
                let x = (b << (8 * k)) | (rng.next() & !(0xff << (8 * k)));
                assert_eq!(ascii_lower(x), plain(x), "{x:#x}");
            }
        }
        for _ in 0..crate::testing::cases("LOCATIONS_TRIGGER_CASES", 20_000) {
            let x = rng.next();
            assert_eq!(ascii_lower(x), plain(x), "{x:#x}");
        }
    }

    /// [`comma_gap`] agrees with trimming the gap, on hand-written and generated gaps.
    #[test]
    fn comma_gaps_are_trimmed_commas() {
        let check = |gap: &str| {
            assert_eq!(comma_gap(gap), gap.trim() == ",", "{gap:?}");
            usize::from(comma_gap(gap))
        };
        for gap in [
            ",",
            ", ",
            " ,\n",
            "",
            " ",
            ",,",
            ", ,",
            "\u{a0}, ",
            ",\u{2003}",
            "é,",
            " said, ",
        ] {
            check(gap);
        }
        let pieces = [
            ",", " ", "\t", "\n", "\r", "\u{0b}", "\u{0c}", "\u{a0}", "\u{2003}", "a", "é", "’",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0006);
        let cases = crate::testing::cases("LOCATIONS_TRIGGER_CASES", 20_000);
        let mut commas = 0;
        for _ in 0..cases {
            let n = (rng.next() % 6) as usize;
            let gap: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            commas += check(&gap);
        }
        assert!(commas * 20 > cases, "{commas} in {cases}");
    }

    fn capitalize(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// Folding a run word by word ([`fold_run`]) gives the fold of the whole run, on
    /// generated runs of plain, accented, dotted and apostrophized words joined by spaces
    /// and hyphens.
    #[test]
    fn runs_fold_word_by_word_like_at_once() {
        let pieces = [
            "San",
            "JOSE",
            "x9",
            "St.",
            "N.C.",
            "O'Neil",
            "Côte",
            "d’Ivoire",
            "ʻa",
            "ʻ",
            "Ž",
            "İs",
            "é.",
            "A",
            "b",
            " ",
            "  ",
            "-",
            "- ",
            " -",
            " ",
            " ",
            " ",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0002);
        let mut folded = String::new();
        for _ in 0..crate::testing::cases("LOCATIONS_FOLD_CASES", 20_000) {
            let n = (rng.next() % 12) as usize;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let words = words_of(&text);
            for i in 0..words.len() {
                for j in i..words.len() {
                    if j > i && !joinable(&text, &words[j - 1], &words[j]) {
                        break;
                    }
                    let run = &text[words[i].start..words[j].end];
                    let last = &text[words[j].start..words[j].end];
                    fold_run(&mut folded, j == i, last, plain_word(last), run);
                    assert_eq!(folded, fold(run), "{run:?} in {text:?}");
                    // The fold of a shorter run is a prefix (`extract` keeps its length).
                    let shorter =
                        fold(&text[words[i].start..words[i.max(j.saturating_sub(1))].end]);
                    assert!(folded.starts_with(&shorter), "{run:?} in {text:?}");
                }
            }
        }
    }

    /// The memo answers as [`lookup_run`] does, for generated names that collide in its
    /// table and come back after being pushed out (and some are found from the memo).
    #[test]
    fn the_lookup_memo_answers_like_the_gazetteer() {
        let pieces = [
            "san", "paris", "la", "the", "a", "b", "georgia", "he", "x", " ", "é", "jose",
            "antonio", "gaza", "kabul", "in", "9",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0007);
        let mut memo = LookupMemo::new();
        let mut asked: Vec<String> = Vec::new();
        let (mut found, mut long) = (0, 0);
        for _ in 0..crate::testing::cases("LOCATIONS_MEMO_CASES", 50_000) {
            let name = if !asked.is_empty() && rng.next() % 2 == 0 {
                asked[(rng.next() % asked.len() as u64) as usize].clone()
            } else {
                let n = 1 + (rng.next() % 3) as usize;
                let name: String = (0..n).map(|_| rng.pick(&pieces)).collect();
                asked.push(name.clone());
                name
            };
            let got = memo.lookup_run(&name);
            assert_eq!(got, lookup_run(&name), "{name:?}");
            found += usize::from(!got.0.is_empty());
            long += usize::from((9..=16).contains(&name.len()));
        }
        assert!(found > 1000, "{found}");
        // Names past the first eight bytes (keyed by their second eight) are asked too.
        assert!(long > 1000, "{long}");
    }

    /// [`candidate`] as it was first written: the line split one tab after another.
    fn candidate_plain(id: u32) -> Option<Candidate> {
        let id = id as usize;
        let start = *index::PLACE_STARTS.get(id)? as usize;
        let end = *index::PLACE_STARTS.get(id + 1)? as usize;
        let mut rest = Some(PLACES_TXT.get(start..end)?.trim_end_matches('\n'));
        let mut field = || -> Option<&'static str> {
            let line = rest?;
            match line.bytes().position(|b| b == b'\t') {
                Some(t) => {
                    rest = Some(&line[t + 1..]);
                    Some(&line[..t])
                }
                None => {
                    rest = None;
                    Some(line)
                }
            }
        };
        let kind = match field()? {
            "country" => "country",
            "admin1" => "admin1",
            "city" => "city",
            _ => "demonym",
        };
        Some(Candidate {
            kind,
            name: field()?,
            country: field()?,
            admin1: field()?,
            lat: field()?,
            lon: field()?,
            population: field()?.parse().unwrap_or(0),
        })
    }

    /// Every gazetteer record is read as the plain split reads it (and past the last, none),
    /// the first time and from [`CANDIDATES`] after.
    #[test]
    fn candidates_are_split_like_one_tab_after_another() {
        let n = index::PLACE_STARTS.len() as u32;
        let mut big = 0;
        for id in 0..n + 2 {
            let c = candidate(id);
            assert_eq!(c, candidate_plain(id), "{id}");
            // Cut out of its line, and again from the cache.
            assert_eq!(read_candidate(id), c, "{id}");
            assert_eq!(candidate(id), c, "{id}");
            big += usize::from(c.is_some_and(|c| c.population >= 1_000_000));
        }
        assert!(big > 100, "{big}");
    }

    /// The tab positions and population numbers of hand-written lines, against the plain
    /// forms.
    #[test]
    fn tabs_and_populations_like_the_plain_forms() {
        for line in [
            "",
            "\t",
            "a\tb",
            "city\tSan Antonio\tUS\tTexas\t29.4\t-98.4\t1434625",
            "\t\t\t\t\t\t\t\t\t",
            "abcdefgh\tijklmnop\tq",
            "é\tü\t",
            "1234567\t",
        ] {
            let mut tabs = [0usize; 7];
            let n = tab_positions(line.as_bytes(), &mut tabs);
            let plain: Vec<usize> = line
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\t')
                .map(|(i, _)| i)
                .take(7)
                .collect();
            assert_eq!(&tabs[..n], &plain[..], "{line:?}");
        }
        for field in [
            "",
            "0",
            "42",
            "+7",
            "-1",
            "12a",
            "999999999999999999",
            "9999999999999999999",
            "99999999999999999999",
            " 1",
            "١",
        ] {
            assert_eq!(population(field), field.parse().unwrap_or(0), "{field:?}");
        }
    }

    /// [`lookup_run`] as it was first written: a binary search over the sorted keys.
    fn lookup_run_plain(folded: &str) -> (&'static [u32], bool) {
        let n = index::KEY_ENDS.len();
        let (mut lo, mut hi) = (0, n);
        let folded = folded.as_bytes();
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if key(mid) < folded {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let found = lo < n && key(lo) == folded;
        let ids = if found {
            let (a, b) = (
                index::ID_STARTS[lo] as usize,
                index::ID_STARTS[lo + 1] as usize,
            );
            index::IDS.get(a..b).unwrap_or(&[])
        } else {
            &[]
        };
        let next = if found { lo + 1 } else { lo };
        let longer = next < n && {
            let k = key(next);
            k.len() > folded.len() && k.starts_with(folded) && k[folded.len()] == b' '
        };
        (ids, longer)
    }

    /// The fast [`lookup_run`] (the key table) answers like the plain binary search for every
    /// key, every key cut at each byte, keys with a byte changed or appended, and generated
    /// names; many of these reach the key table (all keys and their word-boundary prefixes
    /// pass the prefilter).
    #[test]
    fn lookup_runs_like_the_plain_search() {
        let same = |q: &str| {
            let (a, b) = (lookup_run(q), lookup_run_plain(q));
            assert_eq!(
                (a.0.as_ptr(), a.0.len(), a.1),
                (b.0.as_ptr(), b.0.len(), b.1),
                "{q:?}"
            );
            may_be_key(fold::name_hash(q))
        };
        let mut searched = 0;
        let mut cases = 0;
        for i in (0..index::KEY_ENDS.len()).step_by(7) {
            let Ok(k) = std::str::from_utf8(key(i)) else {
                continue;
            };
            for cut in (1..=k.len()).filter(|&c| k.is_char_boundary(c)) {
                let p = &k[..cut];
                for q in [
                    p.to_string(),
                    format!("{p} "),
                    format!("{p}\0"),
                    format!("{p} x"),
                    format!("{p}a"),
                    format!("{p}zz"),
                ] {
                    cases += 1;
                    searched += usize::from(same(&q));
                }
            }
        }
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0003);
        let pieces = ["a", "b", "s", "san", " ", "\0", "é", "z", "al ", "ab"];
        for _ in 0..crate::testing::cases("LOCATIONS_LOOKUP_CASES", 20_000) {
            let n = (rng.next() % 8) as usize;
            let q: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            cases += 1;
            searched += usize::from(same(&q));
        }
        // Not a vacuous comparison: many cases (every key and its word-boundary prefixes at
        // least) reach the key table.
        assert!(searched * 10 > cases, "{searched} of {cases}");
    }

    /// [`same_str`] is `==` (hand-written and generated pairs, most of one length so that
    /// the bytes are compared).
    #[test]
    fn same_str_is_eq() {
        let words = [
            "", "a", "b", "US", "UA", "GB", "us", "city", "town", "é", "e\u{301}",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_str(a, b), a == b, "{a:?} {b:?}");
            }
        }
        let mut rng = crate::testing::Rng(0x5eed_5a3e_0000_0001);
        let pieces = ["a", "b", "é", "z"];
        let mut equal = 0;
        for _ in 0..crate::testing::cases("LOCATIONS_SAME_STR_CASES", 5_000) {
            let a: String = (0..2).map(|_| rng.pick(&pieces)).collect();
            let b: String = (0..2).map(|_| rng.pick(&pieces)).collect();
            equal += usize::from(a == b);
            assert_eq!(same_str(&a, &b), a == b, "{a:?} {b:?}");
        }
        assert!(equal > 0);
    }

    /// The first eight bytes, missing ones as zeros: the plain form of [`head8`].
    fn head8_plain(s: &[u8]) -> u64 {
        let mut b = [0u8; 8];
        for (d, &x) in b.iter_mut().zip(s) {
            *d = x;
        }
        u64::from_be_bytes(b)
    }

    /// [`head8`]'s overlapping loads give the plain form's number at every length, for bytes
    /// of every value in every place.
    #[test]
    fn head8_is_the_first_eight_bytes() {
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0068);
        for len in 0..=20 {
            for _ in 0..500 {
                let s: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                assert_eq!(head8(&s), head8_plain(&s), "{s:?}");
            }
        }
    }

    /// [`head8`] and the length tell apart any two names of up to eight bytes (the memo's
    /// key).
    #[test]
    fn heads_and_lengths_are_the_short_names() {
        let words: [&[u8]; 8] = [
            b"",
            b"a",
            b"ab",
            b"abcdefgh",
            b"b",
            b"a\x00",
            b"\x00",
            b"\xffa",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    (head8(a), a.len()) == (head8(b), b.len()),
                    a == b,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    /// The hash sets of ambiguous and given names hold their sorted lists exactly.
    #[test]
    fn name_sets_are_the_sorted_lists() {
        for list in [&index::AMBIGUOUS[..], &index::GIVEN_NAMES[..]] {
            for w in list {
                for v in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}x"),
                    w.chars().skip(1).collect(),
                ] {
                    let set = if list.len() == index::AMBIGUOUS.len() {
                        is_ambiguous(&v)
                    } else {
                        is_given_name(&v)
                    };
                    assert_eq!(set, list.binary_search(&v.as_str()).is_ok(), "{v:?}");
                }
            }
        }
    }

    /// The words whose shape is a trigger's, one word after another: the plain form of
    /// the triggers [`words_and_triggers`] notes while cutting the words.
    fn trigger_candidates(text: &str, words: &[Word]) -> Vec<usize> {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| TRIGGER_SHAPES.may_contain(&text.as_bytes()[w.start..w.end]))
            .map(|(i, _)| i)
            .collect()
    }

    /// The triggers noted while cutting the words are those of the plain filter, on
    /// hand-written and generated texts (which do hold some).
    #[test]
    fn triggers_are_noted_like_one_word_after_another() {
        let mut noted = 0;
        let mut check = |text: &str| {
            let (words, triggers) = words_and_triggers(text);
            assert_eq!(triggers, trigger_candidates(text, &words), "{text:?}");
            noted += triggers.len();
        };
        for text in [
            "Fighting near Kodoka displaced families in Bimbora village, Chad, in March.",
            "The town of Pital de la Conta; from Doradal to Medellin. In a Berrien County.",
            "I in a an IN In. in, in",
            "",
        ] {
            check(text);
        }
        let pieces = [
            "in", "In", "i", "a", "from", "County", "coast", "town", "x", " ", "  ", ".", ",",
            "'s", "’", "é", "-", "\n", "N.C.", "villages", "ab",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0004);
        let cases = crate::testing::cases("LOCATIONS_TRIGGER_CASES", 20_000);
        for _ in 0..cases {
            let n = (rng.next() % 16) as usize;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            check(&text);
        }
        assert!(noted * 4 > cases, "{noted} in {cases}");
    }

    /// Generated texts of letters, digits, punctuation, apostrophes, periods and non-ASCII
    /// letters, cut by [`words_of`] and by [`words_per_char`].
    #[test]
    fn generated_texts_are_cut_like_one_character_at_a_time() {
        let pieces = [
            "a",
            "Z",
            "q",
            "0",
            "9",
            "@",
            "[",
            "`",
            "{",
            "/",
            ":",
            " ",
            "  ",
            "\t",
            "\n",
            ".",
            "'",
            "'s",
            "’",
            "’s",
            "-",
            ",",
            "É",
            "é",
            "Š",
            "—",
            "ʻ",
            "\u{80}",
            "“",
            "‰",
            "ÿ",
            "Ab",
            "xY.",
            "St.",
            "N.C.",
            "Afghanistan",
            "longwordwithmorethaneightletters",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0001);
        let cut = |w: Vec<Word>| w.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>();
        for _ in 0..crate::testing::cases("LOCATIONS_WORD_CASES", 20_000) {
            let n = (rng.next() % 24) as usize;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            assert_eq!(cut(words_of(&text)), cut(words_per_char(&text)), "{text:?}");
        }
    }

    /// The general punctuation that [`words_of`] tells apart without the Unicode tables
    /// holds no letter, digit or capital.
    #[test]
    fn general_punctuation_has_no_letters() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(!c.is_alphanumeric() && !c.is_uppercase(), "{c:?}");
        }
    }

    /// The eight-bytes-at-a-time test of ASCII letters and digits agrees with the byte test
    /// on every byte value, at every position of the word.
    #[test]
    fn ascii_alnum_end_agrees_with_the_byte_test() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[pos] = b;
                let bits = swar::ascii_alnum(u64::from_le_bytes(bytes));
                let set = bits & (0x80 << (8 * pos)) != 0;
                assert_eq!(set, b.is_ascii_alphanumeric(), "{b:#x} at {pos}");
                assert_eq!(ascii_alnum_end(&bytes, 0), if set { 8 } else { pos }.min(8));
            }
        }
    }

    #[test]
    fn words_ending_in_multibyte_letters_and_initialisms() {
        for text in [
            "SDFŠ. Graham, N.C. Police",
            "countryŠ",
            "Ž.",
            "É.Ü.",
            "Raleigh, N.C., police said.",
        ] {
            let doc = Document::new(text);
            let p = extract(&doc);
            for l in &p.locations {
                for m in &l.mentions {
                    assert_eq!(&text[m.start..m.end], m.text);
                }
            }
        }
        let text = "The shooting happened in Graham, N.C. on Monday.";
        let names: Vec<String> = extract(&Document::new(text))
            .locations
            .into_iter()
            .map(|l| l.name.into_owned())
            .collect();
        assert!(names.iter().any(|n| n == "North Carolina"), "{names:?}");
    }

    /// The per-thread buffers of [`extract`] carry nothing from one article to the next (a
    /// long article, then short ones, find what a fresh thread finds), and give back the
    /// room of a long article.
    #[test]
    fn word_buffers_are_reused_and_capped() {
        let short = [
            "Floods hit Dhaka, Bangladesh, and the town of Sylhet on Monday.",
            "Police in Springfield, Illinois said.",
            "",
            "In Georgia.",
        ];
        let fresh = |text: &'static str| {
            std::thread::spawn(move || extract(&Document::new(text)))
                .join()
                .ok()
        };
        let expected: Vec<_> = short.iter().map(|t| fresh(t)).collect();
        let long = "Fighting near Kodok and in Malakal, South Sudan, displaced families. "
            .repeat(3 * WORDS_KEPT_AT_MOST / 10);
        let p = extract(&Document::new(&long));
        assert!(p.locations.iter().any(|l| l.name == "Malakal"));
        let (words, triggers, hits) = WORD_BUFFERS.take();
        assert!(
            words.capacity() <= WORDS_KEPT_AT_MOST,
            "{}",
            words.capacity()
        );
        assert!(triggers.capacity() <= WORDS_KEPT_AT_MOST / 8);
        assert!(hits.capacity() <= WORDS_KEPT_AT_MOST / 16);
        WORD_BUFFERS.set((words, triggers, hits));
        for (text, expected) in short.iter().zip(expected) {
            assert_eq!(Some(extract(&Document::new(text))), expected, "{text:?}");
        }
    }

    /// [`plain_at`] is [`plain_word`] of the word, on the words of hand-written and
    /// generated texts, most of which take its eight-byte path.
    #[test]
    fn plain_at_is_plain_word() {
        let mut swar_path = 0;
        let mut all = 0;
        let mut check = |text: &str| {
            let bytes = text.as_bytes();
            let mut spans = words_of(text);
            // Every span of up to ten bytes at a character boundary too, not only words.
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                for end in
                    (start..=(start + 10).min(text.len())).filter(|&i| text.is_char_boundary(i))
                {
                    spans.push(Word { start, end });
                }
            }
            for w in spans {
                let plain = plain_word(&text[w.start..w.end]);
                assert_eq!(plain_at(bytes, &w), plain, "{:?}", &text[w.start..w.end]);
                all += 1;
                if w.end - w.start <= 8 && w.end > w.start && w.start + 8 <= bytes.len() {
                    swar_path += 1;
                }
            }
        };
        for text in [
            "Kabul Afghanistan's Dar es Salaam 2024 B2B a-b N.C. São Paulo",
            "@[`{ /:9Az az AZ 09 Zürich  end",
            "x",
            "",
        ] {
            check(text);
        }
        let pieces = [
            "a", "Z", "q", "0", "9", "@", "[", "`", "{", "/", ":", " ", "-", ".", "'", "é", "’",
            "\u{7f}", "Kabul", "ab12",
        ];
        let mut rng = crate::testing::Rng(0x5eed_1234_abcd_0011);
        for _ in 0..crate::testing::cases("LOCATIONS_PLAIN_CASES", 300) {
            let text: String = (0..rng.next() % 30).map(|_| rng.pick(&pieces)).collect();
            check(&text);
        }
        assert!(swar_path > all / 2, "{swar_path} of {all}");
    }
}
