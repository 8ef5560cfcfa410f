//! The scanner behind [`super::extract`]: words and numbers in, temporal expressions out.
//!
//! Temporal expressions are short runs of a few known words ("last week", "Jan. 5, 2022",
//! "the third quarter"), so rather than many regexes (slow to build, one pass each) the text
//! is cut once into tokens and a small set of named rules is tried at each token, longest
//! rule first. Each rule records its name in the result so that the corpus test can say
//! which rule fired. Values follow TimeML TIMEX3 conventions as the TempEval corpora use them.

use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::TimeExpr;
use crate::document::Span;
use crate::vocab::{packed, swar};

/// A token: a run of ASCII letters/digits (non-ASCII bytes count as letters, so spans always
/// fall on character boundaries), or one punctuation byte.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: K,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    Word,
    Num,
    Punct(u8),
}

/// The byte classes of [`tokenize`]: white space, punctuation, a word byte (an ASCII letter
/// or any byte of a non-ASCII character), a digit.
const SPACE: u8 = 0;
const PUNCT: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 3;

static CLASS: [u8; 256] = {
    let mut c = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        c[b] = if x.is_ascii_digit() {
            DIGIT
        } else if x.is_ascii_alphabetic() || x >= 0x80 {
            LETTER
        } else if x.is_ascii_whitespace() {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    c
};

/// Cuts `text` into [`Tok`]s (see [`cut`]).
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    cut::<false>(text, &mut out, &mut Vec::new());
    out
}

/// The word bytes (ASCII letters and digits, non-ASCII bytes) of a block of at most 64 bytes:
/// bit `k` for byte `k`. Eight bytes at a time for a whole block.
fn word_mask(block: &[u8]) -> u64 {
    let mut mask = 0u64;
    if block.len() == 64 {
        for (k, eight) in block.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
            let word = swar::ascii_alnum(x) | x & swar::HIGH_BITS;
            mask |= u64::from(swar::gather(word)) << (k * 8);
        }
    } else {
        for (k, &b) in block.iter().enumerate() {
            mask |= u64::from(CLASS[usize::from(b)] >= LETTER) << k;
        }
    }
    mask
}

/// Cuts `text` into `out` (emptied first), 64 bytes at a time: a mask of the word bytes of
/// the block gives where each word starts and ends without a test per byte, and only the
/// bytes between two words are read (one space between most words, passed over at once)
/// for punctuation. With `ANCHORS`, also the index of every token that is an anchor (a
/// number, or a word [`is_anchor`] accepts), in order, into `anchors` (emptied first):
/// tested where the word ends, while its bytes are at hand. Returns whether the text has a
/// slash (every slash is a token of its own).
fn cut<const ANCHORS: bool>(text: &str, out: &mut Vec<Tok>, anchors: &mut Vec<u32>) -> bool {
    let b = text.as_bytes();
    out.clear();
    anchors.clear();
    // About one token per five bytes of news text.
    out.reserve(b.len() / 4 + 1);
    let mut slash = false;
    let mut push_word = |s: usize, e: usize, out: &mut Vec<Tok>| {
        let w = &b[s..e];
        // A token is a number when all its bytes are digits: one that starts with a letter
        // is a word without a look at the rest (most tokens).
        let letters = w.iter().any(|&x| CLASS[usize::from(x)] == LETTER);
        let kind = if letters { K::Word } else { K::Num };
        if ANCHORS && (!letters || is_anchor_bytes(w)) {
            anchors.push(out.len() as u32);
        }
        out.push(Tok { s, e, kind });
    };
    // The punctuation among the bytes from `from` to `to` (no word byte among them).
    let mut gap = |from: usize, to: usize, out: &mut Vec<Tok>| {
        if to == from + 1 && b[from] == b' ' {
            return;
        }
        for (i, &c) in b.iter().enumerate().take(to).skip(from) {
            if CLASS[usize::from(c)] == PUNCT {
                slash |= c == b'/';
                out.push(Tok {
                    s: i,
                    e: i + 1,
                    kind: K::Punct(c),
                });
            }
        }
    };
    // The end of the last word, where the bytes not yet read start; the start of a word
    // that runs on past the block, when there is one; whether the last byte of the block
    // before was a word byte.
    let (mut read, mut open, mut carry) = (0usize, None, 0u64);
    for (n, block) in b.chunks(64).enumerate() {
        let base = n * 64;
        let word = word_mask(block);
        let non_word = !word & (u64::MAX >> (64 - block.len()));
        if let Some(s) = open {
            if non_word == 0 {
                // The whole block is inside the word.
                continue;
            }
            let e = base + non_word.trailing_zeros() as usize;
            push_word(s, e, out);
            (read, open) = (e, None);
        }
        let mut starts = word & !(word << 1 | carry);
        while starts != 0 {
            let k = starts.trailing_zeros();
            starts &= starts - 1;
            let s = base + k as usize;
            gap(read, s, out);
            let after = non_word >> k;
            if after == 0 {
                // The word runs to the end of the block (its last start).
                open = Some(s);
                break;
            }
            let e = s + after.trailing_zeros() as usize;
            push_word(s, e, out);
            read = e;
        }
        carry = word >> (block.len() - 1) & 1;
    }
    if let Some(s) = open {
        push_word(s, b.len(), out);
        read = b.len();
    }
    gap(read, b.len(), out);
    slash
}

/// The value of a number token of at most four digits (every byte of a [`K::Num`] token is
/// an ASCII digit, so no byte needs a check): what `str::parse` gives for it, digit by digit
/// rather than through the general parser with its sign and overflow handling.
#[inline]
fn digits_value(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, &d| {
        n.wrapping_mul(10).wrapping_add(u32::from(d & 0x0f))
    })
}

/// The day a yearless month-day (`m`, `d`) names against the reference `r`: the year that
/// puts it nearest `r`, moved forward a year when the clause speaks of the future (`tense`,
/// see [`Scanner::tense`]) and the date would otherwise be past, back a year when a past
/// clause or a date far ahead says so. The three answers are worked out first: when they
/// agree (a date a few days or weeks before `r`, as most in a news report are), the clause
/// is not read, since its tense would change nothing. The candidates sit in an array, not
/// a `Vec` allocated per date.
fn nearest_year(
    r: NaiveDate,
    m: u32,
    d: u32,
    tense: impl FnOnce() -> Option<bool>,
) -> Option<NaiveDate> {
    let cands = [r.year() - 1, r.year(), r.year() + 1].map(|y| NaiveDate::from_ymd_opt(y, m, d));
    let cands = cands.iter().flatten();
    let nearest = *cands.clone().min_by_key(|x| (**x - r).num_days().abs())?;
    let past = cands.clone().rev().find(|x| **x <= r).copied();
    let future = cands
        .clone()
        .find(|x| **x >= r - Duration::days(7))
        .copied();
    let pick = |tense: Option<bool>| match tense {
        // "payable Dec. 15", "will resume on March 3": the next such day, unless the
        // nearest is only days past ("would bring aid to the towns the Aug. 7 floods hit").
        Some(true) if nearest >= r - Duration::days(14) => nearest,
        Some(true) => future.unwrap_or(nearest),
        // A past clause: the last such day, unless one is only days ahead ("of record
        // Nov. 17" beside "declared").
        Some(false) if nearest > r + Duration::days(30) || nearest < r => past.unwrap_or(nearest),
        // A news report mostly looks back: a date far ahead is last year's.
        _ if nearest > r + Duration::days(60) => past.unwrap_or(nearest),
        _ => nearest,
    };
    let (ahead, back, none) = (pick(Some(true)), pick(Some(false)), pick(None));
    Some(if ahead == back && back == none {
        none
    } else {
        pick(tense())
    })
}

/// One expression found by a rule.
struct Hit {
    end: usize,
    kind: &'static str,
    value: String,
    day: Option<NaiveDate>,
}

fn hit(end: usize, kind: &'static str, value: String, day: Option<NaiveDate>) -> Option<Hit> {
    Some(Hit {
        end,
        kind,
        value,
        day,
    })
}

/// `2022-01-05`: the day as chrono's `%Y-%m-%d` writes it (see [`ymd_into`]).
fn ymd(d: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    ymd_into(d, &mut out);
    out
}

/// Appends [`ymd`]`(d)` to `out`, digit by digit for the years of four digits (chrono's
/// formatter costs more than the rule that found the day).
fn ymd_into(d: NaiveDate, out: &mut String) {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        return;
    }
    let y = y as u32;
    push_02(out, y / 100);
    push_02(out, y % 100);
    out.push('-');
    push_02(out, d.month());
    out.push('-');
    push_02(out, d.day());
}

/// Appends `n` as `format!("{n:02}")` writes it.
fn push_02(out: &mut String, n: u32) {
    if n < 100 {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    } else {
        let _ = write!(out, "{n}");
    }
}

fn day_hit(end: usize, d: NaiveDate) -> Option<Hit> {
    hit(end, "date", ymd(d), Some(d))
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let n = y * 12 + m as i32 - 1 + delta;
    (n.div_euclid(12), n.rem_euclid(12) as u32 + 1)
}

