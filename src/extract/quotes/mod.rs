//! Direct quotations and who said them.
//!
//! Quotation marks are paired within a paragraph (straight `"` toggles, curly `“` opens and
//! `”` closes). A paragraph that ends inside a quotation continues it when the next paragraph
//! opens with a quotation mark (the news convention for quotes over several paragraphs).
//! The speaker comes from an attribution right after the quote (`," said X`, `," X said`)
//! or right before it (`X said: "`, `according to X`); a pronoun or a bare surname points
//! to the person named before; a quote with no attribution continues the previous speaker
//! when it follows it directly.

mod attribution;
mod cast;

use crate::document::Document;
use crate::extract::actors;
use crate::model::{Actor, Evidence, Quote};
use crate::vocab::swar::{bytes_equal, load, splat, HIGH_BITS};
use cast::{byte_mask, Cast};

/// Fewer words than this is a scare quote or a term, not a quotation.
const MIN_WORDS: usize = 3;

fn is_pronoun(w: &str) -> bool {
    ["he", "she", "they", "we", "i", "it"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(w))
}

/// A quotation still open: where it started, its finished pieces, where the current one began.
type Open = (usize, Vec<(usize, usize)>, usize);

#[derive(Debug)]
struct Raw {
    /// Span from the opening to the closing mark, inclusive.
    span: (usize, usize),
    /// Inner pieces (one per paragraph) without the marks.
    pieces: Vec<(usize, usize)>,
}

/// A quotation mark at byte `i` of `text`: `Some((is_open, is_close, len))`. Straight `"`
/// both opens and closes; `` and '' are the typewriter pair of wire copy.
fn mark_at(text: &str, i: usize) -> Option<(bool, bool, usize)> {
    let r = &text[i..];
    if r.starts_with("``") {
        return Some((true, false, 2));
    }
    if r.starts_with("''") {
        return Some((false, true, 2));
    }
    let c = r.chars().next()?;
    match c {
        '"' => Some((true, true, 1)),
        '“' | '„' | '«' => Some((true, false, c.len_utf8())),
        '”' | '»' => Some((false, true, c.len_utf8())),
        _ => None,
    }
}

fn opens_with_mark(text: &str, p: &std::ops::Range<usize>) -> Option<usize> {
    mark_at(text, p.start).filter(|m| m.0).map(|m| m.2)
}

/// The first byte of `bytes[i..end]` that may start a quotation mark (`"`, `'`, `` ` `` or
/// any byte past ASCII, the lead bytes of curly marks among them), else `end`: eight bytes
/// at a time, as most of a paragraph holds none.
fn next_mark_candidate(bytes: &[u8], mut i: usize, end: usize) -> usize {
    let within = &bytes[..end.min(bytes.len())];
    while let Some(x) = load(within, i) {
        let hits =
            x & HIGH_BITS | bytes_equal(x, b'"') | bytes_equal(x, b'\'') | bytes_equal(x, b'`');
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && !matches!(bytes[i], b'"' | b'\'' | b'`' | 0x80..) {
        i += 1;
    }
    i
}

/// Pairs quotation marks paragraph by paragraph.
fn find_raw(doc: &Document) -> Vec<Raw> {
    let text = doc.text;
    let mut out = Vec::new();
    // (start of the quote, finished pieces, start of the current piece)
    let mut open: Option<Open> = None;
    // A reopening mark at the start of a continued paragraph is skipped.
    let mut skip_to = 0usize;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let mut i = p.start.max(skip_to);
        let bytes = text.as_bytes();
        while i < p.end {
            i = next_mark_candidate(bytes, i, p.end);
            if i >= p.end {
                break;
            }
            // Only these bytes start a mark (`"`, `` ` ``, `'`, and the lead bytes of the
            // curly marks and guillemets); a lead byte is always a character boundary.
            if !matches!(bytes[i], b'"' | b'`' | b'\'' | 0xE2 | 0xC2) {
                i += 1;
                continue;
            }
            let Some((is_open, is_close, len)) = mark_at(text, i) else {
                i += 1;
                continue;
            };
            match &mut open {
                None if is_open => open = Some((i, Vec::new(), i + len)),
                Some((start, pieces, ps)) if is_close => {
                    pieces.push((*ps, i));
                    out.push(Raw {
                        span: (*start, i + len),
                        pieces: std::mem::take(pieces),
                    });
                    open = None;
                }
                _ => {}
            }
            i += len;
        }
        // Ends inside a quote: continue when the next paragraph reopens one, else drop it.
        if let Some((start, mut pieces, ps)) = open.take() {
            if let Some(n) = doc.paragraphs.get(pi + 1) {
                if let Some(len) = opens_with_mark(text, n) {
                    pieces.push((ps, p.end));
                    skip_to = n.start + len;
                    open = Some((start, pieces, skip_to));
                }
            }
        }
    }
    out
}

