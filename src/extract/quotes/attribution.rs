//! The two attribution patterns of a quotation, as hand-written scanners.
//!
//! They were regular expressions (kept in this file's tests as the reference they are checked
//! against); building those cost about a millisecond per process, a fifth of a one-article
//! run. The scanners take the same choices a backtracking engine would (leftmost start, then
//! the alternatives in order, greedy and lazy repetitions as written), so the captured name
//! is the same byte for byte. Classes are ASCII, as in the patterns (see
//! [`crate::vocab::ascii`]); the capture always begins and ends next to an ASCII byte, so it
//! is whole UTF-8.
//!
//! After the quote (anchored at its start):
//!
//! ```text
//! ^[\s,]*(?: VERB \s+ (?P<a>(?:ATTR|\.[A-Za-z])*?[a-z0-9)]) \s*(?:[,.;!?]|$)
//!          | (?P<b>ATTR+?) \s+ VERB \b )
//! ```
//!
//! Before the quote (anchored at its end):
//!
//! ```text
//! (?:^|[,;]\s*|\band\s+)
//! (?: (?P<a>(?:[A-Z]|[Tt]he\s|[Aa]n?\s)[^,;!?\n]*?|he|she|they|we|I) \s+ VERB \b [^\n]*
//!   | according\s+to\s+ (?P<b>ATTR+?) [\s,:]* )$
//! ```
//!
//! `VERB` is a speech verb ([`VERBS`]; "told" may take one or two small-letter words, its
//! hearer: "told reporters"); `ATTR` is a byte of an attribution (anything but `,.;!?` and a
//! line break) or the period of an abbreviation (`\b(?:[A-Z]|Mr|Mrs|…)\.`: "U.S.", "Dr.").

use std::ops::Range;

use crate::vocab::ascii::{boundary, is_space, skip_space};

/// Speech verbs, in the order the patterns try them.
const VERBS: [&str; 30] = [
    "said",
    "says",
    "added",
    "adds",
    "told",
    "explained",
    "stated",
    "noted",
    "wrote",
    "tweeted",
    "posted",
    "recalled",
    "recalls",
    "warned",
    "urged",
    "asked",
    "continued",
    "concluded",
    "insisted",
    "declared",
    "announced",
    "testified",
    "replied",
    "cried",
    "shouted",
    "screamed",
    "remembered",
    "argued",
    "stressed",
    "acknowledged",
];

/// Abbreviations whose period does not end an attribution (besides one capital letter).
const ABBREVIATIONS: [&str; 19] = [
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Lt", "Gen", "Col", "Sgt", "Capt", "Maj", "Cpl",
    "St", "Jr", "Sr", "Prof", "Rev",
];

/// The end of a run of small letters starting at `i` (`i` itself when there is none).
fn small_word_end(h: &[u8], mut i: usize) -> usize {
    while i < h.len() && h[i].is_ascii_lowercase() {
        i += 1;
    }
    i
}

/// The speech verb that starts at `y`, if any (its length).
///
/// No verb is a prefix of another (a test checks), so at most one matches and the order of
/// the comparisons does not matter: only the verbs that begin with the byte at `y`
/// ([`VERBS_BY_FIRST`]) are compared, their first four bytes as one number (every verb has
/// four or more). This runs at every white space of the text after a quote.
fn verb_at(h: &[u8], y: usize) -> Option<usize> {
    let rest = h.get(y..)?;
    let head = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
    let mut candidates = VERBS_BY_FIRST[usize::from(rest[0])];
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if VERB_HEADS[k] == head && rest.starts_with(VERBS[k].as_bytes()) {
            return Some(VERBS[k].len());
        }
    }
    None
}

/// For each byte, the set of [`VERBS`] (bit `k` for `VERBS[k]`) that begin with it.
static VERBS_BY_FIRST: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut k = 0;
    while k < VERBS.len() {
        t[VERBS[k].as_bytes()[0] as usize] |= 1 << k;
        k += 1;
    }
    t
};

/// The first four bytes of each of [`VERBS`], as [`verb_at`] reads them.
static VERB_HEADS: [u32; VERBS.len()] = {
    let mut t = [0u32; VERBS.len()];
    let mut k = 0;
    while k < VERBS.len() {
        let b = VERBS[k].as_bytes();
        t[k] = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        k += 1;
    }
    t
};

/// The plain form of [`verb_at`]: every verb compared, in list order.
#[cfg(test)]
fn verb_at_plain(h: &[u8], y: usize) -> Option<usize> {
    let rest = &h[y.min(h.len())..];
    VERBS
        .iter()
        .find(|v| rest.starts_with(v.as_bytes()))
        .map(|v| v.len())
}

