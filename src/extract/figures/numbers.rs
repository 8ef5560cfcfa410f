//! Quantities as news writes them: "1,200", "1 000", "1.5 million", "2.3m", "twelve", "one
//! hundred and twenty-three", "dozens", "at least 30", "between 10 and 15".
//!
//! A hand-written scanner over the sentence's tokens instead of a regex: one pass, no
//! start-up cost. [`tokenize`] splits a sentence into words, numbers and punctuation with byte
//! spans; [`quantity_at`] reads a quantity starting at a token. Vague quantities become lower
//! bounds (dozens → min 24) as the labelling guidelines say. Numbers that are not counts
//! (ordinals, ages, years, times, money, percentages, phone numbers) are refused here.

use crate::vocab::{packed, swar};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and inner apostrophes, hyphens, digits): "year-old", "didn't".
    Word,
    /// Digits with inner `,` or `.` separators: "1,000", "2.5".
    Num,
    /// Any other single character that is not white space.
    Punct,
}

/// One token: byte span into the document and its lowercase form.
///
/// `lower` borrows from an ASCII-lowercased copy of the text (same byte offsets), made once
/// per document: no allocation per token.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// ASCII-lowercased text.
    pub lower: &'a str,
    /// True when the token starts with an uppercase letter.
    pub cap: bool,
}

/// The character starting at byte `i` of `s`, when `i` is a char boundary.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// A letter starts at byte `i`.
fn is_word_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(s, i).is_some_and(char::is_alphabetic),
        None => false,
    }
}

/// Bytes that go on an ASCII word or a number: `[0-9A-Za-z]`, as a table (one load and
/// one test per byte: [`alnum_end`]'s loop over the text's last bytes, where no eight-byte
/// load fits).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The first byte of `b[j..end]` that is not `[0-9A-Za-z]`, or `end` (`j` itself when it is
/// not below `end`). Eight bytes at a time ([`swar::ascii_alnum`]) where the text goes on
/// that far (bytes past `end` are read but not counted), then [`ASCII_ALNUM`] byte by byte:
/// a byte loop mispredicted its exit at most words.
#[inline(always)]
fn alnum_end(b: &[u8], mut j: usize, end: usize) -> usize {
    if j >= end {
        return j;
    }
    while let Some(x) = swar::load(b, j) {
        let other = !swar::ascii_alnum(x) & swar::HIGH_BITS;
        if other != 0 {
            return (j + (other.trailing_zeros() / 8) as usize).min(end);
        }
        j += 8;
        if j >= end {
            return end;
        }
    }
    while j < end && ASCII_ALNUM[usize::from(b[j])] {
        j += 1;
    }
    j
}

/// Where the word that goes on at byte `j` of `text` ends, when the byte there is not
/// `[0-9A-Za-z]`: past an inner hyphen or apostrophe ("year-old", "didn't", "didn’t") or a
/// non-ASCII letter, or `None` when the word ends at `j`. The rare cases of the word loop of
/// [`tokenize_into`], kept apart so that its ASCII loop stays small.
fn word_goes_on(text: &str, j: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let d = b[j];
    if d == b'-' || d == b'\'' {
        // Inner hyphen or apostrophe: "year-old", "didn't".
        (j + 1 < end && (b[j + 1].is_ascii_digit() || is_word_at(text, j + 1))).then_some(j + 1)
    } else if d.is_ascii() {
        None
    } else if b[j..].starts_with("\u{2019}".as_bytes()) {
        (j + 3 < end && (b[j + 3].is_ascii_digit() || is_word_at(text, j + 3))).then_some(j + 3)
    } else if is_word_at(text, j) {
        Some(j + char_at(text, j).map_or(1, char::len_utf8))
    } else {
        None
    }
}

/// [`LEAD`]: ASCII white space (`\s`), no token.
const SPACE: u8 = 1;
/// [`LEAD`]: an ASCII letter.
const LETTER: u8 = 2;
/// [`LEAD`]: `[A-Z]`.
const UPPER: u8 = 4;
/// [`LEAD`]: the first byte of a multi-byte character (or a stray continuation byte).
const NON_ASCII: u8 = 8;