fn quarter(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

/// The last quarter that has ended, roughly (financial reports speak of it as "the quarter").
fn last_quarter(d: NaiveDate) -> (i32, u32) {
    quarter(d - Duration::days(45))
}

pub(super) fn month_of(w: &str) -> Option<(u32, bool)> {
    let mut buf = [0u8; 16];
    month_of_lower(lower(w, &mut buf)?)
}

fn month_of_lower(l: &[u8]) -> Option<(u32, bool)> {
    Some(match l {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

pub(super) fn weekday_of(w: &str) -> Option<Weekday> {
    let mut buf = [0u8; 16];
    weekday_of_lower(lower(w, &mut buf)?)
}

fn weekday_of_lower(l: &[u8]) -> Option<Weekday> {
    Some(match l {
        b"monday" => Weekday::Mon,
        b"tuesday" => Weekday::Tue,
        b"wednesday" => Weekday::Wed,
        b"thursday" => Weekday::Thu,
        b"friday" => Weekday::Fri,
        b"saturday" => Weekday::Sat,
        b"sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// A number word ("seven", "Twenty", "ninety"), as one match on the lowercase word rather
/// than a case-blind compare with each of the 28.
fn word_number(w: &str) -> Option<u32> {
    let mut buf = [0u8; 16];
    word_number_lower(lower(w, &mut buf)?)
}

/// [`word_number`] of a word already lowercased.
fn word_number_lower(l: &[u8]) -> Option<u32> {
    Some(match l {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

fn ordinal(w: &str) -> Option<u32> {
    const O: [(&str, u32); 8] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
    ];
    O.iter()
        .find(|(n, _)| w.eq_ignore_ascii_case(n))
        .map(|(_, v)| *v)
}

/// A unit of time: its TIMEX3 letter and whether it is a clock unit (`PT…`).
fn unit_of(w: &str) -> Option<(&'static str, bool)> {
    let mut buf = [0u8; 16];
    let l = lower_str(w, &mut buf);
    let base = l.strip_suffix('s').unwrap_or(l);
    Some(match base {
        "second" => ("S", true),
        "minute" => ("M", true),
        "hour" => ("H", true),
        "day" => ("D", false),
        "week" => ("W", false),
        "month" => ("M", false),
        "year" => ("Y", false),
        "decade" => ("DE", false),
        "quarter" => ("Q", false),
        "centurie" | "century" => ("CE", false),
        _ => return None,
    })
}

fn season_of(w: &str) -> Option<&'static str> {
    const SEASONS: [(&str, &str); 5] = [
        ("spring", "SP"),
        ("summer", "SU"),
        ("fall", "FA"),
        ("autumn", "FA"),
        ("winter", "WI"),
    ];
    SEASONS
        .iter()
        .find(|(name, _)| w.eq_ignore_ascii_case(name))
        .map(|(_, code)| *code)
}

fn season_months(s: &str) -> (u32, u32) {
    match s {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 2),
    }
}

/// Words after a four-digit number that show it is a count, not a year.
const NOT_YEAR_AFTER: &[&str] = &[
    "people",
    "persons",
    "percent",
    "per",
    "km",
    "kg",
    "m",
    "ft",
    "feet",
    "miles",
    "mi",
    "meters",
    "metres",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "troops",
    "soldiers",
    "police",
    "residents",
    "families",
    "households",
    "houses",
    "homes",
    "cases",
    "deaths",
    "dead",
    "members",
    "workers",
    "students",
    "children",
    "men",
    "women",
    "protesters",
    "refugees",
    "hectares",
    "acres",
    "units",
    "buildings",
    "employees",
    "jobs",
    "shares",
    "points",
    "votes",
    "delegates",
    "officers",
    "pounds",
    "yen",
    "marks",
    "francs",
    "barrels",
    "gallons",
    "square",
    "cubic",
    "years",
    "days",
    "hours",
    "mph",
    "kph",
    "block",
    "gmt",
    "utc",
    "hrs",
    "st",
    "street",
    "ave",
    "avenue",
    "road",
    "rd",
    "blvd",
    "lane",
    "way",
    "drive",
    "others",
];

/// Words before a number that make it a label, not a year.
const NOT_YEAR_BEFORE: &[&str] = &[
    "no",
    "number",
    "article",
    "flight",
    "route",
    "highway",
    "room",
    "suite",
    "resolution",
    "code",
    "unit",
    "apt",
    "box",
    "channel",
    "page",
    "chapter",
    "section",
    "bus",
    "model",
    "covid",
    "rule",
    "order",
    "decree",
    "law",
    "item",
    "level",
    "grade",
    "ward",
    "lot",
];

/// What a word before a date says about when it is: the clause looks ahead ("will", "due",
/// "planned", "payable", "until"), looks back ("said", "was", "ago"), or says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Ahead,
    Back,
    None,
}

/// The words whose [`Cue`] is [`Cue::Ahead`].
const AHEAD_CUES: &[&[u8]] = &[
    b"will",
    b"ll",
    b"shall",
    b"would",
    b"due",
    b"scheduled",
    b"expected",
    b"expects",
    b"expect",
    b"upcoming",
    b"tomorrow",
    b"plan",
    b"plans",
    b"planned",
    b"planning",
    b"supposed",
    b"intends",
    b"intend",
    b"likely",
    b"payable",
    b"effective",
    b"going",
];

/// The words whose [`Cue`] is [`Cue::Back`], besides the past tenses in "-ed".
const BACK_CUES: &[&[u8]] = &[
    b"said",
    b"says",
    b"told",
    b"announced",
    b"reported",
    b"was",
    b"were",
    b"had",
    b"did",
    b"last",
    b"ago",
    b"since",
    b"yesterday",
    b"rose",
    b"fell",
    b"began",
    b"hit",
    b"struck",
    b"broke",
    b"took",
    b"came",
    b"went",
    b"fled",
    b"met",
    b"led",
    b"saw",
    b"made",
    b"shot",
    b"left",
    b"held",
    b"spoke",
    b"won",
    b"lost",
    b"grew",
    b"gave",
    b"sent",
    b"built",
    b"fought",
    b"brought",
    b"paid",
    b"sold",
    b"bought",
    b"got",
    b"became",
    b"ran",
    b"found",
    b"thought",
    b"felt",
    b"kept",
    b"overtook",
    b"swept",
    b"tore",
    b"blew",
];

static AHEAD: packed::Set<{ AHEAD_CUES.len() }> = packed::Set::new(&[AHEAD_CUES]);
static BACK: packed::Set<{ BACK_CUES.len() }> = packed::Set::new(&[BACK_CUES]);

/// The cue of a lowercase word.
fn cue_of(w: &[u8]) -> Cue {
    let key = packed::key(w);
    if AHEAD.contains(key) {
        Cue::Ahead
    } else if BACK.contains(key) {
        Cue::Back
    } else if w.len() > 3 && w.ends_with(b"ed") && !w.ends_with(b"eed") {
        // "-ed" is a past tense, but "succeed", "need" are not.
        Cue::Back
    } else {
        Cue::None
    }
}

/// The words [`Scanner::tense`] reads besides the cues.
const TENSE_WORDS: &[&[u8]] = &[b"soon", b"early", b"to", b"be", b"until", b"till"];

/// One bit per shape (see [`shape_bit`]) of the cues and [`TENSE_WORDS`].
static TENSE_SHAPES: [u64; 17 << 4] = shape_table(&[AHEAD_CUES, BACK_CUES, TENSE_WORDS]);

/// Whether [`Scanner::tense`] can learn anything from the word `w` (any case): a cue, one of
/// [`TENSE_WORDS`] (by their shape: length, first and last letters) or a word in "-ed" of
/// more than three letters. Most words are none, and are passed over without being
/// lowercased or compared with the lists.
fn may_tell_tense(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    let Some(shape) = shape_bit(w.len(), first, last) else {
        return false;
    };
    TENSE_SHAPES[shape / 64] & 1 << (shape % 64) != 0
        || (w.len() > 3 && last | 0x20 == b'd' && w[w.len() - 2] | 0x20 == b'e')
}

/// Every rule of [`Scanner::at`], as [`Scanner::cannot_start`] bits.
const ALL_RULES: u32 = (1 << 19) - 1;

/// The names of the rules of [`Scanner::at`], in cascade order (see [`rule`]).
const RULE_NAMES: [&str; 19] = [
    "iso_date",
    "numeric_date",
    "clock_time",
    "month_day",
    "day_month",
    "month_year",
    "weekday",
    "relative_day",
    "anchored_day",
    "weekend",
    "holiday",
    "this_period",
    "ago",
    "quarter",
    "year",
    "month_alone",
    "duration",
    "set",
    "vague",
];

/// The rules of [`Scanner::at`] by their place in its cascade: bit `1 << r` of
/// [`Scanner::cannot_start`] is rule `r`.
mod rule {
    pub const ISO_DATE: u32 = 0;
    pub const NUMERIC_DATE: u32 = 1;
    pub const CLOCK_TIME: u32 = 2;
    pub const MONTH_DAY: u32 = 3;
    pub const DAY_MONTH: u32 = 4;
    pub const MONTH_YEAR: u32 = 5;
    pub const WEEKDAY: u32 = 6;
    pub const RELATIVE_DAY: u32 = 7;
    pub const ANCHORED_DAY: u32 = 8;
    pub const WEEKEND: u32 = 9;
    pub const HOLIDAY: u32 = 10;
    pub const THIS_PERIOD: u32 = 11;
    pub const AGO: u32 = 12;
    pub const QUARTER: u32 = 13;
    pub const YEAR: u32 = 14;
    pub const MONTH_ALONE: u32 = 15;
    pub const DURATION: u32 = 16;
    pub const SET: u32 = 17;
    pub const VAGUE: u32 = 18;
}

pub(super) struct Scanner<'a> {
    text: &'a str,
    t: Vec<Tok>,
    r: Option<NaiveDate>,
    /// Day-first numeric dates (`05/01/2022` = 5 January), decided from the text.
    dmy: Option<bool>,
    /// The day of the last expression that named one (for "the day before", "that night").
    anchor: Option<NaiveDate>,
    /// Does the text speak of quarters at all (a financial report)?
    has_quarter: bool,
    /// The quarters a financial report names, with their tokens (see [`quarters_in`]).
    report_q: Vec<(usize, u32)>,
    /// The token being looked at (for [`Scanner::report_quarter`]).
    at: std::cell::Cell<usize>,
    /// [`Scanner::prefix`] of the token being looked at, remembered for the other rules there.
    prefix_of: std::cell::Cell<Option<(usize, usize)>>,
    /// The tokens that are anchors (see [`is_anchor`]), in order.
    anchors: Vec<u32>,
    /// Does the text have a slash (which every numeric date has)?
    slash: bool,
}

/// The token and anchor vectors of a thread's last scanner, empty, kept for its next one:
/// made anew for each article (and each piece the reference date reads), they cost a large
/// `malloc` and `free` apiece. Nothing passes from one text to the next: [`cut`] empties them.
#[derive(Default)]
struct Buffers {
    t: Vec<Tok>,
    anchors: Vec<u32>,
}

thread_local! {
    static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
}

/// Room for more tokens than this (an article of some 80 KB) is given back rather than kept
/// for the thread's next text.
const KEPT_AT_MOST: usize = 1 << 14;

impl Drop for Scanner<'_> {
    fn drop(&mut self) {
        let (mut t, mut anchors) = (
            std::mem::take(&mut self.t),
            std::mem::take(&mut self.anchors),
        );
        t.clear();
        t.shrink_to(KEPT_AT_MOST);
        anchors.clear();
        anchors.shrink_to(KEPT_AT_MOST);
        BUFFERS.with(|b| b.set(Buffers { t, anchors }));
    }
}

/// Whether `t` mentions quarters, and every quarter it names, with its token: an ordinal
/// ("third-quarter") or the month a quarter ended in ("the quarter ended Sept. 30").
/// `quarter_words` are the tokens that are the word "quarter", in text order.
fn quarters_in(text: &str, t: &[Tok], quarter_words: &[usize]) -> (bool, Vec<(usize, u32)>) {
    let w = |i: usize| &text[t[i].s..t[i].e];
    let has = !quarter_words.is_empty();
    let mut named = Vec::new();
    for &i in quarter_words {
        let mut j = i;
        if j > 0 && t[j - 1].kind == K::Punct(b'-') {
            j -= 1;
        }
        // A company counts its own quarters ("its fiscal first quarter ended Sept. 30"): the
        // ordinal wins; the month a quarter ended in names it otherwise.
        let ended = (i + 2 < t.len()
            && ["ended", "ending"]
                .iter()
                .any(|x| w(i + 1).eq_ignore_ascii_case(x)))
        .then(|| month_of(w(i + 2)))
        .flatten();
        if let Some(q) = (j > 0).then(|| ordinal(w(j - 1))).flatten() {
            named.push((i, q));
        } else if let Some((m, _)) = ended {
            named.push((i, (m - 1) / 3 + 1));
        }
    }
    (has, named)
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, r: Option<NaiveDate>, dateline: Option<&str>) -> Scanner<'a> {
        Scanner::cut(text).prepared(r, dateline)
    }

    /// The scanner of `text` cut into tokens (and its anchors found), before
    /// [`Scanner::prepared`] reads what the rules need from the whole text: a piece that
    /// [`may_name_year_in`] turns away is spared that.
    pub(super) fn cut(text: &'a str) -> Scanner<'a> {
        let Buffers { mut t, mut anchors } = BUFFERS.with(std::cell::Cell::take);
        let slash = cut::<true>(text, &mut t, &mut anchors);
        Scanner {
            text,
            t,
            anchors,
            slash,
            r: None,
            dmy: None,
            anchor: None,
            has_quarter: false,
            report_q: Vec::new(),
            at: std::cell::Cell::new(0),
            prefix_of: std::cell::Cell::new(None),
        }
    }

    /// The tokens of the text.
    pub(super) fn tokens(&self) -> &[Tok] {
        &self.t
    }

    /// The scanner of [`Scanner::cut`] made ready to run against `r`.
    pub(super) fn prepared(mut self, r: Option<NaiveDate>, dateline: Option<&str>) -> Scanner<'a> {
        self.r = r;
        // Only a numeric date ("05/01/2022") reads the order, and it needs a slash: a text
        // without one is spared the look at its dateline (which cuts it into tokens again).
        if self.slash {
            self.dmy = day_first(self.text, &self.t, dateline);
        }
        // The "quarter"s of the text: among the anchors (it is one), rather than by a pass of
        // their own over every token.
        let bytes = self.text.as_bytes();
        let quarter_words: Vec<usize> = (self.anchors.iter().map(|&k| k as usize))
            .filter(|&k| {
                let t = self.t[k];
                t.kind == K::Word && bytes[t.s..t.e].eq_ignore_ascii_case(b"quarter")
            })
            .collect();
        (self.has_quarter, self.report_q) = quarters_in(self.text, &self.t, &quarter_words);
        self
    }

    /// The quarter "the quarter" and "a year ago" speak of in a financial report: the last one
    /// the text named before (a wire story may report on several companies), else the first
    /// it names (in the year that puts it on or before `r`), else the last one ended.
    fn report_quarter(&self, r: NaiveDate) -> (i32, u32) {
        let at = self.at.get();
        let k = self.report_q.partition_point(|(i, _)| *i <= at + 4);
        let named = k
            .checked_sub(1)
            .or((!self.report_q.is_empty()).then_some(0))
            .map(|k| self.report_q[k].1);
        match named {
            Some(q) if q > quarter(r).1 => (r.year() - 1, q),
            Some(q) => (r.year(), q),
            None => last_quarter(r),
        }
    }

    fn w(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) => &self.text[t.s..t.e],
            None => "",
        }
    }
    fn is(&self, i: usize, word: &str) -> bool {
        // On the bytes: a token's span needs no char-boundary check.
        self.t.get(i).is_some_and(|t| {
            t.kind == K::Word
                && self.text.as_bytes()[t.s..t.e].eq_ignore_ascii_case(word.as_bytes())
        })
    }
    #[inline(always)]
    fn any(&self, i: usize, words: &[&str]) -> bool {
        match self.t.get(i) {
            Some(t) if t.kind == K::Word => {
                let w = &self.text.as_bytes()[t.s..t.e];
                words
                    .iter()
                    .any(|x| x.len() == w.len() && w.eq_ignore_ascii_case(x.as_bytes()))
            }
            _ => false,
        }
    }
    fn p(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == K::Punct(c))
    }
    /// Tokens `i` and `i+1` touch (no space between).
    fn tight(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        if t.kind != K::Num || t.e - t.s > 4 {
            return None;
        }
        Some(digits_value(&self.text.as_bytes()[t.s..t.e]))
    }
    fn capital(&self, i: usize) -> bool {
        // Tokens are never empty; a non-ASCII first byte is no ASCII capital, as its char is not.
        self.t
            .get(i)
            .is_some_and(|t| self.text.as_bytes()[t.s].is_ascii_uppercase())
    }
    /// A month name at `i` (capitalized), with the index after it (past an abbreviation's dot).
    fn month(&self, i: usize) -> Option<(u32, bool, usize)> {
        if self.t.get(i)?.kind != K::Word || !self.capital(i) {
            return None;
        }
        let (m, abbr) = month_of(self.w(i))?;
        let next = if abbr && self.p(i + 1, b'.') && self.tight(i) {
            i + 2
        } else {
            i + 1
        };
        Some((m, abbr, next))
    }
    /// A day of the month at `i` ("5", "5th").
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        let w = self.w(i);
        let d: u32 = match t.kind {
            K::Num if w.len() <= 2 => digits_value(w.as_bytes()),
            K::Word => {
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &w[digits.len()..];
                if digits.is_empty()
                    || digits.len() > 2
                    || !["st", "nd", "rd", "th"]
                        .iter()
                        .any(|s| suffix.eq_ignore_ascii_case(s))
                {
                    return None;
                }
                digits.parse().ok()?
            }
            _ => return None,
        };
        // "5:30" is a time, "5,000" and "5.5" are numbers.
        if (self.p(i + 1, b':') || self.p(i + 1, b'.') || self.p(i + 1, b','))
            && self.tight(i)
            && self.t.get(i + 2).is_some_and(|t| t.kind == K::Num)
            && self.tight(i + 1)
        {
            return None;
        }
        (1..=31).contains(&d).then_some((d, i + 1))
    }
    fn year4(&self, i: usize) -> Option<i32> {
        let t = self.t.get(i)?;
        if t.kind != K::Num || t.e - t.s != 4 {
            return None;
        }
        let y = digits_value(&self.text.as_bytes()[t.s..t.e]) as i32;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// Does the clause before token `i` speak of the future?
    fn future(&self, i: usize) -> bool {
        self.tense(i) == Some(true)
    }

    /// The word at `i` lowercased (ASCII words of up to 16 bytes; "" for any other, which no
    /// rule word is), for the rules that match it against several words: the word itself
    /// when it has no capital (most words), else a copy on the stack.
    fn lw(&self, i: usize) -> Low<'a> {
        let w = self.w(i);
        if already_lower(w) {
            return Low::Same(w);
        }
        let mut buf = [0; 16];
        let len = lower(w, &mut buf).map_or(0, |l| l.len() as u8);
        Low::Copy(buf, len)
    }

    /// The lowercase word at `i` (ASCII words of up to 16 bytes), or "".
    fn low<'b>(&self, i: usize, buf: &'b mut [u8; 16]) -> &'b [u8] {
        match self.t.get(i) {
            Some(t) if t.kind == K::Word => lower(self.w(i), buf).unwrap_or(b""),
            _ => b"",
        }
    }

    /// Does a full stop at token `j` end a sentence (not "P." or "Jan.")?
    fn full_stop(&self, j: usize) -> bool {
        !(j > 0
            && self.tight(j - 1)
            && self.t[j - 1].kind == K::Word
            && (self.w(j - 1).len() <= 2 || month_of(self.w(j - 1)).is_some())
            && self.capital(j - 1))
    }

    /// The tense of the clause before token `i`: `Some(true)` when it looks ahead (b"will",
    /// "due to", "planned to", "to be", "as soon as", b"payable"), `Some(false)` when it looks
    /// back (b"said", b"-ed"), `None` when nothing shows it. A participle after b"be" ("will be
    /// paid") is no past, and "had been due to" looks back.
    fn tense(&self, i: usize) -> Option<bool> {
        let lo = i.saturating_sub(16);
        // "until Friday" looks ahead unless the clause has a past verb ("searched … until").
        let mut until = None;
        let mut j = i;
        while j > lo {
            j -= 1;
            let t = self.t[j];
            match t.kind {
                K::Punct(b'!' | b'?' | b';') => return until,
                K::Punct(b'.') if self.full_stop(j) => return until,
                // Most words say nothing: they are passed over before being lowercased.
                K::Word if may_tell_tense(&self.text.as_bytes()[t.s..t.e]) => {
                    let mut buf = [0u8; 16];
                    let w = self.low(j, &mut buf);
                    // Whether the word before is one of `words`: read only where a rule below
                    // asks (most words that pass the filter above are no cue at all).
                    let prev = |words: &[&str]| j > 0 && self.any(j - 1, words);
                    match w {
                        // "as soon as Tuesday", "as early as Friday".
                        b"soon" | b"early"
                            if prev(&["as"]) && j + 1 < i && self.is(j + 1, "as") =>
                        {
                            return Some(true)
                        }
                        // "is to resume", "to be held".
                        b"to" if prev(&["is", "are", "set"]) => return Some(true),
                        b"be" if prev(&["to"]) => return Some(true),
                        b"until" | b"till" => until = Some(true),
                        _ => {}
                    }
                    match cue_of(w) {
                        Cue::Ahead => return Some(!prev(&["had", "been"])),
                        // "be paid", and names ("United States") are no past.
                        Cue::Back if prev(&["be", "been", "being"]) => {}
                        Cue::Back if w.ends_with(b"ed") && self.capital(j) => {}
                        // "postponed until Tuesday", "gave them until Friday": a deadline.
                        Cue::Back
                            if until.is_some()
                                && matches!(
                                    w,
                                    b"postponed"
                                        | b"extended"
                                        | b"delayed"
                                        | b"adjourned"
                                        | b"deferred"
                                        | b"gave"
                                        | b"given"
                                ) => {}
                        Cue::Back => return Some(false),
                        Cue::None => {}
                    }
                }
                _ => {}
            }
        }
        until
    }

    /// An optional leading modifier ("early", "late", "mid-", "the end of"): where the core starts.
    #[inline(always)]
    fn prefix(&self, i: usize) -> usize {
        match self.prefix_of.get() {
            Some((at, j)) if at == i => j,
            _ => {
                let j = self.find_prefix(i);
                self.prefix_of.set(Some((i, j)));
                j
            }
        }
    }

    /// See [`Scanner::prefix`].
    fn find_prefix(&self, i: usize) -> usize {
        if self.any(i, &["early", "late", "earlier", "later", "mid"]) {
            if self.is(i, "mid") && self.p(i + 1, b'-') {
                return i + 2;
            }
            return i + 1;
        }
        if self.is(i, "the")
            && self.any(i + 1, &["end", "beginning", "start", "middle"])
            && self.is(i + 2, "of")
        {
            return i + 3;
        }
        if self.is(i, "mid-") {
            return i + 1;
        }
        i
    }

    fn note(&mut self, h: &Hit) {
        if h.day.is_some() && h.kind != "set" {
            self.anchor = h.day;
        }
    }

    /// Runs every rule at every token; returns the expressions in text order.
    pub(super) fn run(self) -> Vec<TimeExpr> {
        self.run_with(true)
    }

    /// The first expression [`Scanner::run`] would list that starts before byte `limit` and
    /// that `wanted` accepts, found without reading on past it (the expressions before it are
    /// found all the same: each can change how the next one reads).
    pub(super) fn first(
        self,
        limit: usize,
        mut wanted: impl FnMut(&TimeExpr) -> bool,
    ) -> Option<TimeExpr> {
        let mut first = None;
        self.scan(true, limit, |t| {
            let stop = wanted(&t);
            if stop {
                first = Some(t);
            }
            stop
        });
        first
    }

    /// [`Scanner::run`]; `gate` turns away at once the numbers no rule can start from (see
    /// [`Scanner::number_may_start`]), tries only `ago` after "about", "more" and the like,
    /// and passes over the rules [`Scanner::cannot_start`] rules out at a token:
    /// the tests run the scanner without it as the reference.
    fn run_with(self, gate: bool) -> Vec<TimeExpr> {
        let mut out = Vec::new();
        self.scan(gate, usize::MAX, |t| {
            out.push(t);
            false
        });
        out
    }

    /// Hands each expression that starts before byte `limit` to `found`, in text order, until
    /// it says to stop (`gate`: see [`Scanner::run_with`]).
    fn scan(mut self, gate: bool, limit: usize, mut found: impl FnMut(TimeExpr) -> bool) {
        let mut i = 0;
        // The first anchor at or after token `i` is `self.anchors[next]`.
        let mut next = 0;
        while i < self.t.len() && self.t[i].s < limit {
            // What `at` turns away first, without a call: tokens far from an anchor (most
            // tokens), all at once up to the first one within reach of the next anchor, and
            // punctuation.
            while self.anchors.get(next).is_some_and(|&a| (a as usize) < i) {
                next += 1;
            }
            let anchor = self.anchors.get(next).map_or(usize::MAX, |&a| a as usize);
            if anchor.saturating_sub(i) > ANCHOR_REACH {
                if anchor >= self.t.len() {
                    break;
                }
                i = anchor - ANCHOR_REACH;
                continue;
            }
            if matches!(self.t[i].kind, K::Punct(_))
                || (gate && self.t[i].kind == K::Num && !self.number_may_start(i))
            {
                i += 1;
                continue;
            }
            if let Some((rule, h)) = self.at(i, gate) {
                if h.end > i {
                    let span: Span = self.t[i].s..self.t[h.end - 1].e;
                    self.note(&h);
                    let stop = found(TimeExpr {
                        span,
                        kind: h.kind,
                        value: h.value,
                        day: h.day,
                        rule,
                    });
                    if stop {
                        return;
                    }
                    i = h.end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Whether an expression can start at the number at `i`. Every rule that starts at a
    /// number needs it to have four digits (a year, "1400 hours"), or to touch the punctuation
    /// after it ("5:30", "5/1/2022", "10-day"), or to have a calendar word or a unit within
    /// three words ("5 January", "12 days ago", "three more weeks"), or an "am"/"pm" ("5 pm",
    /// "5 p.m."). Most numbers of a crisis article are counts ("12 people"): they are passed
    /// over here rather than tried by every rule.
    fn number_may_start(&self, i: usize) -> bool {
        let t = self.t[i];
        if t.e - t.s == 4
            || (self.tight(i)
                && matches!(self.t.get(i + 1), Some(n) if matches!(n.kind, K::Punct(_))))
        {
            return true;
        }
        (i + 1..(i + 4).min(self.t.len())).any(|k| {
            self.t[k].kind == K::Word && {
                let w = self.w(k);
                is_anchor(w)
                    || ["am", "pm", "hrs", "hr"]
                        .iter()
                        .any(|x| w.eq_ignore_ascii_case(x))
                    || (["a", "p"].iter().any(|x| w.eq_ignore_ascii_case(x)) && self.p(k + 1, b'.'))
            }
        })
    }

    /// The first rule that finds an expression at token `i`, with its name (`gate`: see
    /// [`Scanner::run_with`]). [`Scanner::scan`] asks only within [`ANCHOR_REACH`] tokens
    /// before an anchor.
    fn at(&self, i: usize, gate: bool) -> Option<(&'static str, Hit)> {
        // The word lowercased once, for the tests below.
        let mut buf = [0u8; 16];
        let l: &[u8] = match self.t[i].kind {
            K::Punct(_) => return None,
            K::Word => could_start(self.w(i), &mut buf)?,
            K::Num => b"",
        };
        self.at.set(i);
        // Approximations start only "about two years ago" ("more" also "more recently"):
        // the other rules are not tried.
        if gate && self.t[i].kind == K::Word {
            match l {
                b"about" | b"nearly" | b"almost" | b"roughly" | b"around" | b"over" => {
                    return self.ago(i).map(|h| ("ago", h));
                }
                b"more" => {
                    return (self.ago(i).map(|h| ("ago", h)))
                        .or_else(|| self.vague(i).map(|h| ("vague", h)));
                }
                _ => {}
            }
        }
        let skip = if gate {
            self.cannot_start_lower(i, l)
        } else {
            0
        };
        // The rules left, in cascade order: one bit each.
        let mut left = ALL_RULES & !skip;
        while left != 0 {
            let r = left.trailing_zeros();
            left &= left - 1;
            if let Some(h) = self.rule(r, i) {
                return Some((RULE_NAMES[r as usize], h));
            }
        }
        None
    }

    /// Rule `r` of the cascade (see [`rule`]) at token `i`.
    fn rule(&self, r: u32, i: usize) -> Option<Hit> {
        match r {
            rule::ISO_DATE => self.iso_date(i),
            rule::NUMERIC_DATE => self.numeric_date(i),
            rule::CLOCK_TIME => self.clock_time(i),
            rule::MONTH_DAY => self.month_day(i),
            rule::DAY_MONTH => self.day_month(i),
            rule::MONTH_YEAR => self.month_year(i),
            rule::WEEKDAY => self.weekday(i),
            rule::RELATIVE_DAY => self.relative_day(i),
            rule::ANCHORED_DAY => self.anchored_day(i),
            rule::WEEKEND => self.weekend(i),
            rule::HOLIDAY => self.holiday(i),
            rule::THIS_PERIOD => self.this_period(i),
            rule::AGO => self.ago(i),
            rule::QUARTER => self.quarter(i),
            rule::YEAR => self.year(i),
            rule::MONTH_ALONE => self.month_alone(i),
            rule::DURATION => self.duration(i),
            rule::SET => self.set(i),
            rule::VAGUE => self.vague(i),
            _ => None,
        }
    }

    /// The rules of [`Scanner::at`] (bit `r` for the `r`-th) that cannot match at the word at
    /// `i`, from what that word is: each rule needs its first word (or the word after a
    /// modifier that `prefix` passes over) to be a month, a weekday, a number-like word
    /// ("5th", "11pm") or one of a few words, so one look at the word spares most of the
    /// cascade at the "the", "that", "year" a crisis article is full of; at a number, the
    /// rules that want a word. Punctuation: none are skipped. What the word alone says is
    /// read from a table (see [`word_skip`]); "the" and "a" also look at the next word.
    #[cfg(test)]
    fn cannot_start(&self, i: usize) -> u32 {
        let mut buf = [0u8; 16];
        let l = self.low(i, &mut buf);
        self.cannot_start_lower(i, l)
    }

    /// [`Scanner::cannot_start`] with the word at `i` already lowercased: `l` is
    /// [`Scanner::low`]`(i)`.
    fn cannot_start_lower(&self, i: usize, l: &[u8]) -> u32 {
        match self.t[i].kind {
            K::Word => {}
            // At a number only iso_date, numeric_date, clock_time, day_month, ago, quarter,
            // year and duration can start: the others want a word first.
            K::Num => {
                return [
                    rule::MONTH_DAY,
                    rule::MONTH_YEAR,
                    rule::WEEKDAY,
                    rule::RELATIVE_DAY,
                    rule::ANCHORED_DAY,
                    rule::WEEKEND,
                    rule::HOLIDAY,
                    rule::THIS_PERIOD,
                    rule::MONTH_ALONE,
                    rule::SET,
                    rule::VAGUE,
                ]
                .iter()
                .fold(0, |m, r| m | 1 << r)
            }
            K::Punct(_) => return 0,
        }
        // "the" and "a" can start many rules, but only before a few words: after any other
        // (most of the "the" and "a" of an article) none can match.
        match l {
            b"the" if !self.may_follow_the(i + 1) => return ALL_RULES,
            b"a" | b"an" if !self.may_follow_a(i + 1) => return ALL_RULES,
            _ => {}
        }
        let digit = self.text.as_bytes()[self.t[i].s].is_ascii_digit();
        let mut skip = word_skip(l, digit);
        // holiday: also at a capital ("Christmas").
        if self.capital(i) {
            skip &= !(1 << rule::HOLIDAY);
        }
        skip
    }

    /// Whether a rule can match at a "the" followed by token `k`: a number ("the 3rd of
    /// March", "the 1990s", "the 1989 period"), an apostrophe ("the '80s") or one of the words
    /// the rules read after "the": a modifier `prefix` passes over ("the end of"), a relative
    /// or period word ("the previous day", "the weekend", "the past two weeks", "the
    /// summer"), a count ("the three days"), "future".
    fn may_follow_the(&self, k: usize) -> bool {
        self.may_follow(k, b'\'', |low, w| {
            matches!(
                low,
                b"end"
                    | b"beginning"
                    | b"start"
                    | b"middle"
                    | b"previous"
                    | b"following"
                    | b"next"
                    | b"day"
                    | b"same"
                    | b"weekend"
                    | b"this"
                    | b"current"
                    | b"last"
                    | b"past"
                    | b"coming"
                    | b"fiscal"
                    | b"latest"
                    | b"recent"
                    | b"comparable"
                    | b"year"
                    | b"first"
                    | b"second"
                    | b"third"
                    | b"fourth"
                    | b"quarter"
                    | b"period"
                    | b"spring"
                    | b"summer"
                    | b"fall"
                    | b"autumn"
                    | b"winter"
                    | b"twenties"
                    | b"thirties"
                    | b"forties"
                    | b"fifties"
                    | b"sixties"
                    | b"seventies"
                    | b"eighties"
                    | b"nineties"
                    | b"a"
                    | b"an"
                    | b"one"
                    | b"few"
                    | b"several"
                    | b"many"
                    | b"some"
                    | b"future"
                    | b"near"
            ) || word_number(w).is_some()
        })
    }

    /// Whether a rule can match at an "a" or "an" followed by token `k`: a unit ("a year
    /// ago", "a week"), "few", "couple" or "more" before one, a hyphen (which a unit may
    /// follow), a number, or a word of "a third quarter", "a year-earlier period".
    fn may_follow_a(&self, k: usize) -> bool {
        self.may_follow(k, b'-', |low, w| {
            matches!(
                low,
                b"few"
                    | b"couple"
                    | b"more"
                    | b"fiscal"
                    | b"latest"
                    | b"recent"
                    | b"comparable"
                    | b"same"
                    | b"current"
                    | b"year"
                    | b"first"
                    | b"second"
                    | b"third"
                    | b"fourth"
                    | b"quarter"
                    | b"period"
            ) || unit_of(w).is_some()
        })
    }

    /// Whether token `k` may follow a "the" or an "a" that a rule reads: a number, the
    /// punctuation mark `punct`, a word starting with a digit, or a word `word` accepts
    /// (given lower-cased, and as written).
    fn may_follow(&self, k: usize, punct: u8, word: impl Fn(&[u8], &str) -> bool) -> bool {
        let Some(t) = self.t.get(k) else {
            return false;
        };
        match t.kind {
            K::Punct(c) => c == punct,
            K::Num => true,
            K::Word => {
                let mut buf = [0u8; 16];
                self.text.as_bytes()[t.s].is_ascii_digit() || word(self.low(k, &mut buf), self.w(k))
            }
        }
    }

    /// `2022-01-05`.
    fn iso_date(&self, i: usize) -> Option<Hit> {
        let y = self.year4(i)?;
        if !(self.p(i + 1, b'-') && self.tight(i) && self.tight(i + 1)) {
            return None;
        }
        let m = self.num(i + 2)?;
        if !(self.p(i + 3, b'-') && self.tight(i + 2) && self.tight(i + 3)) {
            return None;
        }
        let d = self.num(i + 4)?;
        if self.w(i + 2).len() != 2 || self.w(i + 4).len() != 2 {
            return None;
        }
        day_hit(i + 5, NaiveDate::from_ymd_opt(y, m, d)?)
    }

    /// `01/05/2022` or `05/01/2022`: the order the rest of the text uses.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let a = self.num(i)?;
        if self.w(i).len() > 2 || !(self.p(i + 1, b'/') && self.tight(i) && self.tight(i + 1)) {
            return None;
        }
        let b = self.num(i + 2)?;
        if self.w(i + 2).len() > 2
            || !(self.p(i + 3, b'/') && self.tight(i + 2) && self.tight(i + 3))
        {
            return None;
        }
        let yw = self.w(i + 4);
        let y = match (self.num(i + 4), yw.len()) {
            (Some(y), 4) => y as i32,
            (Some(y), 2) => super::full_year(y as i32),
            _ => return None,
        };
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 || a == b {
            (a, b)
        } else {
            match self.dmy {
                Some(true) => (b, a),
                Some(false) => (a, b),
                None => return hit(i + 5, "date", format!("{y:04}-XX-XX"), None),
            }
        };
        day_hit(i + 5, NaiveDate::from_ymd_opt(y, m, d)?)
    }

    /// A yearless month-day: the year that puts it nearest the reference, moved forward a
    /// year when the clause speaks of the future and the date would otherwise be past.
    fn yearless(&self, end: usize, m: u32, d: u32, at: usize) -> Option<Hit> {
        NaiveDate::from_ymd_opt(2000, m, d)?;
        let Some(r) = self.r else {
            return hit(end, "date", format!("XXXX-{m:02}-{d:02}"), None);
        };
        let best = nearest_year(r, m, d, || self.tense(at))?;
        day_hit(end, best)
    }

    /// "[Wednesday,] January 5[, 2022]" and "Jan. 5".
    fn month_day(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.t[i].kind == K::Word && weekday_of(self.w(i)).is_some() && self.capital(i) {
            j = if self.p(i + 1, b',') { i + 2 } else { i + 1 };
        }
        let (m, _, k) = self.month(j)?;
        let (d, k2) = self.day_num(k)?;
        // "May 5" (capital) is a date; a following unit ("May 15 people") is a count.
        if self.any(k2, NOT_YEAR_AFTER) || self.p(k2, b'%') {
            return None;
        }
        let yi = if self.p(k2, b',') { k2 + 1 } else { k2 };
        if let Some(y) = self.year4(yi) {
            if !self.p(yi + 1, b'%') {
                return day_hit(yi + 1, NaiveDate::from_ymd_opt(y, m, d)?);
            }
        }
        let h = self.yearless(k2, m, d, i)?;
        self.time_of_day(h)
    }

    /// "5 January 2022", "25 Aug 88", "5 January".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.t[i].kind == K::Word && weekday_of(self.w(i)).is_some() && self.capital(i) {
            j = if self.p(i + 1, b',') { i + 2 } else { i + 1 };
        }
        // "the 3rd of March"
        let (the_of, j) = if self.is(j, "the") && j == i {
            (true, j + 1)
        } else {
            (false, j)
        };
        let (d, mut k) = self.day_num(j)?;
        if the_of {
            if !self.is(k, "of") || self.t.get(j)?.kind != K::Word {
                return None;
            }
            k += 1;
        }
        let (m, _, k2) = self.month(k)?;
        let yi = if self.p(k2, b',') { k2 + 1 } else { k2 };
        if let Some(y) = self.year4(yi) {
            return day_hit(yi + 1, NaiveDate::from_ymd_opt(y, m, d)?);
        }
        // Two-digit years only as datelines write them ("25 Aug 88 (Radio)").
        if self.w(yi).len() == 2 && self.t.get(yi).is_some_and(|t| t.kind == K::Num) {
            let next_is_word = self.t.get(yi + 1).is_some_and(|t| t.kind == K::Word);
            if !next_is_word {
                let y = super::full_year(self.num(yi)? as i32);
                return day_hit(yi + 1, NaiveDate::from_ymd_opt(y, m, d)?);
            }
        }
        self.yearless(k2, m, d, i)
    }

    /// "January 2022", "mid-January 2022".
    fn month_year(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let (m, _, k) = self.month(j)?;
        // "January this year", "June last year".
        if self.any(k, &["this", "last", "next"]) && self.is(k + 1, "year") {
            let r = self.r?;
            let off = match self.lw(k).as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return hit(k + 2, "date", format!("{}-{m:02}", r.year() + off), None);
        }
        let k = if self.p(k, b',') || self.is(k, "of") {
            k + 1
        } else {
            k
        };
        let y = self.year4(k)?;
        hit(k + 1, "date", format!("{y}-{m:02}"), None)
    }

    /// "January" alone (with "early", "last", "this", "next"); "May" and "March" only after
    /// a word that makes them months ("in May", "last March").
    fn month_alone(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let (rel, j) = if self.any(j, &["last", "this", "next", "past"]) {
            (Some(self.lw(j)), j + 1)
        } else {
            (None, j)
        };
        let (m, abbr, k) = self.month(j)?;
        if abbr {
            return None;
        }
        if (m == 3 || m == 5) && j == i {
            let cue = i > 0
                && self.any(
                    i - 1,
                    &[
                        "in", "since", "until", "by", "of", "during", "from", "through", "to",
                        "till", "before", "after", "between", "and", "early", "late",
                    ],
                );
            if !cue {
                return None;
            }
        }
        let Some(r) = self.r else {
            return hit(k, "date", format!("XXXX-{m:02}"), None);
        };
        let y = match rel.as_deref() {
            // "last April" is the latest April, this year's when it is two months or more
            // past; the month just before (which one would call "last month") is last year's.
            Some("last") if m + 1 < r.month() => r.year(),
            Some("last") => r.year() - 1,
            Some("past") => {
                if m < r.month() {
                    r.year()
                } else {
                    r.year() - 1
                }
            }
            Some("next") => {
                if m > r.month() {
                    r.year()
                } else {
                    r.year() + 1
                }
            }
            Some(_) => r.year(),
            // A month alone is this year's, as TimeML annotators read it, unless the clause
            // looks ahead to a month already past ("will join in April", in December) or
            // looks back (or says nothing) to a month not yet come ("in December", in
            // February) — next month excepted when nothing shows the tense.
            None => match self.tense(i) {
                Some(true) if m + 1 < r.month() => r.year() + 1,
                Some(true) => r.year(),
                Some(false) if m > r.month() => r.year() - 1,
                None if m > r.month() + 1 => r.year() - 1,
                _ => r.year(),
            },
        };
        hit(k, "date", format!("{y}-{m:02}"), None)
    }

    /// "morning", "night" … after a day: the expression becomes a time on that day.
    fn time_of_day(&self, h: Hit) -> Option<Hit> {
        if self.t.get(h.end).map(|t| t.kind) != Some(K::Word) {
            return Some(h);
        }
        let part = match self.lw(h.end).as_str() {
            // TimeML corpora mostly keep "Friday morning" a date on that day.
            "morning" | "afternoon" => {
                return Some(Hit {
                    end: h.end + 1,
                    ..h
                })
            }
            "evening" => "EV",
            "night" => "NI",
            _ => return Some(h),
        };
        let mut v = h.value;
        v.push('T');
        v.push_str(part);
        hit(h.end + 1, "time", v, h.day)
    }

    fn weekday_value(
        &self,
        wd: Weekday,
        rel: Option<&str>,
        at: usize,
    ) -> (String, Option<NaiveDate>) {
        let Some(r) = self.r else {
            return (format!("XXXX-WXX-{}", wd.number_from_monday()), None);
        };
        let back = (r.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
        let fwd = (wd.num_days_from_monday() + 7 - r.weekday().num_days_from_monday()) % 7;
        let d = match rel {
            Some("last") | Some("previous") | Some("past") => {
                r - Duration::days(i64::from(if back == 0 { 7 } else { back }))
            }
            Some("next") | Some("coming") | Some("following") => {
                r + Duration::days(i64::from(if fwd == 0 { 7 } else { fwd }))
            }
            Some("named") => r - Duration::days(i64::from(back)),
            _ => {
                if self.future(at) {
                    r + Duration::days(i64::from(fwd))
                } else {
                    r - Duration::days(i64::from(back))
                }
            }
        };
        (ymd(d), Some(d))
    }

    /// "Thursday", "last Sunday", "early Saturday", "Thursday night".
    fn weekday(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let mut k = j;
        if self.is(k, "the") && self.any(k + 1, &["previous", "following", "next"]) {
            k += 1;
        }
        let mut rel = None;
        if self.any(
            k,
            &[
                "last",
                "this",
                "next",
                "previous",
                "following",
                "coming",
                "past",
            ],
        ) {
            rel = Some(self.lw(k));
            k += 1;
            if self.any(k, &["coming", "past"]) {
                rel = Some(self.lw(k));
                k += 1;
            }
        }
        if self.t.get(k)?.kind != K::Word || !self.capital(k) {
            return None;
        }
        let wd = weekday_of(self.w(k))?;
        // "Wednesday's ruling" names an event: one that has happened.
        let named = rel.is_none() && self.p(k + 1, b'\'') && self.is(k + 2, "s");
        let rel = if named { Some("named") } else { rel.as_deref() };
        let (value, day) = self.weekday_value(wd, rel, i);
        self.time_of_day(Hit {
            end: k + 1,
            kind: "date",
            value,
            day,
        })
    }

    /// "yesterday", "today", "tomorrow", "tonight", "last night", "this morning".
    fn relative_day(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let mut buf = [0u8; 16];
        let w = lower_str(self.w(j), &mut buf);
        let off = match w {
            "yesterday" => Some(-1),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if self.t.get(j)?.kind != K::Word {
            return None;
        }
        if let Some(off) = off {
            let Some(r) = self.r else {
                return self.time_of_day(Hit {
                    end: j + 1,
                    kind: "date",
                    value: "XXXX-XX-XX".into(),
                    day: None,
                });
            };
            return self.time_of_day(day_hit(j + 1, r + Duration::days(off))?);
        }
        let (off, part, end) = match w {
            "tonight" => (0, "NI", j + 1),
            "last" if self.is(j + 1, "night") => (-1, "NI", j + 2),
            "this" => {
                let p = match self.lw(j + 1).as_str() {
                    "morning" => "MO",
                    "afternoon" => "AF",
                    "evening" => "EV",
                    _ => return None,
                };
                (0, p, j + 2)
            }
            _ => return None,
        };
        let Some(r) = self.r else {
            return hit(end, "time", format!("XXXX-XX-XXT{part}"), None);
        };
        let d = r + Duration::days(off);
        hit(end, "time", format!("{}T{part}", ymd(d)), Some(d))
    }

    /// "the day before", "the next day", "that day", "a day earlier": from the last day named.
    fn anchored_day(&self, i: usize) -> Option<Hit> {
        let base = self.anchor_day()?;
        let (off, end) = if self.is(i, "the") && self.is(i + 1, "day") {
            // "the day before the vote" is the day before something else, not before the
            // day last named.
            if self.any(i + 2, &["before", "after"])
                && (self.any(i + 3, &["the", "a", "an", "his", "her", "its", "their"])
                    || self.capital(i + 3))
            {
                return None;
            }
            if self.any(i + 2, &["before", "earlier"]) {
                (-1, i + 3)
            } else if self.any(i + 2, &["after", "later"]) {
                (1, i + 3)
            } else {
                return None;
            }
        } else if self.is(i, "the") && self.any(i + 1, &["previous", "next", "following"]) {
            if !self.is(i + 2, "day") {
                return None;
            }
            (if self.is(i + 1, "previous") { -1 } else { 1 }, i + 3)
        } else if self.any(i, &["that", "the"]) && self.is(i + 1, "same") && self.is(i + 2, "day") {
            (0, i + 3)
        } else if self.is(i, "that") && self.is(i + 1, "day") {
            (0, i + 2)
        } else if self.is(i, "that") && self.is(i + 1, "night") {
            let d = base;
            return hit(i + 2, "time", format!("{}TNI", ymd(d)), Some(d));
        } else {
            return None;
        };
        day_hit(end, base + Duration::days(off))
    }

    /// "the weekend", "this weekend", "last weekend": the ISO week of its Saturday.
    fn weekend(&self, i: usize) -> Option<Hit> {
        let rel = self.lw(i);
        if !matches!(rel.as_str(), "the" | "this" | "last" | "next") || !self.is(i + 1, "weekend") {
            return None;
        }
        let Some(r) = self.r else {
            return hit(i + 2, "date", "XXXX-WXX-WE".into(), None);
        };
        let back = (r.weekday().num_days_from_monday() + 7 - 5) % 7;
        let last_sat = r - Duration::days(i64::from(back));
        let sat = match rel.as_str() {
            "next" => last_sat + Duration::days(7),
            "last" if back <= 1 => last_sat - Duration::days(7),
            _ if self.future(i) && back > 1 => last_sat + Duration::days(7),
            _ => last_sat,
        };
        hit(i + 2, "date", format!("{}-WE", iso_week(sat)), None)
    }

    /// "Christmas", "New Year's Day", "Thanksgiving Day": the last one on or before the
    /// reference (the next one in a future clause).
    fn holiday(&self, i: usize) -> Option<Hit> {
        let mut k = i;
        let rel = if self.any(k, &["last", "next", "this"]) {
            k += 1;
            Some(self.lw(k - 1))
        } else {
            None
        };
        if !self.capital(k) {
            return None;
        }
        let w = self.lw(k);
        let (kind, mut end) = match w.as_str() {
            "christmas" => (0, k + 1),
            "thanksgiving" => (1, k + 1),
            "new"
                if self.is(k + 1, "year")
                    && self.p(k + 2, b'\'')
                    && self.is(k + 3, "s")
                    && self.is(k + 4, "day") =>
            {
                (2, k + 5)
            }
            _ => return None,
        };
        if kind != 2 && self.is(end, "day") {
            end += 1;
        }
        let on = |y: i32| -> Option<NaiveDate> {
            match kind {
                0 => NaiveDate::from_ymd_opt(y, 12, 25),
                1 => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
                _ => NaiveDate::from_ymd_opt(y, 1, 1),
            }
        };
        let Some(r) = self.r else {
            return hit(end, "date", "XXXX".into(), None);
        };
        let this = on(r.year())?;
        let d = match rel.as_deref() {
            Some("next") => {
                if this > r {
                    this
                } else {
                    on(r.year() + 1)?
                }
            }
            Some("this") => this,
            _ if self.future(i) => {
                if this >= r {
                    this
                } else {
                    on(r.year() + 1)?
                }
            }
            _ => {
                if this <= r {
                    this
                } else {
                    on(r.year() - 1)?
                }
            }
        };
        day_hit(end, d)
    }

    fn anchor_day(&self) -> Option<NaiveDate> {
        self.anchor.or(self.r)
    }

    /// "this week", "last month", "next year", "earlier this month", "this summer".
    fn this_period(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let mut k = j;
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        let mut buf = [0u8; 16];
        let rel = match lower_str(self.w(k), &mut buf) {
            r @ ("this" | "current" | "last" | "past" | "previous" | "next" | "coming") => {
                r.to_string()
            }
            _ => return None,
        };
        if the && rel == "this" {
            return None;
        }
        k += 1;
        let mut unit = self.lw(k);
        let mut end = k + 1;
        if unit == "fiscal" {
            unit = self.lw(k + 1);
            end = k + 2;
        }
        let back = matches!(rel.as_str(), "last" | "past" | "previous");
        let fwd = matches!(rel.as_str(), "next" | "coming");
        let r = self.r;
        let value = if let Some(s) = season_of(&unit) {
            let Some(r) = r else {
                return hit(end, "date", format!("XXXX-{s}"), None);
            };
            let (start, stop) = season_months(s);
            let y = if back {
                if stop < r.month() && s != "WI" {
                    r.year()
                } else {
                    r.year() - 1
                }
            } else if fwd {
                if start > r.month() {
                    r.year()
                } else {
                    r.year() + 1
                }
            } else {
                r.year()
            };
            format!("{y}-{s}")
        } else {
            match unit.as_str() {
                "week" | "weekend" => {
                    let we = if unit == "weekend" { "-WE" } else { "" };
                    match r {
                        None => format!("XXXX-WXX{we}"),
                        Some(r) => {
                            let d = r + Duration::days(if back {
                                -7
                            } else if fwd {
                                7
                            } else {
                                0
                            });
                            format!("{}{we}", iso_week(d))
                        }
                    }
                }
                "month" => match r {
                    None => "XXXX-XX".into(),
                    Some(r) => {
                        let (y, m) = add_months(
                            r.year(),
                            r.month(),
                            if back {
                                -1
                            } else if fwd {
                                1
                            } else {
                                0
                            },
                        );
                        format!("{y}-{m:02}")
                    }
                },
                "year" => match r {
                    None => "XXXX".into(),
                    Some(r) => format!(
                        "{}",
                        r.year()
                            + if back {
                                -1
                            } else if fwd {
                                1
                            } else {
                                0
                            }
                    ),
                },
                "quarter" => match r {
                    None => "XXXX-QX".into(),
                    Some(r) => {
                        let (y, q) = quarter(r);
                        let n = y * 4 + q as i32 - 1
                            + if back {
                                -1
                            } else if fwd {
                                1
                            } else {
                                0
                            };
                        format!("{}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1)
                    }
                },
                _ => return None,
            }
        };
        hit(end, "date", value, None)
    }

    /// A count of units: "three", "a", "48", "twenty-four", "a few". `None` value for vague.
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if self.any(i, &["a", "an", "one"]) {
            if self.is(i + 1, "few") || self.is(i + 1, "couple") {
                let k = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((
                    if self.is(i + 1, "couple") {
                        Some(2)
                    } else {
                        None
                    },
                    k,
                ));
            }
            return Some((Some(1), i + 1));
        }
        if self.any(i, &["few", "several", "many", "some"]) {
            return Some((None, i + 1));
        }
        if let Some(n) = self.num(i) {
            if self.t.get(i).is_some_and(|t| t.e - t.s <= 3) && !(i > 0 && self.p(i - 1, b'$')) {
                return Some((Some(n), i + 1));
            }
            return None;
        }
        let n = word_number(self.w(i))?;
        if self.t[i].kind != K::Word {
            return None;
        }
        if n >= 20 && n % 10 == 0 {
            let k = if self.p(i + 1, b'-') { i + 2 } else { i + 1 };
            if let Some(u) = word_number(self.w(k)).filter(|u| *u < 10 && *u > 0) {
                return Some((Some(n + u), k + 1));
            }
        }
        Some((Some(n), i + 1))
    }

    /// "two days ago", "a year ago", "a year earlier", "year-earlier".
    fn ago(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.any(
            j,
            &[
                "about", "nearly", "almost", "some", "roughly", "around", "over",
            ],
        ) {
            j += 1;
        }
        if self.is(j, "more") && self.is(j + 1, "than") {
            j += 2;
        }
        let (n, k) = self.count(j)?;
        let (u, clock) = unit_of(self.w(k))?;
        let mut end = k + 1;
        if self.is(end, "or") && self.is(end + 1, "so") {
            end += 2;
        }
        let ago = self.is(end, "ago");
        let earlier = self.any(end, &["earlier", "before"]) && u == "Y" && n == Some(1);
        if !ago && !earlier {
            return None;
        }
        let Some(n) = n else {
            return hit(end + 1, "date", "PAST_REF".into(), None);
        };
        let n = n as i64;
        let Some(r) = self.r else {
            return hit(end + 1, "date", "PAST_REF".into(), None);
        };
        if clock {
            return None;
        }
        // In a financial report "a year ago" is the same quarter a year before.
        if u == "Y" && n == 1 && self.has_quarter {
            let (y, q) = self.report_quarter(r);
            return hit(end + 1, "date", format!("{}-Q{q}", y - 1), None);
        }
        let v = match u {
            "D" => return day_hit(end + 1, r - Duration::days(n)),
            // "two weeks ago" is that week, and that day for a timeline.
            "W" => {
                let d = r - Duration::days(7 * n);
                return hit(end + 1, "date", iso_week(d), Some(d));
            }
            "M" => {
                let (y, m) = add_months(r.year(), r.month(), -(n as i32));
                format!("{y}-{m:02}")
            }
            "Y" => format!("{}", r.year() - n as i32),
            "DE" => format!("{}", (r.year() - 10 * n as i32) / 10),
            _ => return None,
        };
        hit(end + 1, "date", v, None)
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1990", "the quarter",
    /// "the year-ago quarter", "year-earlier".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut k = i;
        let the = self.any(k, &["the", "its", "a"]);
        if the {
            k += 1;
        }
        let mut year_off = 0;
        let mut explicit_year = None;
        if let Some(y) = self.year4(k) {
            explicit_year = Some(y);
            k += 1;
        }
        if self.any(
            k,
            &[
                "fiscal",
                "latest",
                "recent",
                "comparable",
                "same",
                "current",
            ],
        ) {
            k += 1;
        }
        if self.any(k, &["year", "year-ago"])
            && self.p(k + 1, b'-')
            && self.any(k + 2, &["ago", "earlier"])
        {
            year_off = -1;
            k += 3;
        }
        if self.any(k, &["fiscal"]) {
            k += 1;
            if self.p(k, b'-') {
                k += 1;
            }
        }
        let ord = ordinal(self.w(k));
        if ord.is_some() {
            k += 1;
            if self.p(k, b'-') {
                k += 1;
            }
        }
        let q_word = self.is(k, "quarter") || (self.is(k, "period") && (the || year_off != 0));
        let half = self.is(k, "half") && ord.is_some_and(|o| o <= 2);
        if !q_word && !half {
            // Bare "year-earlier" / "year-ago".
            if year_off == -1 && ord.is_none() && k == i + 3 {
                let r = self.r?;
                if self.has_quarter {
                    let (y, q) = self.report_quarter(r);
                    return hit(k, "date", format!("{}-Q{q}", y - 1), None);
                }
                return hit(k, "date", format!("{}", r.year() - 1), None);
            }
            return None;
        }
        if ord.is_none() && !the && year_off == 0 {
            return None;
        }
        // "the 1989 period" is that year's quarter only in a report that speaks of quarters.
        if ord.is_none() && explicit_year.is_some() && self.is(k, "period") && !self.has_quarter {
            return None;
        }
        let mut end = k + 1;
        // "the quarter a year ago": that quarter, a year before.
        if q_word
            && year_off == 0
            && self.any(end, &["a", "one"])
            && self.is(end + 1, "year")
            && self.any(end + 2, &["ago", "earlier"])
        {
            year_off = -1;
            end += 3;
        }
        if self.is(end, "of") {
            if let Some(y) = self.year4(end + 1) {
                explicit_year = Some(y);
                end += 2;
            }
        }
        let (y, q) = match (explicit_year, self.r, ord) {
            (Some(y), _, Some(o)) => (y, o),
            (None, Some(r), Some(o)) => (r.year() + year_off, o),
            (Some(y), Some(r), None) => (y, self.report_quarter(r).1),
            (None, Some(r), None) => {
                let (y, q) = self.report_quarter(r);
                (y + year_off, q)
            }
            (_, None, Some(o)) => {
                return hit(
                    end,
                    "date",
                    format!("XXXX-{}{o}", if half { "H" } else { "Q" }),
                    None,
                )
            }
            (_, None, None) => return None,
        };
        let letter = if half { "H" } else { "Q" };
        hit(end, "date", format!("{y}-{letter}{q}"), None)
    }

    /// "1998", "fiscal 1989", "the 1990s", "late 2021", "nineteen ninety-six", "summer 1998".
    fn year(&self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        let mut k = j;
        // Seasons: "summer", "the summer", "summer of 1998".
        let the = self.is(k, "the");
        if the {
            k += 1;
        }
        if let Some(s) = season_of(self.w(k)) {
            if self.t[k].kind == K::Word {
                let mut end = k + 1;
                let y = if self.is(end, "of") && self.year4(end + 1).is_some() {
                    end += 2;
                    self.year4(end - 1)
                } else if self.year4(end).is_some() {
                    end += 1;
                    self.year4(end - 1)
                } else {
                    None
                };
                // "fall" is also a verb: only with an article, a year, or a modifier.
                let lone_fall = s == "FA" && !the && y.is_none() && j == i;
                if !lone_fall {
                    let y = y.or(self.r.map(|r| r.year()));
                    let v = match y {
                        Some(y) => format!("{y}-{s}"),
                        None => format!("XXXX-{s}"),
                    };
                    return hit(end, "date", v, None);
                }
            }
        }
        // Decades: "the 1990s", "the '80s", "the nineties".
        let w = self.w(k);
        if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) {
            // TimeBank writes a bare decade "199X" and a part of one ("the late 1990s") "199".
            let v = if j == i && !self.any(k.wrapping_sub(1), &["early", "late", "mid"]) {
                format!("{}X", &w[..3])
            } else {
                w[..3].to_string()
            };
            return hit(k + 1, "date", v, None);
        }
        if self.p(k, b'\'') && self.tight(k) {
            let w2 = self.w(k + 1);
            if w2.len() == 3 && w2.ends_with('s') && w2[..2].bytes().all(|b| b.is_ascii_digit()) {
                return hit(k + 2, "date", format!("19{}", &w2[..1]), None);
            }
        }
        if the {
            const DEC: [&str; 8] = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            if let Some(d) = DEC.iter().position(|x| w.eq_ignore_ascii_case(x)) {
                return hit(k + 1, "date", format!("19{}", d + 2), None);
            }
            k = j;
        }
        // Spelled years: "nineteen ninety-six", "the year two thousand".
        if self.is(k, "nineteen") {
            if let Some(t) = word_number(self.w(k + 1)).filter(|t| *t >= 20 && t % 10 == 0) {
                let (u, end) = if self.p(k + 2, b'-') {
                    (word_number(self.w(k + 3)).filter(|u| *u < 10), k + 4)
                } else {
                    (None, k + 2)
                };
                let end = if u.is_some() { end } else { k + 2 };
                return hit(end, "date", format!("{}", 1900 + t + u.unwrap_or(0)), None);
            }
        }
        if self.is(k, "the")
            && self.is(k + 1, "year")
            && self.is(k + 2, "two")
            && self.is(k + 3, "thousand")
        {
            return hit(k + 4, "date", "2000".into(), None);
        }
        let mut start = k;
        if self.is(k, "fiscal") {
            start = k + 1;
        }
        let y = self.year4(start)?;
        // Labels and counts are not years.
        if start > 0 {
            let prev = start - 1;
            if self.p(prev, b'$') || self.p(prev, b'#') || self.any(prev, NOT_YEAR_BEFORE) {
                return None;
            }
            if (self.p(prev, b'-')
                || self.p(prev, b',')
                || self.p(prev, b'.')
                || self.p(prev, b'/'))
                && self.tight(prev)
                && prev > 0
                && self.t[prev - 1].kind == K::Num
                && self.tight(prev - 1)
            {
                return None;
            }
        }
        if self.any(start + 1, NOT_YEAR_AFTER) || self.p(start + 1, b'%') {
            return None;
        }
        if (self.p(start + 1, b'-')
            || self.p(start + 1, b'.')
            || self.p(start + 1, b',')
            || self.p(start + 1, b':'))
            && self.tight(start)
            && self.t.get(start + 2).is_some_and(|t| t.kind == K::Num)
            && self.tight(start + 1)
        {
            return None;
        }
        // An address: "2500 Main St".
        if self.capital(start + 1) && self.any(start + 2, NOT_YEAR_AFTER) {
            return None;
        }
        if !(1900..=2099).contains(&y) {
            let cue = start > 0
                && self.any(
                    start - 1,
                    &[
                        "in", "since", "of", "by", "from", "until", "year", "between", "before",
                        "after",
                    ],
                );
            if !cue {
                return None;
            }
        }
        hit(start + 1, "date", format!("{y}"), None)
    }

    /// Durations: "three days", "the past two months", "48 hours", "two-year", "a few weeks".
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut k = i;
        if self.is(k, "the") {
            k += 1;
        }
        if self.any(
            k,
            &[
                "past",
                "last",
                "next",
                "first",
                "coming",
                "previous",
                "latest",
                "following",
                "recent",
            ],
        ) {
            k += 1;
        }
        let (n, k2) = self.count(k)?;
        if n.is_none() && k == i && self.any(i, &["some", "many"]) {
            return None;
        }
        let mut k2 = k2;
        if self.is(k2, "more") {
            k2 += 1;
        }
        let hyph = self.p(k2, b'-') && self.tight(k2 - 1);
        let ui = if hyph { k2 + 1 } else { k2 };
        let (u, clock) = unit_of(self.w(ui))?;
        if self.t.get(ui)?.kind != K::Word {
            return None;
        }
        let mut end = ui + 1;
        // "26-year-old" is an age, not a time.
        if self.p(end, b'-') && self.is(end + 1, "old") {
            return None;
        }
        if hyph && self.p(end, b'-') {
            end = ui + 1;
        }
        // "P3D", "PT2H", "P2CE", "P30Y" (three decades), "PXDE" (decades): one string.
        let mut v = String::with_capacity(8);
        v.push('P');
        if clock && !matches!(u, "DE" | "CE") {
            v.push('T');
        }
        match n {
            Some(n) => {
                let _ = write!(v, "{n}");
            }
            None => v.push('X'),
        }
        v.push_str(match u {
            "DE" if n.is_some() => "0Y",
            _ => u,
        });
        hit(end, "duration", v, None)
    }

    /// "every night", "each Monday", "daily", "weekly".
    fn set(&self, i: usize) -> Option<Hit> {
        let simple = match self.lw(i).as_str() {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            if self.t[i].kind == K::Word {
                return hit(i + 1, "set", v.into(), None);
            }
        }
        if !self.any(i, &["every", "each"]) {
            return None;
        }
        let w = self.lw(i + 1);
        let v = match w.as_str() {
            "day" => "P1D".to_string(),
            "night" => "XXXX-XX-XXTNI".to_string(),
            "morning" => "XXXX-XX-XXTMO".to_string(),
            "evening" => "XXXX-XX-XXTEV".to_string(),
            "week" => "P1W".to_string(),
            "month" => "P1M".to_string(),
            "year" => "P1Y".to_string(),
            "hour" => "PT1H".to_string(),
            _ => match weekday_of(&w) {
                Some(d) => format!("XXXX-WXX-{}", d.number_from_monday()),
                None => return None,
            },
        };
        hit(i + 2, "set", v, None)
    }

    /// "now", "currently", "recently", "the past", "the future", "soon".
    fn vague(&self, i: usize) -> Option<Hit> {
        let w = self.lw(i);
        if self.t[i].kind != K::Word {
            return None;
        }
        let v = match w.as_str() {
            "now" | "currently" | "nowadays" => "PRESENT_REF",
            "right" if self.is(i + 1, "now") => {
                return hit(i + 2, "date", "PRESENT_REF".into(), None)
            }
            "these" if self.is(i + 1, "days") => {
                return hit(i + 2, "date", "PRESENT_REF".into(), None)
            }
            "current" => {
                if unit_of(self.w(i + 1)).is_some()
                    || self.any(
                        i + 1,
                        &["account", "accounts", "affairs", "events", "flows", "flow"],
                    )
                {
                    return None;
                }
                "PRESENT_REF"
            }
            "recently" | "lately" => "PAST_REF",
            "more" if self.is(i + 1, "recently") => {
                return hit(i + 2, "date", "PAST_REF".into(), None)
            }
            "recent" => {
                if self.any(i + 1, &["years", "days"]) {
                    return hit(i + 2, "date", "PAST_REF".into(), None);
                }
                if let Some((u, _)) = unit_of(self.w(i + 1)) {
                    return hit(i + 2, "duration", format!("PX{u}"), None);
                }
                "PAST_REF"
            }

            // A bare "future" is mostly an adjective ("future earnings"): only "the future".
            "the" => {
                if self.is(i + 1, "past")
                    && !self.any(
                        i + 2,
                        &["few", "several", "year", "week", "month", "decade"],
                    )
                    && self.count(i + 2).is_none()
                {
                    return hit(i + 2, "date", "PAST_REF".into(), None);
                }
                if self.is(i + 1, "future") {
                    return hit(i + 2, "date", "FUTURE_REF".into(), None);
                }
                if self.is(i + 1, "near") && self.any(i + 2, &["future", "term"]) {
                    return hit(i + 3, "date", "FUTURE_REF".into(), None);
                }
                return None;
            }
            _ => return None,
        };
        hit(i + 1, "date", v.into(), None)
    }

    /// "11pm", "7 a.m.", "23:00", "3:30 p.m. Monday", "noon", "midnight", "dawn".
    fn clock_time(&self, i: usize) -> Option<Hit> {
        let mut buf = [0u8; 16];
        let w = lower_str(self.w(i), &mut buf);
        let (hh, mm, end): (u32, u32, usize) = match w {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            "dawn" | "daybreak" | "sunrise" => {
                return self.part_time(i, "MO", i + 1);
            }
            "dusk" | "sunset" | "nightfall" => {
                return self.part_time(i, "EV", i + 1);
            }
            _ if self.t[i].kind == K::Num && self.w(i).len() == 4 => {
                // Military time: "at 0100", "at approximately 2330", "1400 hours".
                let n = self.num(i)?;
                let (h, m) = (n / 100, n % 100);
                let hours = self.any(i + 1, &["hours", "hrs", "hr"]);
                let at = i > 0
                    && (self.is(i - 1, "at")
                        || (i > 1
                            && self.is(i - 2, "at")
                            && self.any(i - 1, &["approximately", "about", "around"])));
                if h > 24 || m > 59 || !(hours || (at && !(1900..=2099).contains(&n))) {
                    return None;
                }
                (h, m, if hours { i + 2 } else { i + 1 })
            }
            _ => {
                let t = self.t[i];
                let (h, rest) = if t.kind == K::Num {
                    (self.num(i)?, i + 1)
                } else {
                    // "11pm", "7am"
                    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                    let suf = &w[digits.len()..];
                    if digits.is_empty() || digits.len() > 2 || !(suf == "am" || suf == "pm") {
                        return None;
                    }
                    let h: u32 = digits.parse().ok()?;
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    let h = if suf == "pm" && h != 12 {
                        h + 12
                    } else if suf == "am" && h == 12 {
                        0
                    } else {
                        h
                    };
                    return self.attach_day(h, 0, i + 1, i);
                };
                if self.w(i).len() > 2 || h > 24 {
                    return None;
                }
                let (m, k) = if self.p(rest, b':') && self.tight(i) && self.tight(rest) {
                    let mw = self.w(rest + 1);
                    if mw.len() != 2 {
                        return None;
                    }
                    (self.num(rest + 1)?, rest + 2)
                } else {
                    (0, rest)
                };
                if m > 59 {
                    return None;
                }
                // am/pm: "a.m.", "am", "p.m."
                let (ampm, k2) = self.ampm(k);
                match ampm {
                    Some(pm) => {
                        if !(1..=12).contains(&h) {
                            return None;
                        }
                        let h = if pm && h != 12 {
                            h + 12
                        } else if !pm && h == 12 {
                            0
                        } else {
                            h
                        };
                        (h, m, k2)
                    }
                    None if k > rest && h < 24 => {
                        // 24-hour clock "23:00" — not a score "2:1" or a ratio.
                        if self.w(i).len() != 2 && h >= 10 {
                            return None;
                        }
                        (h, m, k)
                    }
                    None => return None,
                }
            }
        };
        self.attach_day(hh, mm, end, i)
    }

    fn ampm(&self, k: usize) -> (Option<bool>, usize) {
        let w = self.lw(k);
        if self.t.get(k).map(|t| t.kind) != Some(K::Word) {
            return (None, k);
        }
        match w.as_str() {
            "am" => (Some(false), k + 1),
            "pm" => (Some(true), k + 1),
            "a" | "p" if self.p(k + 1, b'.') && self.is(k + 2, "m") => {
                let end = if self.p(k + 3, b'.') && self.tight(k + 2) {
                    k + 4
                } else {
                    k + 3
                };
                (Some(w == "p"), end)
            }
            _ => (None, k),
        }
    }

    /// A clock time takes the day named right after it ("7 a.m. Monday"), else the last day
    /// named before it, else the reference date.
    fn attach_day(&self, h: u32, m: u32, end: usize, at: usize) -> Option<Hit> {
        let mut end = end;
        // A time-zone word: "EST", "GMT", "local time".
        if self.any(
            end,
            &[
                "est", "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt", "bst", "cet",
            ],
        ) {
            end += 1;
        }
        let mut day = None;
        if let Some(wd) = self
            .t
            .get(end)
            .filter(|t| t.kind == K::Word)
            .and_then(|_| weekday_of(self.w(end)))
        {
            if self.capital(end) {
                day = self.weekday_value(wd, None, at).1;
                end += 1;
            }
        } else if self.any(end, &["today", "yesterday", "tomorrow"]) {
            if let Some(r) = self.r {
                let off = match self.lw(end).as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                day = Some(r + Duration::days(off));
            }
            end += 1;
        }
        // A bare clock time names no day of its own: its value takes the day last named,
        // but `day` stays empty so that it is not read as a new date.
        let named = day;
        let day = day.or_else(|| self.anchor_day());
        // One string, written in place: "2022-01-05T09:30", "XXXX-XX-XXT09:00".
        let mut v = String::with_capacity(16);
        match day {
            Some(d) => ymd_into(d, &mut v),
            None => v.push_str("XXXX-XX-XX"),
        }
        v.push('T');
        push_02(&mut v, h);
        v.push(':');
        push_02(&mut v, m);
        hit(end, "time", v, named)
    }

    fn part_time(&self, _i: usize, part: &str, end: usize) -> Option<Hit> {
        let day = self.anchor_day();
        let v = match day {
            Some(d) => format!("{}T{part}", ymd(d)),
            None => format!("XXXX-XX-XXT{part}"),
        };
        hit(end, "time", v, None)
    }
}