/// Finds every quotation in `doc`, with speakers resolved against `actors`.
pub fn extract(doc: &Document, actors: &[Actor]) -> Vec<Quote> {
    let text = doc.text;
    let raws = find_raw(doc);
    let cast = Cast::new(actors);
    let mut out: Vec<Quote> = Vec::new();
    // The last speaker, as the quote of `out` that has it and where that quote ends (the
    // name is cloned only when a quote takes it).
    let mut last_speaker: Option<(usize, usize)> = None;
    // The words of each quotation are written here first: a scare quote of one or two words
    // is dropped without a string of its own.
    let mut words_buf = String::new();
    for r in raws {
        let words = quote_words_into(&mut words_buf, text, &r.pieces);
        if words < MIN_WORDS {
            continue;
        }
        let last = last_speaker.and_then(|(k, end)| {
            let name = out.get(k)?.speaker.as_deref()?;
            Some((name, end))
        });
        let speaker = attribute(doc, r.span, &cast, last).or_else(|| {
            // No attribution: a quote that follows the last one closely continues its speaker.
            let (name, end) = last?;
            let gap = &text[end..r.span.0];
            (gap.len() < 300 && gap.matches('\n').count() <= 4).then(|| name.to_string())
        });
        if speaker.is_some() {
            last_speaker = Some((out.len(), r.span.1));
        }
        out.push(Quote {
            speaker,
            text: words_buf.as_str().into(),
            evidence: Evidence::from_bytes(text, r.span.0, r.span.1),
        });
    }
    out
}

/// The words of a quotation's pieces (split at white space, as `split_whitespace` does),
/// joined by single spaces, and how many there are ([`quote_words_into`]).
#[cfg(test)]
fn quote_words(text: &str, pieces: &[(usize, usize)]) -> (String, usize) {
    let mut out = String::new();
    let words = quote_words_into(&mut out, text, pieces);
    (out, words)
}

/// Writes the words of a quotation's pieces (split at white space, as `split_whitespace`
/// does) into `out` (emptied first), joined by single spaces, and returns how many there
/// are: byte by byte, with only the bytes that can start a non-ASCII space decoded, and
/// each word copied in one piece.
fn quote_words_into(out: &mut String, text: &str, pieces: &[(usize, usize)]) -> usize {
    out.clear();
    out.reserve(pieces.iter().map(|(a, b)| b - a).sum());
    let mut words = 0;
    for &(a, b) in pieces {
        let s = &text[a..b];
        let mut i = 0;
        while i < s.len() {
            let gap = white_space_len(s, i);
            if gap > 0 {
                i += gap;
                continue;
            }
            let start = i;
            i = next_space_candidate(s.as_bytes(), i + 1);
            while i < s.len() && white_space_len(s, i) == 0 {
                i = next_space_candidate(s.as_bytes(), i + 1);
            }
            if words > 0 {
                out.push(' ');
            }
            out.push_str(&s[start..i]);
            words += 1;
        }
    }
    words
}

