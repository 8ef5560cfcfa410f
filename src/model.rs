//! The report: the serde structs that are the tool's output contract.
//!
//! These types are what users read (through `--format json|yaml|timeline`) and what the
//! evaluation's `CONTRACT.md` fixes. Field names and shapes here must not change without
//! bumping [`SCHEMA_VERSION`]. Extractors build these values with **byte** offsets into the
//! input; [`Report::into_code_points`] converts every offset to Unicode code points (what
//! Python and jq users index with) once, at the edge, in [`crate::extract`].

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A word of the tool's own vocabulary (a type, a category, a unit) or of its gazetteer (a
/// place's name, country and subdivision): borrowed from the binary, so that a report does
/// not copy the same few words again and again; owned when it comes from the text (a place
/// known by its context only). Serialized as a plain string.
pub type Term = Cow<'static, str>;

/// Version of this output contract. Bumped whenever a field is renamed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the tool found in one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The date relative expressions were resolved against, and where it came from.
    pub reference_date: ReferenceDate,
    /// What kind of crisis the article reports, and where.
    pub crisis: Crisis,
    /// Every impact figure stated in the text, in text order.
    pub figures: Vec<Figure>,
    /// Category → the article's best overall figure (categories without any figure are absent).
    pub summary: BTreeMap<String, SummaryValue>,
    /// Places mentioned, one entry per distinct place, in order of first mention.
    pub locations: Vec<Location>,
    /// Every temporal expression, normalized, in text order.
    pub dates: Vec<DateMention>,
    /// Dated events of the crisis, in chronological order.
    pub timeline: Vec<Event>,
    /// Official measures and responses, in text order.
    pub measures: Vec<Measure>,
    /// People, organizations and groups, in order of first mention.
    pub actors: Vec<Actor>,
    /// Direct quotations with their speakers, in text order.
    pub quotes: Vec<Quote>,
}

/// A span of the input that a fact was read from.
///
/// `start`/`end` are code-point offsets (end exclusive) into the input as decoded from UTF-8
/// with a leading BOM removed; `text` equals `input[start..end]` exactly.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
    /// The input text of the span, verbatim.
    pub text: String,
}

impl Evidence {
    /// Evidence for the byte range `start..end` of `text` (offsets are converted later).
    pub fn from_bytes(text: &str, start: usize, end: usize) -> Evidence {
        Evidence {
            start,
            end,
            text: text[start..end].to_string(),
        }
    }
}

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// `--reference-date` (or a batch record's date).
    Option,
    /// A dateline at the top of the article ("GENEVA, Jan 6 (Wire) —").
    Dateline,
    /// A publication line or another date in the text ("Published 6 January 2022").
    Text,
    /// No reference date: relative expressions are left unresolved.
    None,
}

/// The date relative expressions were resolved against.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReferenceDate {
    /// `YYYY-MM-DD`, or null when the tool had none.
    pub date: Option<String>,
    /// Where `date` came from.
    pub origin: DateOrigin,
    /// The dateline or publication line the date was read from, when it came from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// What kind of crisis the article reports, and where it takes place.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Crisis {
    /// The primary crisis type (one of the taxonomy in `docs/output-format.md`).
    #[serde(rename = "type")]
    pub kind: Term,
    /// Ranked alternatives, best first, with the evidence behind each.
    pub candidates: Vec<CrisisCandidate>,
    /// ISO 3166-1 alpha-2 codes of the countries where the crisis takes place.
    pub countries: Vec<String>,
}

/// One possible crisis type with its weight.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CrisisCandidate {
    /// The crisis type.
    #[serde(rename = "type")]
    pub kind: Term,
    /// Share of the weighted trigger evidence (0..1, candidates sum to at most 1).
    pub score: f64,
    /// The trigger words behind this candidate, strongest first.
    #[serde(default)]
    pub triggers: Vec<String>,
}

/// A stated count of people, households or houses.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    /// `killed`, `injured`, `missing`, `arrested`, `kidnapped`, `displaced`, `evacuated`,
    /// `sheltered`, `homeless`, `affected`, `rescued`, `infected`, `houses_destroyed`,
    /// `houses_damaged`.
    pub category: Term,
    /// The number and its bounds as worded.
    pub count: Count,
    /// `people`, `households` or `houses`.
    pub unit: Term,
    /// Who is counted, as written ("protesters"), or null.
    pub group: Option<String>,
    /// Who reported it ("the Interior Ministry"), or null.
    pub source: Option<String>,
    /// True where the text marks the figure as unconfirmed ("reportedly", "feared").
    pub hedged: bool,
    /// True for a figure about another, earlier event; it never enters `summary`.
    #[serde(default)]
    pub background: bool,
    /// The clause the figure was read from.
    pub evidence: Evidence,
}