/// What [`Scanner::cannot_start`] says of a word from the word alone: `l` lowercased, `digit`
/// when it starts with a digit. [`rule::HOLIDAY`] is left out here at "last", "next" and
/// "this" only; the scanner also leaves it out at a capital.
fn word_cannot_start(l: &[u8], digit: bool) -> u32 {
    let mon = month_of_lower(l).is_some();
    let wd = weekday_of_lower(l).is_some();
    // The words `find_prefix` passes over.
    let pre = matches!(
        l,
        b"early" | b"late" | b"earlier" | b"later" | b"mid" | b"the"
    );
    let rel = matches!(l, b"last" | b"this" | b"next" | b"past");
    let mut skip = 0u32;
    let mut no = |r: u32, cannot: bool| {
        if cannot {
            skip |= 1 << r;
        }
    };
    // iso_date, numeric_date: a number first.
    no(rule::ISO_DATE, true);
    no(rule::NUMERIC_DATE, true);
    // clock_time: "noon" and the like, or "11pm".
    no(
        rule::CLOCK_TIME,
        !(digit
            || matches!(
                l,
                b"noon"
                    | b"midday"
                    | b"midnight"
                    | b"dawn"
                    | b"daybreak"
                    | b"sunrise"
                    | b"dusk"
                    | b"sunset"
                    | b"nightfall"
            )),
    );
    // month_day: "[Wednesday,] January 5".
    no(rule::MONTH_DAY, !(mon || wd));
    // day_month: "[Wednesday,] 5th January", "the 3rd of March".
    no(rule::DAY_MONTH, !(wd || digit || l == b"the"));
    // month_year: "[mid-]January 2022".
    no(rule::MONTH_YEAR, !(mon || pre));
    // weekday: "[early] [the] [last|next…] [coming] Thursday".
    no(
        rule::WEEKDAY,
        !(wd || pre || rel || matches!(l, b"previous" | b"following" | b"coming")),
    );
    // relative_day: "[early] yesterday", "tonight", "last night", "this morning".
    no(
        rule::RELATIVE_DAY,
        !(pre
            || matches!(
                l,
                b"yesterday" | b"today" | b"tomorrow" | b"tonight" | b"last" | b"this"
            )),
    );
    // anchored_day: "the day before", "that same day", "that night".
    no(rule::ANCHORED_DAY, !matches!(l, b"the" | b"that"));
    // weekend: "the|this|last|next weekend".
    no(
        rule::WEEKEND,
        !matches!(l, b"the" | b"this" | b"last" | b"next"),
    );
    // holiday: "[last|next|this] Christmas" (a capital).
    no(rule::HOLIDAY, !matches!(l, b"last" | b"next" | b"this"));
    // this_period: "[earlier] [the] last|current… week".
    no(
        rule::THIS_PERIOD,
        !(pre || rel || matches!(l, b"current" | b"previous" | b"coming")),
    );
    // The words `count` starts from ("a", "few", "five").
    let count = matches!(
        l,
        b"a" | b"an" | b"one" | b"few" | b"several" | b"many" | b"some"
    ) || word_number_lower(l).is_some();
    // ago: "[about] [more than] two days ago".
    no(
        rule::AGO,
        !(count
            || matches!(
                l,
                b"about" | b"nearly" | b"almost" | b"roughly" | b"around" | b"over" | b"more"
            )),
    );
    // quarter: "[the|its|a] [fiscal|latest…] [year-ago] [1990] [third] quarter|half|period".
    no(
        rule::QUARTER,
        !(digit
            || matches!(
                l,
                b"the"
                    | b"its"
                    | b"a"
                    | b"fiscal"
                    | b"latest"
                    | b"recent"
                    | b"comparable"
                    | b"same"
                    | b"current"
                    | b"year"
                    | b"first"
                    | b"second"
                    | b"third"
                    | b"fourth"
            )),
    );
    // year: "[early] [the] summer", "the 1990s", "the nineties", "nineteen ninety-six",
    // "fiscal 1989" (the years themselves are numbers).
    no(
        rule::YEAR,
        !(digit
            || pre
            || matches!(
                l,
                b"nineteen" | b"fiscal" | b"spring" | b"summer" | b"fall" | b"autumn" | b"winter"
            )),
    );
    // month_alone: "[early] [last|this|next|past] January".
    no(rule::MONTH_ALONE, !(mon || pre || rel));
    // duration: "[the] [past|first…] two weeks".
    no(
        rule::DURATION,
        !(count
            || matches!(
                l,
                b"the"
                    | b"past"
                    | b"last"
                    | b"next"
                    | b"first"
                    | b"coming"
                    | b"previous"
                    | b"latest"
                    | b"following"
                    | b"recent"
            )),
    );
    // set: "daily", "every day".
    no(
        rule::SET,
        !matches!(
            l,
            b"daily"
                | b"nightly"
                | b"weekly"
                | b"monthly"
                | b"annually"
                | b"yearly"
                | b"hourly"
                | b"every"
                | b"each"
        ),
    );
    // vague: "now", "recently", "the future".
    no(
        rule::VAGUE,
        !matches!(
            l,
            b"now"
                | b"currently"
                | b"nowadays"
                | b"right"
                | b"these"
                | b"current"
                | b"recently"
                | b"lately"
                | b"more"
                | b"recent"
                | b"the"
        ),
    );
    skip
}