/// Where a `VERB` starting at `y` can end, in the order the pattern tries them: for "told",
/// with one hearer word, with two, then alone; for any other verb, after the verb.
fn verb_ends(h: &[u8], y: usize) -> impl Iterator<Item = usize> {
    let len = verb_at(h, y);
    let mut ends = [None; 3];
    if let Some(len) = len {
        let end = y + len;
        if &h[y..end] == b"told" {
            // told\s+[a-z]+ (greedy, so the word is whole), then (?:\s+[a-z]+)?? (lazy).
            let w1 = skip_space(h, end);
            let w1_end = small_word_end(h, w1);
            if w1 > end && w1_end > w1 {
                ends[0] = Some(w1_end);
                let w2 = skip_space(h, w1_end);
                let w2_end = small_word_end(h, w2);
                if w2 > w1_end && w2_end > w2 {
                    ends[1] = Some(w2_end);
                }
            }
            ends[2] = Some(end);
        } else {
            ends[0] = Some(end);
        }
    }
    ends.into_iter().flatten()
}

/// `\b(?:[A-Z]|Mr|Mrs|…)\.` at `i`: the position after the period.
fn abbreviation_at(h: &[u8], i: usize) -> Option<usize> {
    if i >= h.len() || !boundary(h, i) {
        return None;
    }
    let rest = &h[i..];
    if rest.len() >= 2 && rest[0].is_ascii_uppercase() && rest[1] == b'.' {
        return Some(i + 2);
    }
    ABBREVIATIONS.iter().find_map(|a| {
        let a = a.as_bytes();
        (rest.len() > a.len() && rest.starts_with(a) && rest[a.len()] == b'.')
            .then_some(i + a.len() + 1)
    })
}

/// A byte of `[^,.;!?\n]`.
fn is_attr_byte(b: u8) -> bool {
    !matches!(b, b',' | b'.' | b';' | b'!' | b'?' | b'\n')
}

/// The room a search of [`after`] or of "according to" needs: `failed` (a mark per position
/// of the text, [`lazy_repeat`]) and the stack of [`lazy_repeat`]. One is kept per thread
/// ([`SCRATCH`]), so a quotation costs no allocation for them.
#[derive(Default)]
struct Scratch {
    failed: Vec<bool>,
    stack: Vec<(usize, usize)>,
}

thread_local! {
    /// The [`Scratch`] of the thread, taken while a search runs.
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch {
            failed: Vec::new(),
            stack: Vec::new(),
        })
    };
}

/// Room for more positions than this (the searched texts are a sentence or 200 bytes after a
/// quotation) is not kept in [`SCRATCH`].
const SCRATCH_KEPT_AT_MOST: usize = 1 << 12;

/// Runs `search` with the thread's [`Scratch`], its `failed` cleared and sized for a text of
/// `len` bytes (`len + 1` positions).
fn with_scratch<T>(len: usize, search: impl FnOnce(&mut Scratch) -> T) -> T {
    let mut scratch = SCRATCH.take();
    scratch.failed.clear();
    scratch.failed.resize(len + 1, false);
    let out = search(&mut scratch);
    if scratch.failed.capacity() > SCRATCH_KEPT_AT_MOST
        || scratch.stack.capacity() > SCRATCH_KEPT_AT_MOST
    {
        scratch = Scratch::default();
    }
    SCRATCH.set(scratch);
    out
}

/// A lazy repetition of elements from `start`, searched depth first as a backtracking engine
/// does: at each position the repetition first tries to stop (`stop(pos)`), then each way
/// `step(pos, k)` to take one more element, in order. Returns the first position where it
/// stops. `failed` marks the positions from which no stop is reachable; it may be shared by
/// searches with the same `step` and `stop`, and keeps the whole search linear. `stack` is
/// room for the search (emptied first; each step moves forward, so it never holds more than
/// one entry per position).
fn lazy_repeat(
    start: usize,
    allow_empty: bool,
    ways: usize,
    step: impl Fn(usize, usize) -> Option<usize>,
    stop: impl Fn(usize) -> bool,
    failed: &mut [bool],
    stack: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    if allow_empty && stop(start) {
        return Some(start);
    }
    stack.clear();
    stack.push((start, 0));
    while let Some(top) = stack.last_mut() {
        let (pos, k) = *top;
        if k == ways {
            // The start of a non-empty repetition was not tried as a stop: a search that
            // reaches it with an element before must still try it.
            failed[pos] = pos != start || allow_empty;
            stack.pop();
            continue;
        }
        top.1 += 1;
        if let Some(next) = step(pos, k).filter(|&n| n < failed.len() && !failed[n]) {
            if stop(next) {
                return Some(next);
            }
            stack.push((next, 0));
        }
    }
    None
}