/// A quantity as worded: exact value and/or bounds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Count {
    /// The number as stated, or null for a vague quantity ("dozens").
    pub value: Option<u64>,
    /// Lower bound implied by the wording, or null.
    pub min: Option<u64>,
    /// Upper bound implied by the wording, or null.
    pub max: Option<u64>,
    /// True for hedged wording ("about", "some", "an estimated").
    pub approximate: bool,
    /// The quantity as written.
    pub text: String,
}

/// The article's best overall figure for one category.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SummaryValue {
    /// Best single value, or null when only bounds are known.
    pub value: Option<u64>,
    /// Lowest value or bound reported, or null.
    pub min: Option<u64>,
    /// Highest value or bound reported, or null.
    pub max: Option<u64>,
}

/// A distinct place mentioned in the article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Location {
    /// Canonical name (the gazetteer's).
    pub name: Term,
    /// `country`, `admin1`, `city` or `place`.
    pub kind: Term,
    /// ISO 3166-1 alpha-2 code of the country, or null.
    pub country: Option<Term>,
    /// First-level subdivision, or null.
    pub admin1: Option<Term>,
    /// Latitude, or null.
    pub lat: Option<f64>,
    /// Longitude, or null.
    pub lon: Option<f64>,
    /// Every mention in the text.
    pub mentions: Vec<Evidence>,
}

/// A temporal expression with its TIMEX3-style value.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// `date`, `time`, `duration` or `set`.
    #[serde(rename = "type")]
    pub kind: Term,
    /// TIMEX3 value: `2022-01-05`, `2022-01`, `XXXX-01-05`, `2022-01-06TNI`, `P3D`, `PAST_REF` ...
    pub value: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A dated event of the crisis.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    /// When, in the same value conventions as `dates`.
    pub date: String,
    /// A short plain-language clause built from the sentence.
    pub summary: String,
    /// The sentence the event was read from.
    pub evidence: Evidence,
}

/// An official measure or response.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Measure {
    /// `state_of_emergency`, `martial_law`, `curfew`, `internet_shutdown`, `lockdown`,
    /// `evacuation_order`, `travel_restriction`, `school_closure`, `ban_on_gatherings`,
    /// `military_deployment`, `ceasefire`, `aid_appeal`.
    #[serde(rename = "type")]
    pub kind: Term,
    /// `declared`, `imposed`, `extended`, `lifted`, `in_force`, `planned` or `called_for`.
    pub action: Term,
    /// When it starts (date value), or null.
    pub start: Option<String>,
    /// When it ends (date value), or null.
    pub end: Option<String>,
    /// Where it applies: place names, or "nationwide".
    pub areas: Vec<String>,
    /// A curfew's daily start time (`23:00`), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_from: Option<String>,
    /// A curfew's daily end time (`07:00`), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_to: Option<String>,
    /// The sentence the measure was read from.
    pub evidence: Evidence,
}

/// A person, organization or group.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    /// Full name as first written.
    pub name: String,
    /// `person`, `organization` or `group`.
    pub kind: Term,
    /// Title or role ("UN High Commissioner for Human Rights"), or null.
    pub title: Option<String>,
    /// Every mention, including later mentions by surname.
    pub mentions: Vec<Evidence>,
}

/// A direct quotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    /// Who said it, as the article names them, or null.
    pub speaker: Option<String>,
    /// The quotation without its quotation marks (paragraphs of one quote joined by a space).
    pub text: String,
    /// The quotation as it stands in the text, quotation marks included.
    pub evidence: Evidence,
}

impl Report {
    /// An empty report: what an article with no findings produces.
    pub fn empty(reference_date: ReferenceDate) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            reference_date,
            crisis: Crisis {
                kind: "other".into(),
                candidates: Vec::new(),
                countries: Vec::new(),
            },
            figures: Vec::new(),
            summary: BTreeMap::new(),
            locations: Vec::new(),
            dates: Vec::new(),
            timeline: Vec::new(),
            measures: Vec::new(),
            actors: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// Calls `f` on every evidence offset in the report (date spans are handled by the caller).
    fn for_each_offset(&mut self, mut f: impl FnMut(&mut usize)) {
        let mut ev = |e: &mut Evidence| {
            f(&mut e.start);
            f(&mut e.end);
        };
        if let Some(e) = self.reference_date.evidence.as_mut() {
            ev(e);
        }
        self.figures.iter_mut().for_each(|x| ev(&mut x.evidence));
        self.locations
            .iter_mut()
            .for_each(|x| x.mentions.iter_mut().for_each(&mut ev));
        self.timeline.iter_mut().for_each(|x| ev(&mut x.evidence));
        self.measures.iter_mut().for_each(|x| ev(&mut x.evidence));
        self.actors
            .iter_mut()
            .for_each(|x| x.mentions.iter_mut().for_each(&mut ev));
        self.quotes.iter_mut().for_each(|x| ev(&mut x.evidence));
    }