/// [`word_cannot_start`], read from a table made once for the words [`could_start`] accepts
/// (a binary search rather than the hundred-odd byte-string compares of the function), and
/// worked out for the others (the words that start with a digit).
fn word_skip(l: &[u8], digit: bool) -> u32 {
    static TABLE: std::sync::OnceLock<Vec<(u128, u32)>> = std::sync::OnceLock::new();
    if !digit {
        let table = TABLE.get_or_init(|| {
            let mut t: Vec<(u128, u32)> = COULD_START_WORDS
                .iter()
                .chain(CALENDAR_WORDS)
                .map(|w| (packed::key(w), word_cannot_start(w, false)))
                .collect();
            t.sort_unstable_by_key(|e| e.0);
            t
        });
        if let Ok(k) = table.binary_search_by_key(&packed::key(l), |e| e.0) {
            return table[k].1;
        }
    }
    word_cannot_start(l, digit)
}

/// Lowercases an ASCII word of at most 16 bytes into `buf` (longer or non-ASCII words give
/// `None`: no calendar word is like that), so that word tests never allocate.
fn lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// A word lowercased: see [`Scanner::lw`].
#[derive(Clone, Copy)]
enum Low<'a> {
    /// The word itself, already in lower case.
    Same(&'a str),
    /// A lowercased copy and its length.
    Copy([u8; 16], u8),
}