/// The first byte of `b` at or after `i` that may start white space (an ASCII byte up to the
/// space, or a lead byte of a non-ASCII space: 0xC2, 0xE1, 0xE2, 0xE3), else `b.len()`:
/// eight bytes at a time, as a word is read past.
fn next_space_candidate(b: &[u8], mut i: usize) -> usize {
    while let Some(x) = load(b, i) {
        // (0x20 | 0x80) - v keeps the high bit of each byte whose low seven bits are at most
        // 0x20 (no borrow leaves a byte); the ASCII ones are kept.
        let low = ((splat(0x20) | HIGH_BITS) - (x & !HIGH_BITS)) & !x & HIGH_BITS;
        let lead = bytes_equal(x, 0xC2)
            | bytes_equal(x, 0xE1)
            | bytes_equal(x, 0xE2)
            | bytes_equal(x, 0xE3);
        let hits = low | lead;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !(b[i] <= b' ' || matches!(b[i], 0xC2 | 0xE1 | 0xE2 | 0xE3)) {
        i += 1;
    }
    i
}

/// The byte length of the white-space character (`char::is_whitespace`) at byte `i` of `s`,
/// 0 when it is none: ASCII bytes by a comparison, and only the lead bytes that can start a
/// non-ASCII space (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000) decoded. A continuation
/// byte is never white space (and never decoded).
fn white_space_len(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => match s.get(i..).and_then(|r| r.chars().next()) {
            Some(ch) if ch.is_whitespace() => ch.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// The speaker named around a quotation: after it (`," said X`, `," X said`), before it in
/// the same sentence (`X said: "`, `X said the town had "`, `according to X`), or the
/// person or pronoun that opens the sentence.
fn attribute<'a>(
    doc: &Document<'a>,
    span: (usize, usize),
    cast: &Cast,
    prev: Option<(&str, usize)>,
) -> Option<String> {
    let text = doc.text;
    let para = doc
        .paragraph_at(span.1)
        .map(|i| doc.paragraphs[i].clone())?;
    let mut after_end = para.end.max(span.1).min(span.1 + 200);
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let after = &text[span.1..after_end];
    let sentence_start = doc
        .sentence_at(span.0)
        .map(|i| doc.sentences[i].span.start)
        .filter(|s| *s <= span.0)
        .unwrap_or(span.0);
    let before = &text[sentence_start..span.0];
    let pick = |hay: &'a str, m: std::ops::Range<usize>| hay.get(m);
    // A quote that closes its sentence ("… at risk." He added …) is not attributed by the
    // sentence that follows it; a comma, a question or an exclamation leaves it open.
    let closed = text[..span.1]
        .trim_end_matches(['"', '”', '\'', '’', '»'])
        .ends_with('.')
        && after.trim_start().starts_with(|c: char| c.is_uppercase());
    if let Some(raw) = (!closed)
        .then(|| attribution::after(after.as_bytes()))
        .flatten()
        .and_then(|m| pick(after, m))
    {
        if plausible_speaker(raw) {
            return Some(resolve(raw, cast, span.0, prev));
        }
    }
    if let Some(raw) = attribution::before(before.as_bytes()).and_then(|m| pick(before, m)) {
        if plausible_speaker(raw) {
            return Some(resolve(raw, cast, span.0, prev));
        }
    }
    // The subject of the sentence: a person named or a pronoun at its start ("Ana Velez took
    // to Twitter, posting "..."").
    let subject = person_at(cast, sentence_start, span.0).or_else(|| {
        let first = before.split_whitespace().next()?;
        is_pronoun(first).then(|| resolve(first, cast, span.0, prev))
    });
    // A sentence that opens with a title ("The governor refuted the claim and called it
    // "…"", "Aragua's governor …"): the person who holds it.
    // (After any quotation that closes earlier in the same sentence: wire text sometimes
    // lacks the space that ends a sentence after a quote.)
    let clause = before.rsplit(['"', '”']).next().unwrap_or(before);
    // The opening words are only written out when they are asked for, and there is a title
    // to look for in them.
    let opening = || opening_words(clause);
    let titled = cast
        .actors
        .iter()
        .any(|a| a.kind == "person" && a.title.is_some());
    let subject = subject
        .or_else(|| {
            titled
                .then(|| titled_person(&opening(), cast, span.0).map(|a| a.name.clone()))
                .flatten()
        })
        .or_else(|| issuer_of_document(clause, cast, span.0));
    subject.filter(|_| before.len() < 200).or_else(|| {
        // A partial quote inside a sentence ("spokesman P.J. Crowley called the attacks
        // "very well-coordinated""): the person named in the sentence before the quote.
        // A statement of an organization ("the Security Council said it "expresses its deep
        // shock""), when no person is named: the organization named there.
        named_in_sentence(cast, sentence_start, span.0)
    })
}

/// The person, else the organization, named last in the sentence before a quotation: the
/// latest mention of all the actors of a kind between `sentence_start` and `pos`, ending
/// before `pos` (the later actor of two at the same start, as `max_by_key` over the actors
/// in order picks).
fn named_in_sentence(cast: &Cast, sentence_start: usize, pos: usize) -> Option<String> {
    [cast.persons(), cast.organizations()]
        .iter()
        .find_map(|list| {
            Cast::before(list, pos + 1)
                .iter()
                .rev()
                .take_while(|m| sentence_start <= m.start)
                .filter(|m| m.end <= pos)
                .max_by_key(|m| (m.start, m.actor))
                .map(|m| cast.actors[m.actor].name.clone())
        })
}

/// The first three words of `clause` (split at white space), joined by single spaces,
/// lower-cased, without "'s" and "’s": the words a title is looked for in. Written into one
/// string (an ASCII one lower-cased in place), and a possessive removed only when there is one.
fn opening_words(clause: &str) -> String {
    let mut opening = String::with_capacity(clause.len().min(64));
    for (k, w) in clause.split_whitespace().take(3).enumerate() {
        if k > 0 {
            opening.push(' ');
        }
        opening.push_str(w);
    }
    let mut opening = if opening.is_ascii() {
        opening.make_ascii_lowercase();
        opening
    } else {
        opening.to_lowercase()
    };
    if opening.contains("'s") {
        opening = opening.replace("'s", "");
    }
    if opening.contains("’s") {
        opening = opening.replace("’s", "");
    }
    opening
}

/// The opening words as first written ([`opening_words`]).
#[cfg(test)]
fn opening_words_plain(clause: &str) -> String {
    let opening: String = clause
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    opening.replace("'s", "").replace("’s", "")
}

/// The person with a mention starting at `pos` (within two bytes) and ending before `limit`
/// (the first in actor order): its last mention before `pos + 3` does.
fn person_at(cast: &Cast, pos: usize, limit: usize) -> Option<String> {
    let near = Cast::before(cast.persons(), pos + 3);
    near.iter()
        .rev()
        .take_while(|m| m.start >= pos)
        .map(|m| m.actor)
        .filter(|&i| {
            actors::last_mention_before(&cast.actors[i].mentions, pos + 3)
                .is_some_and(|m| m.start >= pos && m.end <= limit)
        })
        .min()
        .map(|i| cast.actors[i].name.clone())
}

fn plausible_speaker(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=16).contains(&words) && !s.trim().is_empty()
}

/// Adverbs that may stand between a pronoun and its speech verb.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "once",
    "previously",
];