/// What the first byte of a token says about its first character, as bits ([`SPACE`],
/// [`LETTER`], [`UPPER`], [`NON_ASCII`]; none for a digit or an ASCII punctuation mark): one
/// load for each character [`tokenize_into`] starts a token or skips a space at, then two
/// bit tests that mostly go the same way. A `match` over five kinds of byte compiled to a
/// jump through a table, mispredicted at most tokens (words, spaces and punctuation take
/// turns).
static LEAD: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // `\s`, as `is_space` (not a `const fn`) has it.
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether a character of U+2010..=U+2027 (dashes, curly quotes, bullets, the ellipsis;
/// bytes `E2 80 90..=A7`) starts at byte `i` of `b`: punctuation, neither white space nor a
/// letter, so [`tokenize_into`] takes it as a three-byte punctuation token without decoding
/// it and asking the Unicode tables (news text has many of them).
fn is_general_punctuation(b: &[u8], i: usize) -> bool {
    matches!(b.get(i..i + 3), Some([0xE2, 0x80, 0x90..=0xA7]))
}

/// Splits `text[start..end]` into tokens with absolute byte offsets, appended to `out`.
/// `lower` is `text` ASCII-lowercased (same length, same char boundaries). A byte scanner:
/// ASCII takes the fast path (a table look-up per byte, no `char` decoding), other
/// characters are decoded where they occur.
pub fn tokenize_into<'a>(
    text: &str,
    lower: &'a str,
    start: usize,
    end: usize,
    out: &mut Vec<Token<'a>>,
) {
    let b = text.as_bytes();
    let end = end.min(text.len()).min(lower.len());
    let mut i = start;
    while i < end {
        let c = b[i];
        let lead = LEAD[usize::from(c)];
        if lead & SPACE != 0 {
            i += 1;
            continue;
        }
        // The first character: its length, whether it is a letter, an uppercase one.
        let (len, alphabetic, cap) = if lead & NON_ASCII == 0 {
            (1, lead & LETTER != 0, lead & UPPER != 0)
        } else if is_general_punctuation(b, i) {
            (3, false, false)
        } else {
            match char_at(text, i) {
                Some(ch) if ch.is_whitespace() => {
                    i += ch.len_utf8();
                    continue;
                }
                Some(ch) => (ch.len_utf8(), ch.is_alphabetic(), ch.is_uppercase()),
                None => {
                    // Not a char boundary: skip the byte.
                    i += 1;
                    continue;
                }
            }
        };
        let mut j = i + len;
        let kind = if alphabetic {
            loop {
                j = alnum_end(b, j, end);
                match (j < end).then(|| word_goes_on(text, j, end)).flatten() {
                    Some(next) => j = next,
                    None => break,
                }
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while j < end {
                let d = b[j];
                if d.is_ascii_digit()
                    || ((d == b',' || d == b'.') && j + 1 < end && b[j + 1].is_ascii_digit())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            Kind::Num
        } else {
            Kind::Punct
        };
        let j = j.min(end);
        if let Some(low) = lower.get(i..j) {
            out.push(Token {
                start: i,
                end: j,
                kind,
                lower: low,
                cap,
            });
        }
        // The space after a word, the commonest case, skipped here rather than by another
        // turn of the loop.
        i = if b.get(j) == Some(&b' ') && j < end {
            j + 1
        } else {
            j
        };
    }
}

/// A parsed quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The number as stated, or `None` for a vague quantity or a lower bound.
    pub value: Option<u64>,
    /// Lower bound, when the wording implies one.
    pub min: Option<u64>,
    /// Upper bound, when the wording implies one.
    pub max: Option<u64>,
    /// True for hedged wording ("about", "some", "dozens").
    pub approximate: bool,
}

impl Quantity {
    /// An exact number.
    pub fn exact(n: u64) -> Quantity {
        Quantity {
            value: Some(n),
            min: Some(n),
            max: Some(n),
            approximate: false,
        }
    }

    /// The number the scorer and the summary read: the value, else the lower bound.
    pub fn number(&self) -> Option<u64> {
        self.value.or(self.min)
    }
}

/// A quantity found in a token list: tokens `first..last` (exclusive).
#[derive(Debug, Clone)]
pub struct Found {
    /// The quantity.
    pub qty: Quantity,
    /// Index of the first token (the modifier, when there is one).
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Bound {
    Min,
    Max,
    About,
}

const MODIFIERS: &[(&[&str], Bound)] = &[
    (&["at", "least"], Bound::Min),
    (&["more", "than"], Bound::Min),
    (&["over"], Bound::Min),
    (&["no", "fewer", "than"], Bound::Min),
    (&["no", "less", "than"], Bound::Min),
    (&["upwards", "of"], Bound::Min),
    (&["in", "excess", "of"], Bound::Min),
    (&["almost"], Bound::Max),
    (&["nearly"], Bound::Max),
    (&["up", "to"], Bound::Max),
    (&["fewer", "than"], Bound::Max),
    (&["less", "than"], Bound::Max),
    (&["close", "to"], Bound::Max),
    (&["as", "many", "as"], Bound::Max),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["some"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["estimated"], Bound::About),
    (&["approximately"], Bound::About),
    (&["roughly"], Bound::About),
];

/// The number words ("one" … "ninety") and their values.
const WORD_VALUES: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The scale words and their values.
const SCALES: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// The value of `w` in a table of words and values.
fn value_in(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// The value of a number word ("one" … "ninety"), lower case.
pub(super) fn word_value(w: &str) -> Option<u64> {
    value_in(WORD_VALUES, w)
}

/// The value of a scale word ("hundred" … "billion"), lower case.
fn scale_value(w: &str) -> Option<u64> {
    value_in(SCALES, w)
}

/// Words that make a preceding number something other than a count of people or houses.
const NOT_COUNT_AFTER: &[&str] = &[
    "block",
    "blocks",
    "caliber",
    "calibre",
    "percent",
    "per",
    "%",
    "year-old",
    "years-old",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "o'clock",
    "o’clock",
    "yo",
    "shots",
    "rounds",
    "bullets",
    "gunshot",
    "gunshots",
    "a.m",
    "p.m",
    "am",
    "pm",
    "dollars",
    "dollar",
    "usd",
    "euros",
    "pounds",
    "pesos",
    "rupees",
    "yuan",
    "naira",
    "shillings",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "feet",
    "foot",
    "ft",
    "tons",
    "tonnes",
    "hectares",
    "acres",
    "degrees",
    "magnitude",
    "mm",
    "cm",
    "kg",
    "times",
    "st",
    "nd",
    "rd",
    "th",
    "calibre",
    "caliber",
    "mph",
    "kph",
    "inches",
    "points",
    "votes",
    "seats",
    "sq",
    "square",
    "mw",
];

/// Words after which a number is a label, not a count ("Route 9", "aged 23", "No. 5").
const NOT_COUNT_BEFORE: &[&str] = &[
    "aged",
    "age",
    "ages",
    "no",
    "number",
    "route",
    "highway",
    "interstate",
    "flight",
    "room",
    "apartment",
    "block",
    "unit",
    "ward",
    "district",
    "zone",
    "page",
    "chapter",
    "article",
    "resolution",
    "section",
    "channel",
    "street",
    "road",
    "avenue",
    "box",
    "gate",
    "km",
    "kilometre",
    "kilometer",
    "mile",
    "category",
    "level",
    "phase",
    "stage",
    "grade",
];

/// The bytes of each word of a list, for [`packed::Set::new`] (the lists stay lists of
/// `&str`, as the rules read them).
const fn bytes_of<const N: usize>(words: &[&'static str]) -> [&'static [u8]; N] {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut i = 0;
    while i < N {
        out[i] = words[i].as_bytes();
        i += 1;
    }
    out
}

/// Whether the lowercase token text `w` is a word of `set` (lowercase words of at most 16
/// bytes). The packed key is exact here: no token holds a NUL byte except the one-character
/// token "\0", whose key (0) is no word's.
fn in_set<const N: usize>(set: &packed::Set<N>, w: &str) -> bool {
    w.len() <= 16 && set.contains(packed::key(w.as_bytes()))
}

/// [`NOT_COUNT_AFTER`] as a set: [`refused`] asks it for the word after every number.
static NOT_COUNT_AFTER_SET: packed::Set<{ NOT_COUNT_AFTER.len() }> =
    packed::Set::new(&[&bytes_of::<{ NOT_COUNT_AFTER.len() }>(NOT_COUNT_AFTER)]);

/// [`NOT_COUNT_BEFORE`] as a set: [`refused`] asks it for the word before every number.
static NOT_COUNT_BEFORE_SET: packed::Set<{ NOT_COUNT_BEFORE.len() }> =
    packed::Set::new(&[&bytes_of::<{ NOT_COUNT_BEFORE.len() }>(NOT_COUNT_BEFORE)]);

/// The words of a table of words and values, for [`packed::Set::new`].
const fn names_of<const N: usize>(table: &[(&'static str, u64)]) -> [&'static [u8]; N] {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut i = 0;
    while i < N {
        out[i] = table[i].0.as_bytes();
        i += 1;
    }
    out
}

/// The words [`word_value`] and [`scale_value`] know: a number word starts with one of them
/// ("twenty-one", "hundred").
static NUMBER_WORD_SET: packed::Set<{ WORD_VALUES.len() + SCALES.len() }> = packed::Set::new(&[
    &names_of::<{ WORD_VALUES.len() }>(WORD_VALUES),
    &names_of::<{ SCALES.len() }>(SCALES),
]);

/// Whole words that may begin a quantity besides the number words: "a" ("a dozen") and the
/// vague quantities ("dozens", "tens of thousands").
const VAGUE_STARTS: &[&str] = &[
    "a",
    "tens",
    "hundreds",
    "dozens",
    "scores",
    "thousands",
    "millions",
    "several",
];

/// [`VAGUE_STARTS`] and the number words: the whole words that may begin a number.
static VAGUE_OR_NUMBER_SET: packed::Set<{ VAGUE_STARTS.len() + WORD_VALUES.len() + SCALES.len() }> =
    packed::Set::new(&[
        &bytes_of::<{ VAGUE_STARTS.len() }>(VAGUE_STARTS),
        &names_of::<{ WORD_VALUES.len() }>(WORD_VALUES),
        &names_of::<{ SCALES.len() }>(SCALES),
    ]);

/// The first bytes of the words of [`VAGUE_OR_NUMBER_SET`] (and so of [`NUMBER_WORD_SET`]):
/// a word starting with any other byte begins no number.
static NUMBER_FIRST_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < VAGUE_STARTS.len() {
        t[VAGUE_STARTS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < WORD_VALUES.len() {
        t[WORD_VALUES[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < SCALES.len() {
        t[SCALES[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// The first two bytes of the words of [`VAGUE_OR_NUMBER_SET`], as bits: bit `second & 31`
/// of `NUMBER_PAIRS[first & 31]`, where `second` is 0 for a one-byte word and a one-byte word
/// also sets the bit of a hyphen (a number word's first part before a hyphen is read too).
/// A token whose first two bytes have no bit set begins no number. One load and one bit
/// test turns away words whose first byte passes [`NUMBER_FIRST_BYTE`] ("to", "said",
/// "from"), and with them a branch per token on the token's kind. Bytes that share their
/// low five bits share a bit: that only lets more tokens by.
static NUMBER_PAIRS: [u32; 32] = {
    const fn set(t: &mut [u32; 32], w: &[u8]) {
        let first = (w[0] & 31) as usize;
        if w.len() > 1 {
            t[first] |= 1 << (w[1] & 31);
        } else {
            t[first] |= 1 | 1 << (b'-' & 31);
        }
    }
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < VAGUE_STARTS.len() {
        set(&mut t, VAGUE_STARTS[i].as_bytes());
        i += 1;
    }
    let mut i = 0;
    while i < WORD_VALUES.len() {
        set(&mut t, WORD_VALUES[i].0.as_bytes());
        i += 1;
    }
    let mut i = 0;
    while i < SCALES.len() {
        set(&mut t, SCALES[i].0.as_bytes());
        i += 1;
    }
    t
};

/// Whether the first two bytes of `w` (0 for a missing second byte) are those of a word of
/// [`VAGUE_OR_NUMBER_SET`] or may be ([`NUMBER_PAIRS`]).
#[inline(always)]
fn number_pair(w: &[u8]) -> bool {
    let first = w.first().map_or(0, |&c| c & 31);
    let second = w.get(1).map_or(0, |&c| c & 31);
    (NUMBER_PAIRS[usize::from(first)] >> second) & 1 != 0
}

/// The longest number word and word of [`VAGUE_STARTS`] ("seventeen", "thousands").
const LONGEST_NUMBER_WORD: usize = 9;

/// The packed key of the part of `w` before its first hyphen, and whether there is a
/// hyphen, read in one pass; `None` when that part is longer than any number word.
fn first_part_key(w: &str) -> Option<(u128, bool)> {
    let mut key = 0u128;
    for (n, &b) in w.as_bytes().iter().enumerate() {
        if b == b'-' {
            return Some((key, true));
        }
        if n == LONGEST_NUMBER_WORD {
            return None;
        }
        key = key << 8 | u128::from(b);
    }
    Some((key, false))
}

/// The first word of each of [`MODIFIERS`], and "between": the words a quantity may begin
/// with before its number.
const fn opener_words() -> [&'static [u8]; MODIFIERS.len() + 1] {
    let mut out: [&[u8]; MODIFIERS.len() + 1] = [b"between"; MODIFIERS.len() + 1];
    let mut i = 0;
    while i < MODIFIERS.len() {
        out[i] = MODIFIERS[i].0[0].as_bytes();
        i += 1;
    }
    out
}

static OPENER_SET: packed::Set<{ MODIFIERS.len() + 1 }> = packed::Set::new(&[&opener_words()]);

/// `num` (a number token: ASCII digits, `,` and `.`) without its commas, written into `buf`;
/// `None` when it does not fit (the caller then makes a `String`).
fn without_commas<'b>(num: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let mut n = 0;
    for &b in num.as_bytes() {
        if b != b',' {
            *buf.get_mut(n)? = b;
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Reads the number proper (no modifier) at token `i`: `(value, vague lower bound, next)`.
fn core_at(t: &[Token], i: usize) -> Option<(Option<u64>, u64, usize)> {
    let tok = t.get(i)?;
    let w = |k: usize| t.get(k).map(|x| x.lower).unwrap_or("");
    match tok.kind {
        Kind::Num => {
            // The digits without their commas: on the stack, but for absurdly long numbers.
            let mut buf = [0u8; 48];
            let long: String;
            let digits = match without_commas(tok.lower, &mut buf) {
                Some(d) => d,
                None => {
                    long = tok.lower.replace(',', "");
                    &long
                }
            };
            // Commas must group thousands: "1,000" but not "3,4".
            if tok.lower.contains(',')
                && tok
                    .lower
                    .split(',')
                    .skip(1)
                    .any(|g| g.len() != 3 || g.contains('.'))
            {
                return None;
            }
            // Up to 15 digits without a point: the integer, read digit by digit, is the `f64`
            // that `parse` would give (exact below 2^53), without the float parser.
            let mut x: f64 =
                if (1..=15).contains(&digits.len()) && digits.bytes().all(|d| d.is_ascii_digit()) {
                    digits
                        .bytes()
                        .fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64
                } else {
                    digits.parse().ok()?
                };
            let mut next = i + 1;
            let mut int_digits = digits.split('.').next().unwrap_or("").len();
            // "1 000": groups of three digits after a space.
            if !tok.lower.contains([',', '.']) && int_digits <= 3 {
                while let Some(n) = t.get(next) {
                    if n.kind == Kind::Num
                        && n.lower.len() == 3
                        && n.lower.bytes().all(|b| b.is_ascii_digit())
                        && n.start == t[next - 1].end + 1
                    {
                        x = x * 1000.0 + n.lower.parse::<f64>().ok()?;
                        int_digits += 3;
                        next += 1;
                    } else {
                        break;
                    }
                }
            }
            let _ = int_digits;
            let mut scaled = false;
            if let Some(n) = t.get(next) {
                let adjacent = n.start == t[next - 1].end;
                let mult = match n.lower {
                    "m" | "mn" if adjacent => Some(1e6),
                    "k" if adjacent => Some(1e3),
                    "bn" if adjacent => Some(1e9),
                    s => scale_value(s).filter(|_| !adjacent).map(|v| v as f64),
                };
                if let Some(m) = mult {
                    x *= m;
                    next += 1;
                    scaled = true;
                }
            }
            if digits.contains('.') && !scaled {
                return None;
            }
            Some((Some(x.round() as u64), x.round() as u64, next))
        }
        Kind::Word => {
            // Vague quantities first.
            let two = (w(i), w(i + 1), w(i + 2));
            let vague = match two {
                ("tens", "of", "thousands") => Some((None, 20_000, 3)),
                ("hundreds", "of", "thousands") => Some((None, 200_000, 3)),
                ("a", "dozen", _) => Some((Some(12), 12, 2)),
                ("a", "couple", _) => Some((Some(2), 2, 2)),
                ("dozens", _, _) => Some((None, 24, 1)),
                ("scores", _, _) => Some((None, 40, 1)),
                ("hundreds", _, _) => Some((None, 200, 1)),
                ("thousands", _, _) => Some((None, 2_000, 1)),
                ("millions", _, _) => Some((None, 2_000_000, 1)),
                ("several", _, _) => Some((None, 3, 1)),
                _ => None,
            };
            if let Some((v, lo, n)) = vague {
                let mut next = i + n;
                if w(next) == "of" && !matches!(two.0, "several") {
                    next += 1;
                }
                return Some((v, lo, next));
            }
            // Number words: "one hundred and twenty-three", "a thousand".
            let mut k = i;
            let mut total = 0u64;
            let mut current = 0u64;
            let mut any = false;
            if w(k) == "a" && scale_value(w(k + 1)).is_some() {
                current = 1;
                k += 1;
            }
            let mut last_good = None;
            while let Some(tok) = t.get(k) {
                if tok.kind != Kind::Word {
                    break;
                }
                if tok.lower == "and" && any {
                    k += 1;
                    continue;
                }
                let mut ok = true;
                for part in tok.lower.split('-') {
                    if let Some(v) = word_value(part) {
                        current += v;
                    } else if let Some(s) = scale_value(part) {
                        if s == 100 {
                            current = current.max(1) * 100;
                        } else {
                            total += current.max(1) * s;
                            current = 0;
                        }
                    } else {
                        ok = false;
                        break;
                    }
                }
                if !ok {
                    break;
                }
                any = true;
                k += 1;
                last_good = Some(k);
            }
            let next = last_good?;
            let n = total + current;
            Some((Some(n), n, next))
        }
        Kind::Punct => None,
    }
}

/// True when the number at token `i` is not a count: an age, a year, a time, money, a
/// percentage, an ordinal, a phone number or a label.
fn refused(t: &[Token], i: usize, next: usize) -> bool {
    let tok = &t[i];
    let prev = i.checked_sub(1).map(|p| &t[p]);
    let after = t.get(next);
    if let Some(p) = prev {
        if matches!(p.lower, "$" | "£" | "€" | "#" | "¥" | "₹")
            || in_set(&NOT_COUNT_BEFORE_SET, p.lower)
        {
            return true;
        }
        // A label after a capitalized word mid-sentence: "Interstate 95", "Flight 370".
        if tok.kind == Kind::Num && p.kind == Kind::Word && p.cap && i >= 2 {
            return true;
        }
        // Times "10:30", phone numbers "555-1234", ordinals "1st".
        if p.lower == ":" && p.end == tok.start {
            return true;
        }
        // The rest of a list of ages: "ages 16 and 17", "aged 17, 18 and 22".
        if matches!(p.lower, "," | "and") && ages_before(t, i) {
            return true;
        }
        // The second half of "555-1234" or "10:30".
        if (matches!(p.lower, "/" | ".") || (p.lower == "-" && tok.lower.len() >= 4))
            && p.end == tok.start
            && i >= 2
            && t[i - 2].kind == Kind::Num
            && t[i - 2].end == p.start
        {
            return true;
        }
    }
    if let Some(a) = after {
        let adjacent = a.start == t[next - 1].end;
        if in_set(&NOT_COUNT_AFTER_SET, a.lower) {
            return true;
        }
        if a.lower == ":" && adjacent {
            return true;
        }
        // Decades of age or of a century: "in his 40s", "in the 1990s".
        if adjacent && matches!(a.lower, "s" | "'s" | "’s") {
            return true;
        }
        // "3 p.m.", "7 a.m."
        if matches!(a.lower, "a" | "p")
            && t.get(next + 1)
                .is_some_and(|d| d.lower == "." && d.start == a.end)
        {
            return true;
        }
        if a.lower == "-"
            && adjacent
            && t.get(next + 1).is_some_and(|b| {
                b.lower.starts_with("year")
                    || b.lower.starts_with("month")
                    || b.lower.starts_with("day")
            })
        {
            return true;
        }
        // Phone numbers: "555-1234".
        if a.lower == "-"
            && adjacent
            && t.get(next + 1)
                .is_some_and(|b| b.kind == Kind::Num && b.lower.len() >= 4)
        {
            return true;
        }
        if a.lower.starts_with("year-")
            || a.lower.starts_with("month-")
            || a.lower.starts_with("week-")
            || a.lower.starts_with("day-")
        {
            return true;
        }
    }
    if tok.kind == Kind::Num {
        // Years: four digits 1800–2100 without separators, unless people follow.
        if tok.lower.len() == 4 && !tok.lower.contains([',', '.']) {
            if let Ok(y) = tok.lower.parse::<u32>() {
                let people = after.is_some_and(|a| {
                    matches!(
                        a.lower,
                        "people"
                            | "persons"
                            | "families"
                            | "households"
                            | "houses"
                            | "homes"
                            | "residents"
                            | "were"
                            | "have"
                            | "had"
                            | "are"
                    )
                });
                if (1800..=2100).contains(&y) && !people {
                    return true;
                }
            }
        }
        // Ages: "John Smith, 23, was killed".
        let comma_before = prev.is_some_and(|p| p.lower == ",");
        let comma_after = after.is_some_and(|a| a.lower == "," || a.lower == ")");
        if comma_before && comma_after && next == i + 1 && tok.lower.len() <= 3 {
            return true;
        }
        if prev.is_some_and(|p| p.lower == "(") && after.is_some_and(|a| a.lower == ")") {
            return true;
        }
    }
    false
}

/// Rule: the number at `i` ends a list of numbers introduced by "ages" or "aged" ("three
/// males, ages 17, 18 and 22": none of them is a count).
fn ages_before(t: &[Token], i: usize) -> bool {
    let mut p = i;
    while p > 0 && i - p < 10 {
        let x = &t[p - 1];
        if matches!(x.lower, "ages" | "aged") {
            return true;
        }
        if x.kind == Kind::Num || matches!(x.lower, "," | "and") || word_value(x.lower).is_some() {
            p -= 1;
        } else {
            return false;
        }
    }
    false
}

/// Reads a quantity starting at token `i`: modifier, number (digits, words, vague), range.
pub fn quantity_at(t: &[Token], i: usize) -> Option<Found> {
    let w = |k: usize| t.get(k).map(|x| x.lower).unwrap_or("");
    let mut j = i;
    let mut bound = None;
    // Most tokens open no modifier: the list is read only after a word that may.
    let opens = t.get(i).is_some_and(|x| in_set(&OPENER_SET, x.lower));
    for (words, b) in MODIFIERS.iter().filter(|_| opens) {
        if words.iter().enumerate().all(|(k, m)| w(i + k) == *m) {
            bound = Some(*b);
            j = i + words.len();
            break;
        }
    }
    // "between 10 and 15"
    if w(j) == "between" {
        let (lo, _, n1) = core_at(t, j + 1)?;
        if w(n1) != "and" {
            return None;
        }
        let (hi, _, n2) = core_at(t, n1 + 1)?;
        let (lo, hi) = (lo?, hi?);
        if lo >= hi || refused(t, j + 1, n1) {
            return None;
        }
        return Some(Found {
            qty: Quantity {
                value: None,
                min: Some(lo),
                max: Some(hi),
                approximate: false,
            },
            first: i,
            last: n2,
        });
    }
    let (value, low, next) = core_at(t, j)?;
    if refused(t, j, next) {
        return None;
    }
    // Ranges: "10 to 15", "10-15", "two or three".
    if matches!(w(next), "to" | "-" | "–" | "or") && value.is_some() {
        if let Some((Some(hi), _, n2)) = core_at(t, next + 1) {
            let lo = value.unwrap_or(0);
            if hi > lo && !refused(t, next + 1, n2) {
                return Some(Found {
                    qty: Quantity {
                        value: None,
                        min: Some(lo),
                        max: Some(hi),
                        approximate: bound == Some(Bound::About),
                    },
                    first: i,
                    last: n2,
                });
            }
        }
    }
    let qty = match (value, bound) {
        (None, _) => Quantity {
            value: None,
            min: Some(low),
            max: None,
            approximate: true,
        },
        (Some(n), Some(Bound::Min)) => Quantity {
            value: None,
            min: Some(n),
            max: None,
            approximate: false,
        },
        (Some(n), Some(Bound::Max)) => Quantity {
            value: Some(n),
            min: None,
            max: Some(n),
            approximate: false,
        },
        (Some(n), Some(Bound::About)) => Quantity {
            value: Some(n),
            min: None,
            max: None,
            approximate: true,
        },
        (Some(n), None) => Quantity::exact(n),
    };
    Some(Found {
        qty,
        first: i,
        last: next,
    })
}

/// A token that may begin the number proper of a quantity: digits, a number word ("twelve",
/// "twenty-one", "hundred"), "a" ("a dozen") or a vague word ("dozens", "several").
/// [`core_at`] reads no number elsewhere.
fn may_begin_number(tok: &Token) -> bool {
    // A number token always passes (its first byte is a digit, which shares its bits with
    // letters): the kind is tested only for the tokens the pair turns away, almost all
    // words and punctuation marks, a branch that goes the same way.
    if !number_pair(tok.lower.as_bytes()) && tok.kind != Kind::Num {
        return false;
    }
    may_begin_number_plain(tok)
}

/// [`may_begin_number`] without the test of the first two bytes: the tests compare the two.
#[inline(always)]
fn may_begin_number_plain(tok: &Token) -> bool {
    match tok.kind {
        Kind::Num => true,
        Kind::Punct => false,
        // Most words fail the first-letter test, before anything is packed or looked up.
        Kind::Word if !NUMBER_FIRST_BYTE[usize::from(tok.lower.as_bytes()[0])] => false,
        Kind::Word => match first_part_key(tok.lower) {
            // A whole word: a vague word, "a" or a number word.
            Some((key, false)) => VAGUE_OR_NUMBER_SET.contains(key),
            // "twenty-one": the part before the hyphen is a number word.
            Some((key, true)) => NUMBER_WORD_SET.contains(key),
            None => false,
        },
    }
}

/// Whether the number proper of a quantity may begin at token `k`: [`may_begin_number`],
/// but for the word "a" when no "dozen", "couple" or scale word ("hundred") follows it. The
/// commonest word that passes the filter, and [`core_at`] reads no number there: its vague
/// quantities start "a dozen" and "a couple", its number words "a hundred", and "a" alone
/// is no number word.
#[inline(always)]
fn begins_number(t: &[Token], k: usize) -> bool {
    let tok = &t[k];
    may_begin_number(tok) && (tok.lower != "a" || a_number_after(t, k))
}

/// Whether the token after `k` makes "a" at `k` the start of a number ("a dozen", "a
/// couple", "a thousand").
fn a_number_after(t: &[Token], k: usize) -> bool {
    let next = t.get(k + 1).map_or("", |x| x.lower);
    matches!(next, "dozen" | "couple") || scale_value(next).is_some()
}

/// A token a quantity may start with: the number proper, or the first word of a modifier
/// ("at least", "about") or "between". [`quantity_at`] finds nothing at any other token.
fn may_begin_quantity(tok: &Token, may_begin: bool) -> bool {
    may_begin || (tok.kind == Kind::Word && in_set(&OPENER_SET, tok.lower))
}

/// Every quantity in the token list, left to right, non-overlapping. A quantity's number
/// comes at most four tokens after its start ("at least", "no fewer than", "between"), so
/// the full reading runs only where such a token is near, and only at a token a quantity
/// may start with.
#[cfg(test)]
pub fn find_all(t: &[Token]) -> Vec<Found> {
    let mut out = Vec::new();
    find_all_into(t, &mut out);
    out
}

/// [`find_all`] into `out` (cleared first): the caller keeps it across sentences instead of
/// allocating one per sentence. The tokens that may begin a number are those of
/// [`begins_number`]; the tests compare the quantities with [`quantity_at`]'s at every token.
pub fn find_all_into(t: &[Token], out: &mut Vec<Found>) {
    out.clear();
    let n = t.len();
    let mut i = 0;
    // `Some(k)`: `k` is the first token at or after some earlier `i` that may begin a number
    // (`n` when none), and so the first one at or after the current `i` while `k >= i`. A
    // quantity may start at `i` only when that token is at most four tokens on. The search
    // only moves forward, each token asked once: one pass over the sentence, not a look at
    // the next five tokens from every token.
    let mut next: Option<usize> = None;
    while i < n {
        let k = match next {
            Some(k) if k >= i => k,
            _ => {
                let mut k = i;
                while k < n && !begins_number(t, k) {
                    k += 1;
                }
                next = Some(k);
                k
            }
        };
        if k == n {
            break;
        }
        if k > i + 4 {
            // No quantity starts before `k - 4`.
            i = k - 4;
            continue;
        }
        if !may_begin_quantity(&t[i], k == i) {
            i += 1;
            continue;
        }
        match quantity_at(t, i) {
            Some(f) => {
                i = f.last;
                out.push(f);
            }
            None => i += 1,
        }
    }
}

/// Parses a whole string as one quantity (for tests and callers with a quantity in hand).
pub fn parse_quantity(raw: &str) -> Option<Quantity> {
    let lower = raw.to_ascii_lowercase();
    let mut t = Vec::new();
    tokenize_into(raw, &lower, 0, raw.len(), &mut t);
    let f = quantity_at(&t, 0)?;
    (f.last == t.len()).then_some(f.qty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::ascii::is_space;

    /// The tokenizer as first written (a `char` decoded per token, `char` classes): the
    /// reference [`tokenize_into`] must match.
    fn tokenize_reference<'a>(
        text: &str,
        lower: &'a str,
        start: usize,
        end: usize,
        out: &mut Vec<Token<'a>>,
    ) {
        let b = text.as_bytes();
        let end = end.min(text.len()).min(lower.len());
        let mut i = start;
        while i < end {
            let c = b[i];
            let ch = if c.is_ascii() {
                c as char
            } else {
                match char_at(text, i) {
                    Some(ch) => ch,
                    None => {
                        // Not a char boundary: skip the byte.
                        i += 1;
                        continue;
                    }
                }
            };
            let mut j = i + ch.len_utf8();
            if ch.is_whitespace() {
                i = j;
                continue;
            }
            let kind = if ch.is_alphabetic() {
                while j < end {
                    let d = b[j];
                    if d.is_ascii_alphanumeric() {
                        j += 1;
                    } else if d == b'-' || d == b'\'' {
                        // Inner hyphen or apostrophe: "year-old", "didn't".
                        if j + 1 < end && (b[j + 1].is_ascii_digit() || is_word_at(text, j + 1)) {
                            j += 1;
                        } else {
                            break;
                        }
                    } else if d.is_ascii() {
                        break;
                    } else if text[j..].starts_with('\u{2019}') {
                        if j + 3 < end && (b[j + 3].is_ascii_digit() || is_word_at(text, j + 3)) {
                            j += 3;
                        } else {
                            break;
                        }
                    } else if is_word_at(text, j) {
                        j += char_at(text, j).map_or(1, char::len_utf8);
                    } else {
                        break;
                    }
                }
                Kind::Word
            } else if ch.is_ascii_digit() {
                while j < end {
                    let d = b[j];
                    if d.is_ascii_digit()
                        || ((d == b',' || d == b'.') && j + 1 < end && b[j + 1].is_ascii_digit())
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                Kind::Num
            } else {
                Kind::Punct
            };
            let j = j.min(end);
            if let Some(low) = lower.get(i..j) {
                out.push(Token {
                    start: i,
                    end: j,
                    kind,
                    lower: low,
                    cap: ch.is_uppercase(),
                });
            }
            i = j;
        }
    }

    /// [`find_all`] without its filters: [`quantity_at`] at every token.
    fn find_all_reference(t: &[Token]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match quantity_at(t, i) {
                Some(f) => {
                    i = f.last;
                    out.push(f);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Texts for the comparisons: the extractor's corpus, odd input, and generated text.
    fn texts() -> Vec<String> {
        let mut v: Vec<String> = include_str!("corpus.txt")
            .lines()
            .map(|l| l.trim_start_matches('>').trim().to_string())
            .collect();
        for s in [
            "didn\u{2019}t  \u{2019}t year-old -5 5- '3 a'b x\u{2019}",
            "\u{e9}t\u{e9} \u{c9}COLE na\u{ef}ve \u{2014} \u{a0}12\u{a0}000 \u{3000}x \u{85}y",
            "\t\x0b\x0c\r\n\x1c\x1f a\x00b 1,000.5 1.2.3 ,5 3,,4 1,",
            "between 3 and 5, at least 4-6, no fewer than twenty-one, an estimated 5,000",
            "a hundred and twenty-three, tens of thousands, some 40 people, up to 2.3m",
            "Mercy General Hospital's 12 \u{1f600} \u{663}\u{664} x\u{301}y",
            "a\u{2014}b \u{201c}Two\u{201d} \u{2018}x\u{2019} 3\u{2013}4 \u{2026}\u{2022}\u{2010}\u{2027}\u{2028}z",
        ] {
            v.push(s.to_string());
        }
        // Generated: words glued to hyphens, apostrophes, curly quotes, digits, accented
        // letters, dashes and odd spaces, so that every way a word goes on or ends is met.
        const PIECES: &[&str] = &[
            "killed",
            "Year",
            "old",
            "a",
            "B",
            "12",
            "1,000",
            "2.5",
            "-",
            "'",
            "\u{2019}",
            "\u{e9}",
            "\u{c9}t\u{e9}",
            "\u{2014}",
            "\u{201c}",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{3000}",
            ",",
            ".",
            "(",
            "x\u{301}",
            "\u{663}",
            "\u{1f600}",
            "\n",
        ];
        let mut rng = crate::testing::Rng(0x0007_0ce2);
        for _ in 0..crate::testing::cases("FIGURES_TOKENIZER_CASES", 3_000) {
            let mut s = String::new();
            for _ in 0..1 + rng.next() % 24 {
                s.push_str(rng.pick(PIECES));
            }
            v.push(s);
        }
        v
    }

    #[test]
    fn fast_tokenizer_matches_the_reference() {
        let view = |t: &[Token]| -> Vec<(usize, usize, Kind, String, bool)> {
            t.iter()
                .map(|x| (x.start, x.end, x.kind, x.lower.to_string(), x.cap))
                .collect()
        };
        let (mut glued, mut long) = (0, 0);
        for s in texts() {
            let lower = s.to_ascii_lowercase();
            for (a, b) in [(0, s.len()), (1, s.len()), (0, s.len() / 2)] {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                tokenize_into(&s, &lower, a, b, &mut fast);
                tokenize_reference(&s, &lower, a, b, &mut slow);
                assert_eq!(view(&fast), view(&slow), "{s:?} {a}..{b}");
                // Words that go on past a hyphen, an apostrophe or a non-ASCII letter.
                glued += fast
                    .iter()
                    .filter(|x| {
                        x.kind == Kind::Word && !x.lower.bytes().all(|c| c.is_ascii_alphanumeric())
                    })
                    .count();
                // Runs of more than eight ASCII letters and digits (more than one load), and
                // words cut by the end of the range.
                long += fast
                    .iter()
                    .filter(|x| {
                        (x.kind == Kind::Word
                            && x.lower
                                .as_bytes()
                                .windows(9)
                                .any(|w| w.iter().all(|c| c.is_ascii_alphanumeric())))
                            || (x.end == b && b < s.len())
                    })
                    .count();
            }
        }
        assert!(glued > 1_000 && long > 1_000, "{glued} {long}");
    }

    #[test]
    fn lead_table_agrees_with_the_byte_classes() {
        for b in 0..=255u8 {
            let lead = LEAD[usize::from(b)];
            assert_eq!(lead & SPACE != 0, is_space(b), "{b}");
            assert_eq!(lead & LETTER != 0, b.is_ascii_alphabetic(), "{b}");
            assert_eq!(lead & UPPER != 0, b.is_ascii_uppercase(), "{b}");
            assert_eq!(lead & NON_ASCII != 0, !b.is_ascii(), "{b}");
            // One class at most, and an uppercase letter is a letter.
            assert!(lead.count_ones() <= 1 || lead == LETTER | UPPER, "{b}");
        }
    }

    #[test]
    fn general_punctuation_is_neither_space_nor_letter() {
        for c in '\u{2010}'..='\u{2027}' {
            assert!(
                !c.is_whitespace() && !c.is_alphabetic() && !c.is_uppercase(),
                "{c}"
            );
            let s = c.to_string();
            assert!(is_general_punctuation(s.as_bytes(), 0), "{c}");
        }
        for c in [
            '\u{200f}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{e9}', '\u{20ac}',
        ] {
            assert!(
                !is_general_punctuation(c.to_string().as_bytes(), 0),
                "{c:?}"
            );
        }
    }

    #[test]
    fn number_first_bytes_are_those_of_the_number_words() {
        for w in [
            "a", "one", "twelve", "dozens", "several", "hundred", "billion", "eighty",
        ] {
            assert!(NUMBER_FIRST_BYTE[usize::from(w.as_bytes()[0])], "{w}");
        }
        for w in ["killed", "police", "injured", "\u{e9}t\u{e9}"] {
            assert!(!NUMBER_FIRST_BYTE[usize::from(w.as_bytes()[0])], "{w}");
        }
    }

    /// [`may_begin_number`] (the first two bytes' filter first) answers as the plain test,
    /// for every token of the texts and every number word with endings and hyphens, and the
    /// filter turns tokens away that the first byte lets by.
    #[test]
    fn number_pairs_keep_every_token_that_may_begin_a_number() {
        let mut words: Vec<String> = VAGUE_STARTS.iter().map(|w| w.to_string()).collect();
        words.extend(WORD_VALUES.iter().chain(SCALES).map(|(w, _)| w.to_string()));
        for w in words.clone() {
            for end in ["s", "-one", "-", "th", "x"] {
                words.push(format!("{w}{end}"));
            }
            words.push(w[..1].to_string());
            words.push(format!("{}-x", &w[..1]));
        }
        let mut texts = texts();
        texts.push(words.join(" "));
        let (mut turned_away, mut kept) = (0, 0);
        for s in texts {
            let lower = s.to_ascii_lowercase();
            let mut t = Vec::new();
            tokenize_into(&s, &lower, 0, s.len(), &mut t);
            for tok in &t {
                let fast = may_begin_number(tok);
                assert_eq!(fast, may_begin_number_plain(tok), "{:?}", tok.lower);
                kept += usize::from(fast);
                turned_away += usize::from(
                    tok.kind == Kind::Word
                        && NUMBER_FIRST_BYTE[usize::from(tok.lower.as_bytes()[0])]
                        && !number_pair(tok.lower.as_bytes()),
                );
            }
        }
        assert!(turned_away > 1_000 && kept > 1_000, "{turned_away} {kept}");
    }

    #[test]
    fn filtered_find_all_matches_quantity_at_everywhere() {
        let view = |f: Vec<Found>| -> Vec<(usize, usize, Quantity)> {
            f.into_iter().map(|f| (f.first, f.last, f.qty)).collect()
        };
        for s in texts() {
            let lower = s.to_ascii_lowercase();
            let mut t = Vec::new();
            tokenize_into(&s, &lower, 0, s.len(), &mut t);
            assert_eq!(view(find_all(&t)), view(find_all_reference(&t)), "{s:?}");
        }
    }

    /// [`find_all`], where [`begins_number`] turns "a" away unless a number follows it, finds
    /// what [`quantity_at`] finds at every token, on generated text that puts "a" before
    /// number words, vague words, scale words and others, after modifiers and "between"; both
    /// kinds of "a" are met.
    #[test]
    fn a_without_a_number_begins_no_quantity() {
        const WORDS: &[&str] = &[
            "a",
            "a",
            "a",
            "A",
            "dozen",
            "couple",
            "hundred",
            "thousand",
            "million",
            "few",
            "of",
            "about",
            "at",
            "least",
            "more",
            "than",
            "between",
            "and",
            "or",
            "to",
            "12",
            "1,000",
            "two",
            "twenty-one",
            "people",
            "killed",
            "nearly",
            "up",
            "dozens",
            "several",
            "tens",
            "thousands",
            ",",
            "-",
            "an",
            "estimated",
            "some",
            "a-",
        ];
        let view = |f: Vec<Found>| -> Vec<(usize, usize, Quantity)> {
            f.into_iter().map(|f| (f.first, f.last, f.qty)).collect()
        };
        let (mut turned_away, mut kept) = (0, 0);
        let mut rng = crate::testing::Rng(0x0a_d0_2e);
        for _ in 0..crate::testing::cases("FIGURES_A_CASES", 3_000) {
            let mut s = String::new();
            for _ in 0..1 + rng.next() % 20 {
                s.push_str(rng.pick(WORDS));
                s.push(' ');
            }
            let lower = s.to_ascii_lowercase();
            let mut t = Vec::new();
            tokenize_into(&s, &lower, 0, s.len(), &mut t);
            for k in 0..t.len() {
                if t[k].lower == "a" {
                    if begins_number(&t, k) {
                        kept += 1;
                    } else {
                        turned_away += 1;
                    }
                }
            }
            assert_eq!(view(find_all(&t)), view(find_all_reference(&t)), "{s:?}");
        }
        assert!(turned_away > 1_000 && kept > 200, "{turned_away} {kept}");
    }

    #[test]
    fn number_words_are_the_words_with_a_value() {
        let number_words = WORD_VALUES.iter().chain(SCALES).map(|(w, _)| *w);
        for w in number_words.clone() {
            assert!(in_set(&NUMBER_WORD_SET, w), "{w}");
        }
        for w in number_words.chain(VAGUE_STARTS.iter().copied()) {
            assert!(w.len() <= LONGEST_NUMBER_WORD, "{w}");
        }
        for w in ["zero", "dozen", "a", "hundreds", "onetwo", "twenty-one"] {
            assert!(!in_set(&NUMBER_WORD_SET, w), "{w}");
        }
    }

    fn q(s: &str) -> (Option<u64>, Option<u64>, Option<u64>) {
        let q = parse_quantity(s).unwrap_or_else(|| panic!("{s}"));
        (q.value, q.min, q.max)
    }

    /// The quantities of a sentence, as (text, number).
    fn all(s: &str) -> Vec<(&str, Option<u64>)> {
        let lower = s.to_ascii_lowercase();
        let mut t = Vec::new();
        tokenize_into(s, &lower, 0, s.len(), &mut t);
        find_all(&t)
            .into_iter()
            .map(|f| (&s[t[f.first].start..t[f.last - 1].end], f.qty.number()))
            .collect()
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_eq!(q("1,000"), (Some(1000), Some(1000), Some(1000)));
        assert_eq!(q("1 000"), (Some(1000), Some(1000), Some(1000)));
        assert_eq!(
            q("1.5 million"),
            (Some(1_500_000), Some(1_500_000), Some(1_500_000))
        );
        assert_eq!(q("2.3m").0, Some(2_300_000));
        assert!(parse_quantity("2.5").is_none());
        assert!(parse_quantity("3,4").is_none());
    }

    #[test]
    fn number_words() {
        assert_eq!(q("twelve").0, Some(12));
        assert_eq!(q("one hundred and twenty-three").0, Some(123));
        assert_eq!(q("a thousand").0, Some(1000));
        assert_eq!(q("a dozen").0, Some(12));
        assert_eq!(q("a couple").0, Some(2));
        assert_eq!(q("two million").0, Some(2_000_000));
    }

    #[test]
    fn vague_quantities_are_lower_bounds() {
        assert_eq!(q("dozens"), (None, Some(24), None));
        assert_eq!(q("scores"), (None, Some(40), None));
        assert_eq!(q("hundreds"), (None, Some(200), None));
        assert_eq!(q("thousands"), (None, Some(2000), None));
        assert_eq!(q("tens of thousands"), (None, Some(20_000), None));
        assert_eq!(q("hundreds of thousands"), (None, Some(200_000), None));
        assert_eq!(q("millions"), (None, Some(2_000_000), None));
        assert_eq!(q("several"), (None, Some(3), None));
    }

    #[test]
    fn modifiers_and_ranges() {
        assert_eq!(q("at least 12"), (None, Some(12), None));
        assert_eq!(q("more than 300"), (None, Some(300), None));
        assert_eq!(q("almost 1,000"), (Some(1000), None, Some(1000)));
        assert_eq!(q("up to 40"), (Some(40), None, Some(40)));
        assert_eq!(q("fewer than ten"), (Some(10), None, Some(10)));
        assert!(parse_quantity("about 50").is_some_and(|q| q.approximate));
        assert!(parse_quantity("an estimated 5,000").is_some_and(|q| q.approximate));
        assert_eq!(q("between 10 and 15"), (None, Some(10), Some(15)));
        assert_eq!(q("10 to 15"), (None, Some(10), Some(15)));
        assert_eq!(q("10-15"), (None, Some(10), Some(15)));
        assert_eq!(q("two or three"), (None, Some(2), Some(3)));
    }

    #[test]
    fn not_counts() {
        assert_eq!(all("a 23-year-old man"), vec![]);
        assert_eq!(all("in 2019 and at 10:30 and 3 p.m."), vec![]);
        assert_eq!(all("cost $500 and 40 percent, 20% and 1st"), vec![]);
        assert_eq!(all("call 555-1234 now"), vec![]);
        assert_eq!(all("John Smith, 23, was killed"), vec![]);
        assert_eq!(all("aged 40 on Route 9"), vec![]);
        assert_eq!(all("two boys, ages 16 and 17"), vec![("two", Some(2))]);
        assert_eq!(
            all("three males, aged 17, 18 and 22,"),
            vec![("three", Some(3))]
        );
        assert_eq!(all("14 shots rang out"), vec![]);
        assert_eq!(all("an 8 yo girl"), vec![]);
        assert_eq!(
            all("12 people and 2000 people"),
            vec![("12", Some(12)), ("2000", Some(2000))]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "—",
            "1,",
            "1.",
            "a",
            "between",
            "between 3 and",
            "é 1 000 000 ü",
            "-",
            "1-",
        ] {
            let lower = s.to_ascii_lowercase();
            let mut t = Vec::new();
            tokenize_into(s, &lower, 0, s.len(), &mut t);
            let _ = find_all(&t);
        }
    }
}