impl Low<'_> {
    fn as_str(&self) -> &str {
        match self {
            Low::Same(w) => w,
            Low::Copy(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or(""),
        }
    }
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// [`lower`] as text: "" for a word longer than 16 bytes or not ASCII (no rule word is); the
/// word itself when it has no capital.
fn lower_str<'b>(w: &'b str, buf: &'b mut [u8; 16]) -> &'b str {
    if already_lower(w) {
        return w;
    }
    lower(w, buf)
        .and_then(|l| std::str::from_utf8(l).ok())
        .unwrap_or("")
}

/// An ASCII word of at most 16 bytes with no capital: its own lowercase form, which
/// [`Scanner::lw`] and [`lower_str`] return without a copy.
fn already_lower(w: &str) -> bool {
    w.len() <= 16 && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Words that can begin an expression; any other word is skipped at once, which keeps the
/// scan fast on ordinary prose. The word lowercased into `buf` when it can ("" for one that
/// starts with a digit but is not ASCII or is long), `None` when it cannot: most words are
/// turned away by their shape (see [`shape_bit`]) before they are lowercased and looked up.
fn could_start<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = w.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if first.is_ascii_digit() {
        return Some(lower(w, buf).unwrap_or(b""));
    }
    let shape = shape_bit(b.len(), first, last)?;
    if START_SHAPES[shape / 64] & 1 << (shape % 64) == 0 {
        return None;
    }
    let l = lower(w, buf)?;
    COULD_START.contains(packed::key(l)).then_some(l)
}

/// One bit per shape (see [`shape_bit`]) of the words [`could_start`] accepts.
static START_SHAPES: [u64; 17 << 4] = shape_table(&[COULD_START_WORDS, CALENDAR_WORDS]);

/// One bit per shape (see [`shape_bit`]) of the words of `lists`.
const fn shape_table(lists: &[&[&[u8]]]) -> [u64; 17 << 4] {
    let mut t = [0u64; 17 << 4];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i];
            if let Some(bit) = shape_bit(w.len(), w[0], w[w.len() - 1]) {
                t[bit / 64] |= 1 << (bit % 64);
            }
            i += 1;
        }
        l += 1;
    }
    t
}