/// The speaker of the quote that ended at `prev.1`, if the quote at `pos` follows it closely,
/// no other person is named in between, and the speaker fits `gender` (or has none known).
fn previous_speaker(
    prev: (&str, usize),
    cast: &Cast,
    pos: usize,
    gender: Option<char>,
) -> Option<String> {
    let (name, end) = prev;
    if pos < end || pos - end > 600 {
        return None;
    }
    // A mention of another person after the previous quote.
    let between = Cast::before(cast.persons(), pos);
    let from = between.partition_point(|m| m.start < end);
    let other_named = between[from..]
        .iter()
        .any(|m| cast.actors[m.actor].name != *name);
    let fits = fits_gender(name, gender);
    // A person speaks for "he" or "she"; "they" and "we" fit a group or an organization.
    let person_like =
        name.split_whitespace().count() <= 4 && name.chars().next().is_some_and(char::is_uppercase);
    (!other_named && fits && (gender.is_none() || person_like)).then(|| name.to_string())
}

/// Whether a pronoun of `gender` (`None`: any) may stand for `name` (an unknown given
/// name fits either).
fn fits_gender(name: &str, gender: Option<char>) -> bool {
    match (gender, actors::gender_of(name)) {
        (Some(g), Some(h)) => g == h,
        _ => true,
    }
}

/// The person named nearest before `pos` that fits `gender` (`None`: anyone).
fn nearest_person<'a>(cast: &Cast<'a>, pos: usize, gender: Option<char>) -> Option<&'a Actor> {
    let list = match gender {
        None => cast.persons(),
        Some(g) => match cast.fitting(g) {
            Some(list) => list,
            // (No pronoun asks for another gender.)
            None => {
                return cast
                    .actors
                    .iter()
                    .filter(|a| a.kind == "person" && fits_gender(&a.name, gender))
                    .filter_map(|a| {
                        actors::last_mention_before(&a.mentions, pos).map(|m| (m.start, a))
                    })
                    .max_by_key(|(p, _)| *p)
                    .map(|(_, a)| a)
            }
        },
    };
    cast.last_before(list, pos)
}