    /// Converts every byte offset into a code-point offset of `text`. Called exactly once.
    pub(crate) fn into_code_points(mut self, text: &str) -> Report {
        match Continuations::new(text) {
            // ASCII: every byte is a code point.
            Some(c) if c.at.is_empty() => {}
            Some(c) => self.convert_offsets(|o| c.of(o)),
            None => {
                let mut points = CodePoints::new(text);
                self.convert_offsets(|o| points.of(o));
            }
        }
        self
    }

    /// Replaces every offset `o` of the report by `of(o)`.
    fn convert_offsets(&mut self, mut of: impl FnMut(usize) -> usize) {
        self.for_each_offset(|o| *o = of(*o));
        // Dates keep their offsets outside an Evidence; they are converted alongside.
        for d in &mut self.dates {
            d.start = of(d.start);
            d.end = of(d.end);
        }
    }
}

/// Byte offset to code-point offset as the byte offset less the UTF-8 continuation bytes
/// before it. Most articles are ASCII but for their quotation marks and dashes: the places of
/// their few continuation bytes are listed once (passing over eight ASCII bytes at a time),
/// and an offset costs a binary search among them, where [`CodePoints`] counts up to a block
/// of bytes. A text with more than [`Continuations::MOST`] of them (whole pages of another
/// script) is left to [`CodePoints`], so that the list stays small.
struct Continuations {
    /// Where each continuation byte is, in order.
    at: Vec<u32>,
    /// The length of the text: offsets past the end count as the end.
    len: usize,
}

impl Continuations {
    const MOST: usize = 1 << 16;

    /// The list for `text`, or `None` when it would be longer than [`Continuations::MOST`]
    /// (or the text too long for `u32` places).
    fn new(text: &str) -> Option<Continuations> {
        const LOW: u64 = 0x0101_0101_0101_0101;
        let bytes = text.as_bytes();
        if u32::try_from(bytes.len()).is_err() {
            return None;
        }
        let mut at = Vec::new();
        let mut words = bytes.chunks_exact(8);
        let mut base = 0u32;
        for w in words.by_ref() {
            let w = w.try_into().map_or(0, u64::from_le_bytes);
            if w & crate::vocab::swar::HIGH_BITS != 0 {
                // The low bit of each byte `10xxxxxx`, as in `starts_of_chars`.
                let mut m = w >> 7 & !(w >> 6) & LOW;
                while m != 0 {
                    at.push(base + m.trailing_zeros() / 8);
                    m &= m - 1;
                }
                if at.len() > Self::MOST {
                    return None;
                }
            }
            base += 8;
        }
        for (k, &b) in (base..).zip(words.remainder()) {
            if b & 0xC0 == 0x80 {
                at.push(k);
            }
        }
        (at.len() <= Self::MOST).then_some(Continuations {
            at,
            len: bytes.len(),
        })
    }

    /// The code-point offset of byte offset `o`.
    fn of(&self, o: usize) -> usize {
        let o = o.min(self.len);
        o - self.at.partition_point(|&c| (c as usize) < o)
    }
}

/// Byte offset to code-point offset in one text: the count of code points before each block
/// of [`CodePoints::BLOCK`] bytes, and a cursor at the last offset asked. An offset a little
/// after the last one (the next mention in a list, the end of a short span) counts only the
/// bytes in between; any other costs a look-up and a count over less than a block. No sorting
/// or searching of the offsets, however many spans a report has.
struct CodePoints<'a> {
    bytes: &'a [u8],
    /// `before[i]`: code points in `bytes[..i * BLOCK]`; one entry more than there are blocks.
    before: Vec<usize>,
    /// The last offset asked, and the code points before it.
    at: (usize, usize),
}

impl<'a> CodePoints<'a> {
    const BLOCK: usize = 64;