/// The words [`could_start`] accepts besides the calendar words.
const COULD_START_WORDS: &[&[u8]] = &[
    b"a",
    b"about",
    b"almost",
    b"an",
    b"annually",
    b"around",
    b"autumn",
    b"christmas",
    b"coming",
    b"current",
    b"currently",
    b"daily",
    b"dawn",
    b"daybreak",
    b"dusk",
    b"each",
    b"earlier",
    b"early",
    b"eight",
    b"eighteen",
    b"eighty",
    b"eleven",
    b"every",
    b"fall",
    b"few",
    b"fifteen",
    b"fifty",
    b"first",
    b"fiscal",
    b"five",
    b"following",
    b"forty",
    b"four",
    b"fourteen",
    b"fourth",
    b"future",
    b"hourly",
    b"its",
    b"last",
    b"late",
    b"lately",
    b"later",
    b"many",
    b"mid",
    b"midday",
    b"midnight",
    b"monthly",
    b"more",
    b"nearly",
    b"new",
    b"next",
    b"nightfall",
    b"nightly",
    b"nine",
    b"nineteen",
    b"ninety",
    b"noon",
    b"now",
    b"nowadays",
    b"one",
    b"over",
    b"past",
    b"previous",
    b"previously",
    b"recent",
    b"recently",
    b"right",
    b"roughly",
    b"second",
    b"seven",
    b"seventeen",
    b"seventy",
    b"several",
    b"six",
    b"sixteen",
    b"sixty",
    b"some",
    b"soon",
    b"spring",
    b"summer",
    b"sunrise",
    b"sunset",
    b"ten",
    b"thanksgiving",
    b"that",
    b"the",
    b"these",
    b"third",
    b"thirteen",
    b"thirty",
    b"this",
    b"three",
    b"today",
    b"tomorrow",
    b"tonight",
    b"twelve",
    b"twenty",
    b"two",
    b"weekly",
    b"winter",
    b"year",
    b"yearly",
    b"yesterday",
];
static COULD_START: packed::Set<{ COULD_START_WORDS.len() + CALENDAR_WORDS.len() }> =
    packed::Set::new(&[COULD_START_WORDS, CALENDAR_WORDS]);