/// A pronoun → the speaker of the quote just before, when no other person is named in
/// between and the pronoun fits ("…," said Eva. "…," she told AFP.), else the person named
/// last before the quote who fits it; a name, surname or title → the person actor it
/// belongs to; anything else is kept as the article words it.
fn resolve(raw: &str, cast: &Cast, pos: usize, prev: Option<(&str, usize)>) -> String {
    let raw = raw.trim();
    // "She also", "he later": a pronoun with an adverb.
    let raw = {
        let mut words = raw.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some(p), Some(adv), None) if is_pronoun(p) && ADVERBS.contains(&adv) => p,
            _ => raw,
        }
    };
    // (No character outside ASCII lower-cases to an ASCII "i", "t", "h", "e" or "s": the
    // lower-case form of `raw` is "it", "he" or "she" exactly when `raw` is, ignoring ASCII
    // case.)
    if raw.eq_ignore_ascii_case("it") {
        return cast
            .last_before(cast.organizations(), pos)
            .map_or_else(|| raw.to_string(), |a| a.name.clone());
    }
    if is_pronoun(raw) {
        let gender = if raw.eq_ignore_ascii_case("he") {
            Some('m')
        } else if raw.eq_ignore_ascii_case("she") {
            Some('f')
        } else {
            None
        };
        if let Some(name) = prev.and_then(|p| previous_speaker(p, cast, pos, gender)) {
            return name;
        }
        return nearest_person(cast, pos, gender)
            .map_or_else(|| raw.to_string(), |a| a.name.clone());
    }
    // A person whose full name or surname is a word of the attribution.
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| trim_end_all(trim_end_all(w, "'s"), "’s"))
        .collect();
    if let Some(i) = named_person(cast, raw, &words) {
        return cast.actors[i].name.clone();
    }
    // A title of a person named before: "the sheriff", "the Nicaraguan president".
    if let Some(a) = titled_person(&raw.to_lowercase(), cast, pos) {
        return a.name.clone();
    }
    // "An accompanying statement specifically": an adverb is not part of the speaker.
    let mut raw = raw;
    while let Some((head, last)) = raw.rsplit_once(' ') {
        if !(last.len() > 4 && last.ends_with("ly")) {
            break;
        }
        raw = head.trim_end();
    }
    issuer_of_document(raw, cast, pos).unwrap_or_else(|| raw.to_string())
}

/// The first person (in actor order) whose surname is one of `words` (of `raw`), or whose
/// full name is in `raw`. (Either way the surname's bytes are all in `raw`: most persons
/// are passed over by that test alone.)
fn named_person(cast: &Cast, raw: &str, words: &[&str]) -> Option<usize> {
    let in_raw = byte_mask(raw);
    let named = cast.named().iter().find(|(i, surname, mask)| {
        mask & !in_raw == 0 && (words.contains(surname) || contains(raw, &cast.actors[*i].name))
    });
    named.map(|(i, _, _)| *i)
}

/// `w` without every repetition of `suffix` at its end (`str::trim_end_matches` with a
/// string, without setting up a searcher for a word of a few bytes).
fn trim_end_all<'a>(mut w: &'a str, suffix: &str) -> &'a str {
    while let Some(head) = w.strip_suffix(suffix) {
        w = head;
    }
    w
}

/// Whether `needle` occurs in `hay` (`str::contains` with a string): a name looked for in
/// a short attribution, where setting up a two-way searcher cost more than the search. Only
/// the positions holding the needle's first byte are compared further.
fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| h[i] == first && &h[i + 1..i + n.len()] == rest)
}

/// Documents an organization issues: when one of them speaks ("the statement said"), the
/// organization named last before it is the speaker.
const DOCUMENTS: &[&str] = &[
    "statement",
    "resolution",
    "communique",
    "communiqué",
    "release",
    "declaration",
    "bulletin",
];

/// Rule `a_document_speaks_for_its_issuer`: "The ministry issued a statement. The statement
/// said …", "A resolution, unanimously adopted, ``expresses …''": when the words that speak
/// are a document with no name in them, the speaker is the organization named last before
/// (within [`ISSUER_REACH`] bytes).
fn issuer_of_document(words: &str, cast: &Cast, pos: usize) -> Option<String> {
    let mut ws = words.split_whitespace();
    let document = ws.by_ref().take(4).any(|w| {
        DOCUMENTS
            .iter()
            .any(|d| w.trim_end_matches([',', '.']).eq_ignore_ascii_case(d))
    });
    if !document {
        return None;
    }
    let org = cast.last_before(cast.organizations(), pos)?;
    let last = org
        .mentions
        .iter()
        .filter(|m| m.start < pos)
        .map(|m| m.end)
        .max()?;
    (pos - last <= ISSUER_REACH).then(|| org.name.clone())
}

/// How far before a document's words its issuer may be named.
const ISSUER_REACH: usize = 600;

/// The title word a person's title ends in, written out ("Gov." → "governor").
fn title_head(title: &str) -> Option<String> {
    let head = title.split_whitespace().last()?.trim_end_matches('.');
    let head = head.to_lowercase();
    let full = TITLE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| head == *short)
        .map_or(head.as_str(), |(_, full)| full);
    (full.len() > 3).then(|| full.to_string())
}

/// Abbreviated title words and what they stand for ([`title_head`]).
const TITLE_ABBREVIATIONS: [(&str, &str); 11] = [
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("sgt", "sergeant"),
    ("capt", "captain"),
    ("maj", "major"),
    ("pres", "president"),
    ("supt", "superintendent"),
];