/// One element of `ATTR`: an attribution byte (`k == 0`) or an abbreviation (`k == 1`).
fn attr_step(h: &[u8], pos: usize, k: usize) -> Option<usize> {
    match k {
        0 => (pos < h.len() && is_attr_byte(h[pos])).then_some(pos + 1),
        _ => abbreviation_at(h, pos),
    }
}

/// The speaker named right after a quotation (`," said X`, `," X said`) in `h`, the text
/// that follows the closing mark.
pub fn after(h: &[u8]) -> Option<Range<usize>> {
    let v = {
        let mut i = 0;
        while i < h.len() && (is_space(h[i]) || h[i] == b',') {
            i += 1;
        }
        i
    };
    // VERB \s+ (?P<a>(?:ATTR|\.[A-Za-z])*?[a-z0-9)]) \s*(?:[,.;!?]|$)
    let name_end = |q: usize| {
        if q >= h.len() || !matches!(h[q], b'a'..=b'z' | b'0'..=b'9' | b')') {
            return false;
        }
        let r = skip_space(h, q + 1);
        r == h.len() || matches!(h[r], b',' | b'.' | b';' | b'!' | b'?')
    };
    let step = |pos: usize, k: usize| match k {
        0 | 1 => attr_step(h, pos, k),
        _ => (h.get(pos) == Some(&b'.') && h.get(pos + 1).is_some_and(u8::is_ascii_alphabetic))
            .then_some(pos + 2),
    };
    with_scratch(h.len(), |sc| {
        for end in verb_ends(h, v) {
            let a = skip_space(h, end);
            if a == end {
                continue;
            }
            if let Some(q) = lazy_repeat(a, true, 3, step, name_end, &mut sc.failed, &mut sc.stack)
            {
                return Some(a..q + 1);
            }
        }
        // (?P<b>ATTR+?) \s+ VERB \b
        if !verb_after_space(h, v) {
            return None;
        }
        let verb_follows = |pos: usize| {
            let y = skip_space(h, pos);
            y > pos && verb_at(h, y).is_some_and(|len| boundary(h, y + len))
        };
        // [\s,]* is greedy: the name starts after all of it, or, failing that, on its last
        // bytes ("   added" names " ").
        sc.failed.fill(false);
        let step = |p, k| attr_step(h, p, k);
        (0..=v).rev().find_map(|start| {
            lazy_repeat(
                start,
                false,
                2,
                step,
                verb_follows,
                &mut sc.failed,
                &mut sc.stack,
            )
            .map(|e| start..e)
        })
    })
}

/// Whether the second form of [`after`] (`(?P<b>ATTR+?) \s+ VERB \b`, tried from a start
/// at or before `v`, the end of the leading `[\s,]*`) can match at all: its verb must follow
/// white space and end on a boundary. No element of the repetition takes a byte of
/// `,;!?\n` (abbreviations are letters and a period), and the bytes before `v` are white
/// space and commas, so the repetition ends at or before the first such byte from `v`; the
/// white space after its end may run on, so the verb starts no later than where that run
/// ends. A quote followed by no attribution is the common case this settles in one pass,
/// where the search would try every position.
fn verb_after_space(h: &[u8], v: usize) -> bool {
    let limit = h
        .get(v..)
        .and_then(|t| {
            t.iter()
                .position(|&b| matches!(b, b',' | b';' | b'!' | b'?' | b'\n'))
        })
        .map_or(h.len(), |p| v + p);
    let last = skip_space(h, limit).min(h.len().saturating_sub(1));
    (1..=last).any(|y| is_space(h[y - 1]) && verb_at(h, y).is_some_and(|len| boundary(h, y + len)))
}