/// Words that every expression holds at least one of (a number, a calendar word, a unit, a
/// relative day): an expression never starts more than [`ANCHOR_REACH`] tokens before one,
/// so that words like b"the" and b"a" far from any of them are skipped without trying a rule.
fn is_anchor(w: &str) -> bool {
    is_anchor_bytes(w.as_bytes())
}

/// [`is_anchor`] of a word's bytes (the tokens' spans are byte spans: no char boundary to
/// check). The word's shape (length, first and last letters) picks the one or two anchor
/// words it can be, which are then compared with it: most words of a text have the shape of
/// none and are turned away at once, without being lowercased or looked up in a set.
#[inline]
fn is_anchor_bytes(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if first.is_ascii_digit() {
        return true;
    }
    // Most words are turned away by their length and first and last letters in one look-up.
    if !anchor_gate(b.len(), first, last) {
        return false;
    }
    // A plural counts as its singular ("days", "Mondays"), and "Christmas" as "christma".
    let n = if b.len() > 3 && last | 0x20 == b's' {
        b.len() - 1
    } else {
        b.len()
    };
    let Some(shape) = shape_bit(n, first, b[n - 1]) else {
        return false;
    };
    match ANCHOR_INDEX[shape] {
        0 => false,
        from => anchor_of_shape(&b[..n], shape, usize::from(from) - 1),
    }
}