/// (The persons' title heads are written out once, in [`Cast::new`].)
fn titled_person<'a>(lower: &str, cast: &Cast<'a>, pos: usize) -> Option<&'a Actor> {
    cast.titled_in(lower)
        .map(|i| &cast.actors[i])
        .filter_map(|a| actors::last_mention_before(&a.mentions, pos).map(|m| (m.start, a)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation's words as first computed: the trimmed pieces joined by a space, then
    /// split at white space and joined again.
    fn quote_words_joined(text: &str, pieces: &[(usize, usize)]) -> (String, usize) {
        let inner: Vec<&str> = pieces.iter().map(|(a, b)| text[*a..*b].trim()).collect();
        let joined = inner.join(" ");
        let words = joined.split_whitespace().count();
        (
            joined.split_whitespace().collect::<Vec<_>>().join(" "),
            words,
        )
    }

    /// On generated texts: the one-pass joining gives the same words, and the eight-bytes
    /// scan stops at the same bytes as a byte-by-byte scan.
    #[test]
    fn quote_words_and_mark_scan_match_the_simple_forms() {
        let pieces = [
            "a", "Bc", " ", "  ", "\n", "\t", "\u{a0}", "\"", "'", "`", "“", "”", "«", "é", "x.",
            "\u{2003}", "said", ",", "\u{85}", "\u{3000}", "\u{1680}", "\u{2060}",
        ];
        let mut rng = crate::testing::Rng(0x5eed_0000_4a0e_0001);
        // Places where the space scan passes eight bytes at once.
        let mut long_words = 0;
        let n = crate::testing::cases("QUOTES_SCAN_CASES", 20_000);
        for _ in 0..n {
            let n = (rng.next() % 30) as usize;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut cut: Vec<usize> = (0..4)
                .map(|_| bounds[(rng.next() % bounds.len() as u64) as usize])
                .collect();
            cut.sort_unstable();
            let spans = [(cut[0], cut[1]), (cut[2], cut[3])];
            for k in 1..=2 {
                assert_eq!(
                    quote_words(&text, &spans[..k]),
                    quote_words_joined(&text, &spans[..k]),
                    "{text:?} {spans:?}"
                );
            }
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                let simple = (start..bytes.len())
                    .find(|&i| bytes[i] <= b' ' || matches!(bytes[i], 0xC2 | 0xE1 | 0xE2 | 0xE3))
                    .unwrap_or(bytes.len());
                assert_eq!(next_space_candidate(bytes, start), simple, "{text:?}");
                long_words += usize::from(simple >= start + 8);
                for end in start..=bytes.len() {
                    let simple = (start..end)
                        .find(|&i| matches!(bytes[i], b'"' | b'\'' | b'`' | 0x80..))
                        .unwrap_or(end);
                    assert_eq!(next_mark_candidate(bytes, start, end), simple, "{text:?}");
                }
            }
        }
        assert!(long_words > n / 10, "{long_words} of {n}");
    }

    /// On generated names and attributions: the search and trimming helpers of `resolve`
    /// agree with the library forms they replace (`str::contains`, `trim_end_matches`).
    #[test]
    fn resolve_helpers_match_the_library_forms() {
        let pieces = [
            "Gov.",
            "gov",
            "GOV",
            "Sen",
            "governor",
            "Governor",
            "the",
            "Ana",
            "Ruiz",
            "Ruiz's",
            "'s",
            "’s",
            "s",
            "'",
            " ",
            "  ",
            ",",
            ".",
            "Ré",
            "ré",
            "Président",
            "président",
            "Maj.",
            "major",
            "pres",
            "president",
            "lt",
            "Lt.",
            "\u{a0}",
        ];
        let mut rng = crate::testing::Rng(0x5eed_0000_4a0e_0002);
        let mut found = 0;
        for _ in 0..crate::testing::cases("QUOTES_SCAN_CASES", 20_000) {
            let mut gen = |n: u64| -> String {
                let k = rng.next() % n;
                (0..k).map(|_| rng.pick(&pieces)).collect()
            };
            let (hay, needle) = (gen(8), gen(3));
            assert_eq!(
                contains(&hay, &needle),
                hay.contains(&needle),
                "{hay:?} {needle:?}"
            );
            found += usize::from(!needle.is_empty() && hay.contains(&needle));
            for suffix in ["'s", "’s"] {
                assert_eq!(trim_end_all(&hay, suffix), hay.trim_end_matches(suffix));
            }
        }
        assert!(found > 100, "{found}");
    }

    /// On written and generated clauses: the opening words written into one string are those
    /// of the first form (a vector joined, lower-cased, both possessives replaced).
    #[test]
    fn opening_words_match_the_first_form() {
        let pieces = [
            "The", "the", "province", "'s", "’s", "'", "’", "s", "S", "'S", "Governor", "ÉTAT",
            "Σ", "ΟΔΟΣ", "İ", " ", "  ", "\t", "\n", "\u{a0}", "x", ",", "K",
        ];
        let mut texts: Vec<String> = [
            "",
            "The province's governor rejected",
            "Aragua’s governor ",
            "  ’'ss  x",
        ]
        .map(String::from)
        .to_vec();
        let mut rng = crate::testing::Rng(0x5eed_0000_4a0e_0003);
        for _ in 0..crate::testing::cases("QUOTES_SCAN_CASES", 20_000) {
            let k = rng.next() % 10;
            texts.push((0..k).map(|_| rng.pick(&pieces)).collect());
        }
        let mut possessive = 0;
        for t in &texts {
            let plain = opening_words_plain(t);
            assert_eq!(opening_words(t), plain, "{t:?}");
            possessive +=
                usize::from(plain.len() < t.split_whitespace().take(3).map(str::len).sum());
        }
        assert!(possessive > 100, "{possessive}");
    }

    /// Quotes of `text` as (speaker, text), checking every evidence span; with the actors
    /// of the text when `with_actors`.
    fn run(text: &str, with_actors: bool) -> Vec<(Option<String>, String)> {
        let doc = Document::new(text);
        let acts = if with_actors {
            actors::extract(&doc, &[])
        } else {
            Vec::new()
        };
        extract(&doc, &acts)
            .into_iter()
            .map(|q| {
                assert_eq!(&text[q.evidence.start..q.evidence.end], q.evidence.text);
                (q.speaker, q.text)
            })
            .collect()
    }

    #[test]
    fn attribution_after_and_before() {
        let q = quotes("\"We will rebuild the town,\" said Mayor Jane Doe. Police chief John Roe said: \"Stay at home tonight.\"");
        assert_eq!(
            q[0],
            (
                Some("Mayor Jane Doe".into()),
                "We will rebuild the town,".into()
            )
        );
        assert_eq!(
            q[1],
            (
                Some("Police chief John Roe".into()),
                "Stay at home tonight.".into()
            )
        );
    }

    #[test]
    fn curly_quotes_over_two_paragraphs() {
        let q = quotes("“The violence must stop now,” she said. “We urge restraint.\n\n“Every life matters here.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].1, "We urge restraint. Every life matters here.");
    }

    fn quotes(text: &str) -> Vec<(Option<String>, String)> {
        run(text, false)
    }

    fn quotes_with_actors(text: &str) -> Vec<(Option<String>, String)> {
        run(text, true)
    }

    #[test]
    fn wire_copy_marks_and_surname_attribution() {
        let q = quotes_with_actors(
            "Harbor Police Chief Dana Whitfield spoke on Monday.\n\n``We have never seen water \
             this high,'' said Whitfield at the station.",
        );
        assert_eq!(
            q,
            vec![(
                Some("Dana Whitfield".into()),
                "We have never seen water this high,".into()
            )]
        );
    }

    #[test]
    fn pronoun_goes_to_the_nearest_person_who_fits() {
        let q = quotes_with_actors(
            "Governor Tom Redding ordered the evacuation. Later, Maria Osei reached the shelter.\n\n\
             \"We left everything behind in the house,\" she said.",
        );
        assert_eq!(q[0].0.as_deref(), Some("Maria Osei"));
        let q = quotes_with_actors(
            "Maria Osei reached the shelter. Governor Tom Redding visited it.\n\n\
             \"We left everything behind in the house,\" she said.",
        );
        assert_eq!(q[0].0.as_deref(), Some("Maria Osei"));
    }

    #[test]
    fn partial_quote_takes_the_sentence_subject() {
        let q = quotes_with_actors(
            "Sheriff Ray Collins said deputies had \"no reason to expect trouble\" that day.",
        );
        assert_eq!(
            q,
            vec![(
                Some("Ray Collins".into()),
                "no reason to expect trouble".into()
            )]
        );
    }

    #[test]
    fn descriptions_are_kept_as_written() {
        let q = quotes(
            "\"The bridge may not hold another night,\" a fire department spokeswoman said.",
        );
        assert_eq!(q[0].0.as_deref(), Some("a fire department spokeswoman"));
    }

    #[test]
    fn a_partial_quote_takes_the_person_named_before_it_in_the_sentence() {
        let text = "State Department spokesman Peter Lund called the attacks \"very well planned and very cruel\" on Monday.";
        let doc = Document::new(text);
        let acts = crate::extract::actors::extract(&doc, &[]);
        let q = extract(&doc, &acts);
        assert_eq!(q[0].speaker.as_deref(), Some("Peter Lund"), "{q:?}");
    }

    #[test]
    fn an_organization_statement_takes_the_organization() {
        let text = "In a statement the Interior Ministry described the raid as \"a lawful and measured operation\".";
        let doc = Document::new(text);
        let acts = crate::extract::actors::extract(&doc, &[]);
        let q = extract(&doc, &acts);
        assert_eq!(
            q[0].speaker.as_deref(),
            Some("Interior Ministry"),
            "{q:?} {acts:?}"
        );
    }

    #[test]
    fn abbreviations_do_not_cut_the_speaker() {
        let q = quotes(
            "\"The levees held better than we feared,\" U.S. Army Corps spokesman R.T. Mendes said on Friday.",
        );
        assert_eq!(
            q[0].0.as_deref(),
            Some("U.S. Army Corps spokesman R.T. Mendes")
        );
        let q = quotes("\"Nobody slept that night in the valley,\" said the U.N. envoy Ines Kaur.");
        assert_eq!(q[0].0.as_deref(), Some("the U.N. envoy Ines Kaur"));
    }

    #[test]
    fn told_takes_a_named_hearer() {
        let q = quotes("\"The water came through the roof at dawn,\" she told AFP.");
        assert_eq!(q[0].0.as_deref(), Some("she"));
    }

    #[test]
    fn a_pronoun_after_a_quote_keeps_its_speaker() {
        let q = quotes_with_actors(
            "Mayor Ruth Adeyemi visited the shelter.\n\n\"We heard the blast from the market,\" said Tomas, a baker. \"The shutters flew off the shop,\" he told reporters.",
        );
        assert_eq!(q[1].0.as_deref(), Some("Tomas"), "{q:?}");
        // Another person named in between: the pronoun goes to the person named last.
        let q = quotes_with_actors(
            "\"We heard the blast from the market,\" said Tomas, a baker. Police chief Ruth Adeyemi arrived later. \"Keep away from the square,\" she said.",
        );
        assert_eq!(q[1].0.as_deref(), Some("Ruth Adeyemi"), "{q:?}");
    }

    #[test]
    fn a_sentence_opened_by_a_title_gives_the_speaker() {
        let q = quotes_with_actors(
            "Gov. Marta Ilunga spoke in the capital. The province's governor rejected the report and called it \"a fabrication meant to spread panic\".",
        );
        assert_eq!(q[0].0.as_deref(), Some("Marta Ilunga"), "{q:?}");
    }

    #[test]
    fn a_curly_quote_closing_before_another_in_one_sentence() {
        // Regression: a closing curly quote in the same sentence (a multi-byte mark).
        let q = quotes_with_actors(
            "Officials called it “a tragedy”.Residents described “a night of fear and noise” to us.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_closed_quote_is_not_attributed_by_the_next_sentence() {
        let q = quotes_with_actors(
            "Commissioner Leo Brandt said: \"The dam is safe and the town is not at risk.\" He added that engineers would stay on site.",
        );
        assert_eq!(q[0].0.as_deref(), Some("Leo Brandt"), "{q:?}");
    }

    #[test]
    fn a_document_speaks_for_the_organization_that_issued_it() {
        // The document says it after the quote, with an adverb in between.
        let q = quotes_with_actors(
            "The Health Ministry on Monday published new guidance. An attached statement firmly urged \"all travellers to avoid the border districts.\"",
        );
        assert_eq!(q[0].0.as_deref(), Some("Health Ministry"), "{q:?}");
        // The document opens the sentence, and the quote has no speech verb.
        let q = quotes_with_actors(
            "The Regional Assembly met in closed session. A resolution, adopted without a vote, \"condemns the shelling of the hospital in the strongest terms.\"",
        );
        assert_eq!(q[0].0.as_deref(), Some("Regional Assembly"), "{q:?}");
        // No organization named before: the words themselves, without the adverb.
        let q = quotes_with_actors(
            "An attached statement firmly urged \"all travellers to avoid the border districts.\"",
        );
        assert_eq!(q[0].0.as_deref(), Some("An attached statement"), "{q:?}");
        // A report is not an organization's document: it keeps its own words.
        let q = quotes_with_actors(
            "The Health Ministry met on Monday. One local report said \"the roads were closed for hours.\"",
        );
        assert_eq!(q[0].0.as_deref(), Some("One local report"), "{q:?}");
    }

    #[test]
    fn short_scare_quotes_are_skipped() {
        assert!(quotes("He called them \"close friends\" of his.").is_empty());
    }
}