    fn new(text: &'a str) -> CodePoints<'a> {
        let bytes = text.as_bytes();
        let mut before = Vec::with_capacity(bytes.len() / Self::BLOCK + 2);
        let mut n = 0;
        for block in bytes.chunks(Self::BLOCK) {
            before.push(n);
            n += starts_of_chars(block);
        }
        before.push(n);
        CodePoints {
            bytes,
            before,
            at: (0, 0),
        }
    }

    /// The code-point offset of byte offset `o` (offsets past the end count as the end).
    fn of(&mut self, o: usize) -> usize {
        let o = o.min(self.bytes.len());
        let (mut from, mut n) = self.at;
        if o < from || o - from > Self::BLOCK {
            let block = o / Self::BLOCK;
            (from, n) = (block * Self::BLOCK, self.before[block]);
        }
        n += starts_of_chars(&self.bytes[from..o]);
        self.at = (o, n);
        n
    }
}

/// Bytes that start a character (every byte but UTF-8 continuation bytes `10xxxxxx`),
/// eight at a time: each byte's low bit says whether it continues a character, and a sum of
/// up to 31 words still fits in the bytes of one word (8 x 31 < 256).
fn starts_of_chars(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let total = |sum: u64| (sum.wrapping_mul(LOW) >> 56) as usize;
    let mut continuations = 0;
    let (mut sum, mut n) = (0u64, 0);
    let mut words = bytes.chunks_exact(8);
    for w in words.by_ref() {
        let w = w.try_into().map_or(0, u64::from_le_bytes);
        sum += w >> 7 & !(w >> 6) & LOW;
        n += 1;
        if n == 31 {
            continuations += total(sum);
            (sum, n) = (0, 0);
        }
    }
    continuations += total(sum);
    continuations += words
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::{starts_of_chars, CodePoints, Continuations};

    /// The eight-bytes-at-a-time count equals the count of chars, at every length around the
    /// word and the 31-word sums, for every kind of UTF-8 sequence.
    #[test]
    fn starts_of_chars_counts_chars() {
        for piece in ["a", "é", "—", "😀", "a—😀é"] {
            for n in 0..300 {
                let text = piece.repeat(n);
                assert_eq!(starts_of_chars(text.as_bytes()), text.chars().count());
            }
        }
    }

    /// Every byte offset at a character boundary maps to the count of chars before it, in
    /// texts whose length falls on, before and after a block's end.
    #[test]
    fn code_points_count_the_chars_before_each_offset() {
        let pieces = ["a", "é", "—", "😀", "\u{200f}", " ", "Ж", "中"];
        let mut checked = 0;
        for len in [0usize, 1, 2, 31, 63, 64, 65, 127, 128, 129, 300] {
            for shift in 0..pieces.len() {
                let text: String = (0..len)
                    .map(|i| pieces[(i * 7 + shift) % pieces.len()])
                    .collect();
                let mut points = CodePoints::new(&text);
                let mut offsets: Vec<usize> = text.char_indices().map(|(o, _)| o).collect();
                offsets.push(text.len());
                // In order, then forwards and back by uneven steps (as the lists of a report
                // ask: ascending within a list, back to the start for the next list).
                let n = offsets.len();
                let order = (0..n).chain((0..n).map(|i| (i * 37 + shift) % n));
                for o in order.map(|i| offsets[i]) {
                    assert_eq!(points.of(o), text[..o].chars().count(), "{len} {o}");
                    checked += 1;
                }
                assert_eq!(points.of(text.len() + 5), text.chars().count());
            }
        }
        assert!(checked > 5000);
    }

    /// The list of continuation bytes gives every offset the count of chars before it, as
    /// the blocks do, for texts of every mix of scripts and lengths around the eight-byte
    /// words; a text with more continuation bytes than the list may hold is left to the
    /// blocks.
    #[test]
    fn continuations_count_the_chars_before_each_offset() {
        let pieces = ["a", "bc", "é", "—", "😀", "\u{200f}", " ", "Ж", "中", "’"];
        let (mut checked, mut listed) = (0, 0);
        for len in [0usize, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 300] {
            for shift in 0..pieces.len() {
                // Every piece, then mostly ASCII with a multi-byte piece now and then.
                for sparse in [false, true] {
                    let text: String = (0..len)
                        .map(|i| match (sparse, i % 11) {
                            (true, 1..) => "ab",
                            _ => pieces[(i * 7 + shift) % pieces.len()],
                        })
                        .collect();
                    let Some(list) = Continuations::new(&text) else {
                        panic!("{len} {shift}: a short text gets a list");
                    };
                    listed += list.at.len();
                    let mut blocks = CodePoints::new(&text);
                    let mut offsets: Vec<usize> = text.char_indices().map(|(o, _)| o).collect();
                    offsets.extend([text.len(), text.len() + 3]);
                    for o in offsets {
                        let want = text[..o.min(text.len())].chars().count();
                        assert_eq!(list.of(o), want, "{len} {shift} {o}");
                        assert_eq!(blocks.of(o), want, "{len} {shift} {o}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 5000 && listed > 1000, "{checked} {listed}");
        let many = "é".repeat(Continuations::MOST);
        assert!(Continuations::new(&many).is_some());
        assert!(Continuations::new(&format!("{many}é")).is_none());
    }
}