/// By the length of a word (row) and the low five bits of its first byte (column), the low
/// five bits of the last bytes an anchor word can have (bit `last & 31`): those of each
/// anchor word of that length and first letter, and 's' for its plural, one byte longer.
/// The five bits are those of either case, so an anchor in any case, or its plural, passes;
/// a word of more than 17 bytes is no anchor (nor the plural of one). A small table (2 KiB,
/// against the 17 KiB of [`ANCHOR_INDEX`]) and no plural test before it: for the words it
/// turns away (most), [`is_anchor_bytes`] costs a third of what it did.
static ANCHOR_GATE: [[u32; 32]; 18] = {
    let mut t = [[0u32; 32]; 18];
    let lists = [ANCHOR_WORDS, CALENDAR_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i];
            let (n, first) = (w.len(), (w[0] & 31) as usize);
            t[n][first] |= 1 << (w[n - 1] & 31);
            t[n + 1][first] |= 1 << (b's' & 31);
            i += 1;
        }
        l += 1;
    }
    t
};

/// Whether [`ANCHOR_GATE`] lets a word of `len` bytes with these first and last bytes through.
#[inline]
fn anchor_gate(len: usize, first: u8, last: u8) -> bool {
    ANCHOR_GATE
        .get(len)
        .is_some_and(|lasts| lasts[usize::from(first & 31)] >> (last & 31) & 1 != 0)
}

/// Whether `word` (of that shape) is one of the anchor words of its shape, which start at
/// index `from` of [`ANCHOR_BY_SHAPE`]: only an ASCII word can equal one. Out of line, so
/// that the test before it, which turns most words away, is cheap where it is inlined.
#[inline(never)]
fn anchor_of_shape(word: &[u8], shape: usize, from: usize) -> bool {
    ANCHOR_BY_SHAPE
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|(s, _)| *s == shape)
        .any(|(_, w)| w.eq_ignore_ascii_case(word))
}

/// The index of a word of `len` bytes (at most 16) with these first and last bytes in
/// [`ANCHOR_INDEX`]: its shape.
const fn shape_bit(len: usize, first: u8, last: u8) -> Option<usize> {
    if len > 16 {
        return None;
    }
    // The low five bits are those of the other case already.
    Some(len << 10 | ((first & 31) as usize) << 5 | (last & 31) as usize)
}

/// How many words [`is_anchor`] accepts.
const ANCHOR_COUNT: usize = ANCHOR_WORDS.len() + CALENDAR_WORDS.len();

/// The words [`is_anchor`] accepts, with their shapes (see [`shape_bit`]), sorted by shape.
static ANCHOR_BY_SHAPE: [(usize, &[u8]); ANCHOR_COUNT] = SORTED_ANCHORS;

/// [`ANCHOR_BY_SHAPE`] as a constant, for [`ANCHOR_INDEX`] to be built from.
const SORTED_ANCHORS: [(usize, &[u8]); ANCHOR_COUNT] = {
    let mut out: [(usize, &[u8]); ANCHOR_COUNT] = [(0, b""); ANCHOR_COUNT];
    let lists = [ANCHOR_WORDS, CALENDAR_WORDS];
    let (mut l, mut n) = (0, 0);
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i];
            let Some(shape) = shape_bit(w.len(), w[0], w[w.len() - 1]) else {
                panic!("an anchor word has at most 16 bytes");
            };
            out[n] = (shape, w);
            n += 1;
            i += 1;
        }
        l += 1;
    }
    // Insertion sort: const code, run once by the compiler.
    let mut i = 1;
    while i < ANCHOR_COUNT {
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
};

/// For each shape, one more than the index in [`ANCHOR_BY_SHAPE`] of the first anchor word of
/// that shape; 0 for a shape no anchor word has.
static ANCHOR_INDEX: [u8; 17 << 10] = {
    assert!(ANCHOR_COUNT < 255, "an index fits in a byte");
    let mut t = [0u8; 17 << 10];
    let mut i = ANCHOR_COUNT;
    while i > 0 {
        i -= 1;
        t[SORTED_ANCHORS[i].0] = (i + 1) as u8;
    }
    t
};

/// The words [`is_anchor`] accepts (singulars) besides the calendar words.
const ANCHOR_WORDS: &[&[u8]] = &[
    b"afternoon",
    b"ago",
    b"annually",
    b"autumn",
    b"centurie",
    b"century",
    b"christma",
    b"christmas",
    b"current",
    b"currently",
    b"daily",
    b"dawn",
    b"day",
    b"daybreak",
    b"decade",
    b"dusk",
    b"earlier",
    b"eightie",
    b"evening",
    b"fall",
    b"fiftie",
    b"fiscal",
    b"fortie",
    b"future",
    b"half",
    b"hour",
    b"hourly",
    b"lately",
    b"midday",
    b"midnight",
    b"minute",
    b"month",
    b"monthly",
    b"morning",
    b"night",
    b"nightfall",
    b"nightly",
    b"nineteen",
    b"ninetie",
    b"noon",
    b"now",
    b"nowaday",
    b"past",
    b"period",
    b"previously",
    b"quarter",
    b"recent",
    b"recently",
    b"second",
    b"seventie",
    b"sixtie",
    b"soon",
    b"spring",
    b"summer",
    b"sunrise",
    b"sunset",
    b"term",
    b"thanksgiving",
    b"thirtie",
    b"thousand",
    b"today",
    b"tomorrow",
    b"tonight",
    b"twentie",
    b"week",
    b"weekend",
    b"weekly",
    b"winter",
    b"year",
    b"yearly",
    b"yesterday",
];
/// The anchor words as a set, for the tests' reference [`is_anchor`].
#[cfg(test)]
static ANCHORS: packed::Set<ANCHOR_COUNT> = packed::Set::new(&[ANCHOR_WORDS, CALENDAR_WORDS]);

/// Month names, their abbreviations and weekday names, as [`month_of`] and [`weekday_of`]
/// read them: words that can start an expression and that every expression may hold.
const CALENDAR_WORDS: &[&[u8]] = &[
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
    b"jan",
    b"feb",
    b"mar",
    b"apr",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"sept",
    b"oct",
    b"nov",
    b"dec",
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
];

/// How many tokens an expression may run before its first anchor word ("more than four
/// decades ago", "the end of the year").
const ANCHOR_REACH: usize = 4;

/// [`may_name_year_in`] of a text not yet cut into tokens.
#[cfg(test)]
pub(super) fn may_name_year(text: &str) -> bool {
    may_name_year_in(text, &tokenize(text))
}

/// Whether `text`, read without a reference date, can hold an expression whose value starts
/// with a year. Every such expression has a four-digit number ("2021", "the 1990s",
/// "2021-08-03"), a slash ("5/1/22"), a two-digit year after a month ("25 Aug 88", "Aug.,
/// 88") or a spelled year ("nineteen ninety-six", "the year two thousand"): a paragraph
/// without any is passed over when the year of a yearless dateline is looked for, rather
/// than scanned by every rule. `t` is [`tokenize`]`(text)`.
pub(super) fn may_name_year_in(text: &str, t: &[Tok]) -> bool {
    let w = |i: usize| &text[t[i].s..t[i].e];
    (0..t.len()).any(|i| match t[i].kind {
        K::Punct(b'/') => true,
        K::Num => {
            let len = t[i].e - t[i].s;
            len == 4
                || (len == 2 && (1..=3).any(|back| i >= back && month_of(w(i - back)).is_some()))
        }
        K::Word => {
            let b = w(i).as_bytes();
            // A word has a letter: four digits besides it make five bytes at least.
            (b.len() > 4 && b.windows(4).any(|d| d.iter().all(u8::is_ascii_digit)))
                || w(i).eq_ignore_ascii_case("nineteen")
                || w(i).eq_ignore_ascii_case("thousand")
        }
        K::Punct(_) => false,
    })
}

/// [`may_name_year_in`] read from the bytes of `text` rather than from its tokens, so that a
/// paragraph it turns away (most of those read for a yearless dateline's year) is never cut
/// into tokens: false only where that function is false. Each token it accepts shows in
/// the bytes: a slash; four digits in a row (a four-digit number or a word holding one; a
/// number of five digits or more, which it turns away, is let through); two digits, which
/// are then checked for a number of two digits with a month among the three tokens before
/// it; eight word bytes from a word's start, then compared with "nineteen" and "thousand".
/// The word and digit masks are taken 64 bytes at a time (as [`cut`] takes them); blocks
/// start 56 bytes apart and each looks only for what starts in its first 56 bytes, so what
/// is looked for (at most eight bytes, and a byte on either side) lies whole in the block
/// that looks for it, and every start is looked at once. Linear: each check looks at a
/// few bytes around its start, and the month check at the three tokens before it.
pub(super) fn may_name_year_bytes(text: &str) -> bool {
    const STEP: usize = 56;
    const FIRST: u64 = (1 << STEP) - 1;
    let b = text.as_bytes();
    let mut at = 0;
    while at < b.len() {
        let (word, digit, slash) = match b.get(at..at + 64) {
            Some(block) => year_masks(block),
            None => {
                // The last block, padded with bytes that are neither word bytes nor digits.
                let mut padded = [0u8; 64];
                padded[..b.len() - at].copy_from_slice(&b[at..]);
                year_masks(&padded)
            }
        };
        if slash != 0 || digit & digit >> 1 & digit >> 2 & digit >> 3 & FIRST != 0 {
            return true;
        }
        let mut pairs = digit & digit >> 1 & FIRST;
        while pairs != 0 {
            let k = at + pairs.trailing_zeros() as usize;
            pairs &= pairs - 1;
            if two_digit_year_at(text, k) {
                return true;
            }
        }
        let w2 = word & word >> 1;
        let w4 = w2 & w2 >> 2;
        let mut eights = w4 & w4 >> 4 & !(word << 1) & !(word >> 8) & FIRST;
        while eights != 0 {
            let k = at + eights.trailing_zeros() as usize;
            eights &= eights - 1;
            if spelled_year_at(b, k) {
                return true;
            }
        }
        at += STEP;
    }
    false
}

/// The word bytes, digits and slashes of a block of 64 bytes (bit `k` for byte `k`); the
/// digits and slashes are told apart only in the eight bytes that have either.
fn year_masks(block: &[u8]) -> (u64, u64, u64) {
    let (mut word, mut digit, mut slash) = (0u64, 0u64, 0u64);
    for (k, eight) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let w = swar::ascii_alnum(x) | x & swar::HIGH_BITS;
        word |= u64::from(swar::gather(w)) << (k * 8);
        // '/' is the byte just below '0': one range test finds both.
        let v = x & !swar::HIGH_BITS;
        let either = ((v | swar::HIGH_BITS) - swar::splat(b'/'))
            & ((swar::splat(b'9') | swar::HIGH_BITS) - v)
            & !x
            & swar::HIGH_BITS;
        if either != 0 {
            let s = swar::bytes_equal(x, b'/');
            slash |= s;
            digit |= u64::from(swar::gather(either & !s)) << (k * 8);
        }
    }
    (word, digit, slash)
}

/// Whether the digits at `k` and `k + 1` of `text` are a number of two digits (a token of
/// its own) with a month among the three tokens before it, as [`may_name_year_in`] reads
/// tokens ("25 Aug 88", "Aug., 88"): walked back over the bytes, a punctuation byte a token,
/// white space none, a run of word bytes a word.
fn two_digit_year_at(text: &str, k: usize) -> bool {
    let b = text.as_bytes();
    let word_byte = |i: usize| b.get(i).is_some_and(|&c| CLASS[usize::from(c)] >= LETTER);
    if (k > 0 && word_byte(k - 1)) || word_byte(k + 2) {
        return false;
    }
    let mut p = k;
    for _ in 0..3 {
        while p > 0 && CLASS[usize::from(b[p - 1])] == SPACE {
            p -= 1;
        }
        if p == 0 {
            return false;
        }
        if CLASS[usize::from(b[p - 1])] == PUNCT {
            p -= 1;
            continue;
        }
        let e = p;
        while p > 0 && word_byte(p - 1) {
            p -= 1;
        }
        if text.get(p..e).and_then(month_of).is_some() {
            return true;
        }
    }
    false
}

/// Whether the eight bytes at `k` of `b` are the word "nineteen" or "thousand" (any case),
/// a token of its own.
fn spelled_year_at(b: &[u8], k: usize) -> bool {
    let word_byte = |i: usize| b.get(i).is_some_and(|&c| CLASS[usize::from(c)] >= LETTER);
    if (k > 0 && word_byte(k - 1)) || word_byte(k + 8) {
        return false;
    }
    b.get(k..k + 8)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"nineteen") || w.eq_ignore_ascii_case(b"thousand"))
}

/// Decides whether `05/01/2022` means 5 January, from the other numeric dates in the text
/// (one with a first number over 12 settles it) or the style of the dateline.
pub(super) fn day_first(text: &str, t: &[Tok], dateline: Option<&str>) -> Option<bool> {
    let w = |i: usize| t.get(i).map_or("", |x| &text[x.s..x.e]);
    for i in 0..t.len().saturating_sub(4) {
        if t[i].kind == K::Num
            && t[i + 1].kind == K::Punct(b'/')
            && t[i + 2].kind == K::Num
            && t[i + 3].kind == K::Punct(b'/')
            && t[i + 4].kind == K::Num
        {
            let a: u32 = w(i).parse().unwrap_or(0);
            let b: u32 = w(i + 2).parse().unwrap_or(0);
            if a > 12 && b <= 12 {
                return Some(true);
            }
            if b > 12 && a <= 12 {
                return Some(false);
            }
        }
    }
    let dl = dateline?;
    let dt = tokenize(dl);
    for i in 0..dt.len().saturating_sub(1) {
        let a = &dl[dt[i].s..dt[i].e];
        let b = &dl[dt[i + 1].s..dt[i + 1].e];
        if dt[i].kind == K::Num && month_of(b).is_some() {
            return Some(true);
        }
        if month_of(a).is_some() && dt[i + 1].kind == K::Num {
            return Some(false);
        }
    }
    None
}

#[cfg(test)]
mod tests;