/// The speaker named before a quotation in its sentence (`X said: "`, `X said the town had
/// "`, `according to X, "`) in `h`, the sentence up to the opening mark.
pub fn before(h: &[u8]) -> Option<Range<usize>> {
    let n = h.len();
    let last_newline = h.iter().rposition(|&b| b == b'\n');
    // VERB \b [^\n]*$ at `y`.
    let verb_ends_line = |y: usize| {
        verb_ends(h, y).any(|end| boundary(h, end) && last_newline.is_none_or(|nl| nl < end))
    };
    // \s+ VERB \b [^\n]*$ from `e`.
    let verb_clause = |e: usize| {
        let y = skip_space(h, e);
        y > e && verb_ends_line(y)
    };
    // The first position at or after `e` where a verb clause follows (a run of white space
    // is looked at once).
    let first_clause = |mut e: usize| {
        while e < n {
            if is_space(h[e]) {
                let y = skip_space(h, e);
                if verb_ends_line(y) {
                    return Some(e);
                }
                e = y;
            } else {
                e += 1;
            }
        }
        None
    };
    // The lazy run [^,;!?\n]*? from `r` stops at the first position where a verb clause
    // follows, if that comes before the run's first stop byte. Bodies are tried left to
    // right, so both searches only move forward: each remembers its last answer.
    let mut clause_cache: Option<(usize, Option<usize>)> = None;
    let mut stop_cache: Option<(usize, usize)> = None;
    let mut run_from = |r: usize| -> Option<usize> {
        let clause = match clause_cache {
            Some((from, None)) if from <= r => None,
            Some((from, Some(f))) if from <= r && f >= r => Some(f),
            _ => first_clause(r),
        };
        clause_cache = Some((r, clause));
        let stop = match stop_cache {
            Some((from, stop)) if from <= r && r <= stop => stop,
            _ => h[r.min(n)..]
                .iter()
                .position(|&b| matches!(b, b',' | b';' | b'!' | b'?' | b'\n'))
                .map_or(n, |p| r + p),
        };
        stop_cache = Some((r, stop));
        clause.filter(|&e| e <= stop)
    };
    // [\s,:]*$: where the trailing run of those bytes starts.
    let tail = h
        .iter()
        .rposition(|&b| !(is_space(b) || b == b',' || b == b':'))
        .map_or(0, |p| p + 1);
    let mut s = 0;
    while s <= n {
        let mut bodies = [None; 3];
        if s == 0 {
            bodies[0] = Some(0);
        }
        match h.get(s) {
            Some(b',' | b';') => bodies[1] = Some(skip_space(h, s + 1)),
            Some(b'a') if h[s..].starts_with(b"and") && boundary(h, s) => {
                let x = skip_space(h, s + 3);
                if x > s + 3 {
                    bodies[2] = Some(x);
                }
            }
            _ => {}
        }
        for x in bodies.into_iter().flatten() {
            if let Some(m) = body(h, x, &mut run_from, &verb_clause, tail) {
                return Some(m);
            }
        }
        // The next position where a body can be introduced.
        s += 1;
        while s < n && !matches!(h[s], b',' | b';' | b'a') {
            s += 1;
        }
        if s == n {
            break;
        }
    }
    None
}

/// The body of the before-pattern at `x`: a subject and a speech verb, or "according to X".
fn body(
    h: &[u8],
    x: usize,
    run_from: &mut impl FnMut(usize) -> Option<usize>,
    verb_clause: &impl Fn(usize) -> bool,
    tail: usize,
) -> Option<Range<usize>> {
    let rest = &h[x.min(h.len())..];
    // (?:[A-Z]|[Tt]he\s|[Aa]n?\s) then the lazy run. (A capital's run reaches every end that
    // "The " or "An " would, except across the line break that \s allows after them.)
    let mut runs = [None; 3];
    if rest.first().is_some_and(u8::is_ascii_uppercase) {
        runs[0] = Some(x + 1);
    }
    if let [b'T' | b't', b'h', b'e', s, ..] = rest {
        if is_space(*s) {
            runs[1] = Some(x + 4);
        }
    }
    match rest {
        [b'A' | b'a', b'n', s, ..] if is_space(*s) => runs[2] = Some(x + 3),
        [b'A' | b'a', s, ..] if is_space(*s) => runs[2] = Some(x + 2),
        _ => {}
    }
    for r in runs.into_iter().flatten() {
        if let Some(e) = run_from(r) {
            return Some(x..e);
        }
    }
    for pronoun in ["he", "she", "they", "we", "I"] {
        if rest.starts_with(pronoun.as_bytes()) && verb_clause(x + pronoun.len()) {
            return Some(x..x + pronoun.len());
        }
    }
    // according\s+to\s+(?P<b>ATTR+?)[\s,:]*$
    let after_according = x + "according".len();
    if !rest.starts_with(b"according") {
        return None;
    }
    let to = skip_space(h, after_according);
    if to == after_according || !h[to..].starts_with(b"to") {
        return None;
    }
    let spaces = to + 2;
    let z = skip_space(h, spaces);
    // \s+ is greedy: the name starts after all the white space, or, failing that, on it.
    let step = |p, k| attr_step(h, p, k);
    with_scratch(h.len(), |sc| {
        (spaces + 1..=z).rev().find_map(|start| {
            lazy_repeat(
                start,
                false,
                2,
                step,
                |p| p >= tail,
                &mut sc.failed,
                &mut sc.stack,
            )
            .map(|e| start..e)
        })
    })
}

#[cfg(test)]
mod tests;
