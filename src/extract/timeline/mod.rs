//! The timeline refiner: dated clauses that report an event become timeline entries.
//!
//! An analyst wants one line per event, not one line per date: a sentence is cut into clauses
//! (at semicolons), and a clause is an event when it holds an event word (`events.txt`) and a
//! date expression resolved to a day (or to a month, where that is all the text gives). Dates
//! in asides do not make a second event: a date inside parentheses ("(0447 GMT Thursday)") is
//! never used, and the date of an attribution ("…, officials said on Thursday") only when the
//! clause has no other. A deadline ("will remain in force until January 19") is an event of
//! its own ("State of emergency due to end."). The summary is a short plain-language clause:
//! dates, asides, leading time phrases and attributions dropped, cut near 100 characters at a
//! clause boundary. Entries are sorted by date and deduplicated.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::document::Document;
use crate::extract::dates::TimeExpr;
use crate::model::{Event, Evidence};
use crate::vocab;
use crate::vocab::search;
use crate::vocab::swar;

static EVENT_WORD: LazyLock<vocab::WordPhrases> =
    LazyLock::new(|| vocab::WordPhrases::new(vocab::entries(include_str!("events.txt"))));

/// Things that end on a deadline ("state of emergency", "curfew"), for deadline summaries.
static DEADLINE_THING: LazyLock<vocab::WordPhrases> =
    LazyLock::new(|| vocab::WordPhrases::new(vocab::entries(include_str!("deadlines.txt"))));

/// Longest summary, in characters, before it is cut at a clause or word boundary.
const MAX_SUMMARY: usize = 100;

/// Words that say a statement was made (the date next to them is the statement's date).
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "added",
    "stated",
    "announced",
    "confirmed",
];

/// Words a date leans on ("late on Wednesday"), dropped with it from a summary.
const DATE_LEAD: &[&str] = &[
    "on", "in", "at", "since", "by", "from", "during", "until", "till", "through", "late", "early",
    "earlier", "later", "of", "as", "before", "after",
];

/// Builds the timeline from the dated clauses of `doc`.
pub fn build(doc: &Document, times: &[TimeExpr]) -> Vec<Event> {
    let mut events: Vec<Entry> = Vec::new();
    let mut refs: Vec<Entry> = Vec::new();
    let mut buffers = Buffers::default();
    let mut i = 0;
    while i < times.len() {
        let Some(si) = doc.sentence_at(times[i].span.start) else {
            break;
        };
        let s = doc.sentences[si].span.clone();
        let mut j = i + 1;
        while j < times.len() && times[j].span.start < s.end {
            j += 1;
        }
        sentence_events(doc, s, &times[i..j], &mut events, &mut refs, &mut buffers);
        i = j;
    }
    // Events named by their date ("the Aug. 7 bombings"): once, on a day with no other entry.
    for r in refs {
        if !events.iter().any(|e| e.date == r.date) {
            events.push(r);
        }
    }
    // Sorted by date, then where the sentence starts (a stable sort keeps clause order).
    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.sentence.start.cmp(&b.sentence.start))
    });
    events.dedup_by(|a, b| a.date == b.date && a.summary == b.summary);
    // The evidence is copied only for the entries kept.
    events
        .into_iter()
        .map(|e| Event {
            date: e.date.into_owned(),
            summary: e.summary,
            evidence: Evidence::from_bytes(doc.text, e.sentence.start, e.sentence.end),
        })
        .collect()
}

/// A timeline entry while the timeline is built: its date (borrowed from the date expression
/// unless it had to be written out), summary and sentence. It becomes an [`Event`] only once
/// the duplicates are gone, so a dropped entry never copies its sentence.
struct Entry<'t> {
    date: Cow<'t, str>,
    summary: String,
    sentence: Range<usize>,
}

/// Buffers used clause after clause: the word starts of a clause, the times in it, the byte
/// ranges a summary drops, and the text a summary is first built in ([`summarize_in`]).
#[derive(Default)]
struct Buffers<'t> {
    starts: Vec<u32>,
    in_clause: Vec<&'t TimeExpr>,
    ranges: Vec<Range<usize>>,
    scratch: String,
}

/// The timeline value of an expression: its day, or its month when that is all it gives.
fn timeline_value(t: &TimeExpr) -> Option<Cow<'_, str>> {
    match t.day {
        // "two weeks ago" is a week in `dates`, and its day here.
        Some(d)
            if t.value.as_bytes().get(4) == Some(&b'-')
                && t.value.as_bytes().get(5) == Some(&b'W') =>
        {
            Some(Cow::Owned(d.format("%Y-%m-%d").to_string()))
        }
        Some(_) => Some(Cow::Borrowed(t.value.get(..10).unwrap_or(&t.value))),
        None if is_month(&t.value) => Some(Cow::Borrowed(&t.value)),
        None => None,
    }
}

/// The entries of one sentence: per clause, one event and at most one deadline.
fn sentence_events<'t>(
    doc: &Document,
    s: Range<usize>,
    times: &'t [TimeExpr],
    events: &mut Vec<Entry<'t>>,
    refs: &mut Vec<Entry<'t>>,
    buffers: &mut Buffers<'t>,
) {
    // A lead sentence starts with the dateline: its dates are not events.
    let body_start = match &doc.dateline {
        Some(d) if d.start >= s.start && d.end < s.end => d.end,
        _ => s.start,
    };
    let mut c0 = body_start;
    while c0 < s.end {
        let c1 = clause_end(&doc.text[c0..s.end]).map_or(s.end, |k| c0 + k + 1);
        let Buffers {
            starts,
            in_clause,
            ranges,
            scratch,
        } = buffers;
        in_clause.clear();
        in_clause.extend(
            times
                .iter()
                .filter(|t| t.span.start >= c0 && t.span.end <= c1),
        );
        let buffers = (starts, ranges, scratch);
        clause_events(doc, &s, c0..c1, in_clause, events, refs, buffers);
        c0 = c1;
    }
}

/// The end of the first clause of `s`: a semicolon, or a full stop run into the next
/// sentence ("…shooting.A girl…", which the sentence splitter leaves joined).
fn clause_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    // Only the semicolons and full stops are looked at closely.
    while let Some(k) = find_either(b, from, b';', b'.') {
        let run_on = k > 1
            && b[k - 1].is_ascii_lowercase()
            && b[k - 2].is_ascii_lowercase()
            && b.get(k + 1).is_some_and(|c| c.is_ascii_uppercase());
        if b[k] == b';' || run_on {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

/// The entries of the clause `c` of the sentence `s`, whose times are `times`; `starts`,
/// `ranges` and `scratch` are buffers.
fn clause_events<'t>(
    doc: &Document,
    s: &Range<usize>,
    c: Range<usize>,
    times: &[&'t TimeExpr],
    events: &mut Vec<Entry<'t>>,
    refs: &mut Vec<Entry<'t>>,
    (starts, ranges, scratch): (&mut Vec<u32>, &mut Vec<Range<usize>>, &mut String),
) {
    let text = doc.text;
    let mut event: Option<(u8, Cow<'t, str>, usize)> = None;
    let mut deadline: Option<Cow<'t, str>> = None;
    let mut named: Vec<(Cow<'t, str>, String)> = Vec::new();
    let mut opener = FirstOpener::new(c.start);
    for t in times {
        let Some(value) = timeline_value(t) else {
            continue;
        };
        let open = opener.before(text.as_bytes(), t.span.start);
        if in_parentheses_from(&text[c.start..t.span.start], open, &text[t.span.end..c.end])
            || in_dateline(text, c.start, t)
        {
            continue;
        }
        // The words before the date, read once for the deadline and attribution tests.
        let before = last_words(text, c.start, t.span.start);
        if is_deadline(&before) {
            deadline.get_or_insert(value);
            continue;
        }
        // Prefer a date of the event itself over the date of a trailing attribution
        // ("…, officials said on Thursday."); a quotation's attribution is no event.
        let trailing = after_speech(&before) && text[t.span.end..c.end].trim().len() <= 12;
        if trailing && ends_quotation(&text[c.start..t.span.start]) {
            continue;
        }
        if let Some(summary) = named_event(text, t.span.end, c.end, starts) {
            named.push((value.clone(), summary));
        }
        // A day beats a month; the event's own date beats its attribution's.
        let rank = 2 * u8::from(trailing) + u8::from(t.day.is_none());
        if event.as_ref().is_none_or(|(r, _, _)| rank < *r) {
            event = Some((rank, value, t.span.start));
        }
    }
    for (value, summary) in named {
        if event.as_ref().is_some_and(|(_, v, _)| *v == value) {
            continue;
        }
        refs.push(Entry {
            date: value,
            summary,
            sentence: s.clone(),
        });
    }
    let clause_text = &doc.flat[c.clone()];
    // Dates and times leave the summary; durations ("three days of fighting") stay: their
    // ranges from byte `k` of the text on, as offsets from `k`, written into `ranges`.
    let date_ranges = |k: usize, ranges: &mut Vec<Range<usize>>| {
        ranges.clear();
        ranges.extend(
            times
                .iter()
                .filter(|t| (t.kind == "date" || t.kind == "time") && t.span.start >= k)
                .map(|t| t.span.start - k..t.span.end - k),
        );
    };
    if let Some((_, value, at)) = event {
        if has_event_word(doc, &c, starts) {
            // A date deep in a long sentence belongs to its own clause ("…, where the
            // Aug. 7 blasts killed 257 people"): summarize that clause when it has a verb.
            // (Every time of the clause starts at `c.start` or later.)
            let k = date_clause(text, c.start, at).unwrap_or(c.start);
            date_ranges(k, ranges);
            let summary = summarize_in(&text[k..c.end], ranges, at - k, scratch);
            events.push(Entry {
                date: value,
                summary,
                sentence: s.clone(),
            });
        }
    }
    if let Some(value) = deadline {
        let summary = match DEADLINE_THING.find_iter(clause_text).next() {
            Some(m) => format!(
                "{} due to end.",
                capitalize(clause_text[m.start..m.end].to_string())
            ),
            None => {
                date_ranges(c.start, ranges);
                summarize_in(&text[c.clone()], ranges, usize::MAX, scratch)
            }
        };
        events.push(Entry {
            date: value,
            summary,
            sentence: s.clone(),
        });
    }
}

/// Does the clause `c` of `doc` hold an event word (a match of `EVENT_WORD.find_iter` in
/// its flat text)? Only the document's word starts in the clause are looked at (and the
/// clause's start, when it falls inside a word), not every byte; `starts` is a buffer.
fn has_event_word(doc: &Document, c: &Range<usize>, starts: &mut Vec<u32>) -> bool {
    let clause = &doc.flat[c.clone()];
    let (Ok(from), false) = (u32::try_from(c.start), doc.word_starts.is_empty()) else {
        return EVENT_WORD.find_iter(clause).next().is_some();
    };
    // `flat` differs from `text` only in white space, so its words start where the text's do.
    let b = doc.flat.as_bytes();
    let word = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
    starts.clear();
    if c.start > 0 && c.start < c.end && word(b[c.start]) && word(b[c.start - 1]) {
        starts.push(0);
    }
    starts.extend(doc.word_starts_in(c).iter().map(|&w| w - from));
    EVENT_WORD.find_at(clause, starts).next().is_some()
}

/// Where the clause of a date at byte `at` starts, when the date lies beyond a summary's
/// length into the clause `from..` and its clause (from the last ", where", ", when",
/// " since" … before it) holds a verb of its own.
fn date_clause(text: &str, from: usize, at: usize) -> Option<usize> {
    if at - from <= MAX_SUMMARY {
        return None;
    }
    let before = &text[from..at];
    // An opener that ends within 60 bytes of the date: only the bytes before it are read.
    let mut near = before.len().saturating_sub(60 + 10);
    while !before.is_char_boundary(near) {
        near -= 1;
    }
    let k = last_openers(&before[near..])
        .iter()
        .zip(OPENERS)
        .filter_map(|(k, o)| k.map(|k| near + k + o.len()))
        .filter(|k| at - (from + k) < 60)
        .min()?;
    let start = from + k;
    let end = find_either(text.as_bytes(), at, b',', b';').unwrap_or(text.len());
    let seg = &text[start..end];
    let verb = EVENT_WORD.find_iter(seg).any(|m| {
        let w = &seg[m.start..m.end];
        !SPEECH.iter().any(|x| w.eq_ignore_ascii_case(x))
    }) || seg
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() > 4 && w.ends_with("ed"));
    verb.then_some(start)
}

/// What opens the clause of a date deep in a sentence ([`date_clause`]).
const OPENERS: [&str; 9] = [
    ", where ",
    ", when ",
    " since ",
    " after ",
    " when ",
    " where ",
    " as ",
    " because ",
    " that ",
];

/// Where each of [`OPENERS`] last starts in `s`: in one backward pass, where at a comma or
/// a space only the openers that go on with the byte after it are compared.
fn last_openers(s: &str) -> [Option<usize>; OPENERS.len()] {
    let b = s.as_bytes();
    let mut last = [None; OPENERS.len()];
    for p in (0..b.len()).rev() {
        let openers: &[usize] = match (b[p], b.get(p + 1)) {
            (b',', _) => &[0, 1],
            (b' ', Some(b's')) => &[2],
            (b' ', Some(b'a')) => &[3, 6],
            (b' ', Some(b'w')) => &[4, 5],
            (b' ', Some(b'b')) => &[7],
            (b' ', Some(b't')) => &[8],
            _ => continue,
        };
        for &o in openers {
            if last[o].is_none() && b[p..].starts_with(OPENERS[o].as_bytes()) {
                last[o] = Some(p);
            }
        }
    }
    last
}

/// The first byte `c` of `b` at or after `from`, eight bytes at a time (a short text has too
/// few for `memchr`'s set-up to pay).
fn find_byte(b: &[u8], mut from: usize, c: u8) -> Option<usize> {
    while let Some(x) = swar::load(b, from) {
        let m = swar::bytes_equal(x, c);
        if m != 0 {
            return Some(from + (m.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    let k = b.get(from..)?.iter().position(|&x| x == c)?;
    Some(from + k)
}

/// The last byte `c` of `b` before `end`, eight bytes at a time.
fn rfind_byte(b: &[u8], mut end: usize, c: u8) -> Option<usize> {
    while end >= 8 {
        let m = swar::bytes_equal(swar::load(b, end - 8)?, c);
        if m != 0 {
            // The highest bit set marks the last byte found.
            return Some(end - 1 - (m.leading_zeros() / 8) as usize);
        }
        end -= 8;
    }
    b.get(..end)?.iter().rposition(|&x| x == c)
}

/// The last space of `s` (a byte loop: the spaces looked for are a word away).
fn last_space(s: &str) -> Option<usize> {
    s.as_bytes().iter().rposition(|&c| c == b' ')
}

/// The first byte of `b` at or after `from` that is `x` or `y`: eight bytes at a time (a
/// sentence is read clause after clause, and most of its bytes are neither).
fn find_either(b: &[u8], from: usize, x: u8, y: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `v` is zero (exact: a borrow only runs past a zero byte).
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    let (xs, ys) = (LO * u64::from(x), LO * u64::from(y));
    let mut i = from;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let w = u64::from_le_bytes(w);
        if has_zero(w ^ xs) || has_zero(w ^ ys) {
            break;
        }
        i += 8;
    }
    b[i.min(b.len())..]
        .iter()
        .position(|&c| c == x || c == y)
        .map(|k| i + k)
}

/// `2022-01`, not `2022-SU` or `2022-W01`.
fn is_month(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 7 && b[4] == b'-' && b[..4].iter().chain(&b[5..]).all(|c| c.is_ascii_digit())
}

/// An event named by its date ("the Aug. 7 bombings", "yesterday's attack"): when an event
/// word follows the date within two words, the phrase from there to the clause's next
/// boundary, as a summary ("Bombings at the embassies.").
///
/// Only the word starts up to the end of the phrase's third word are looked at (`starts` is
/// a buffer): a first event word past them has three words before it, and the first match
/// among them is the phrase's first match.
fn named_event(text: &str, at: usize, end: usize, starts: &mut Vec<u32>) -> Option<String> {
    let after = &text[at..end];
    let after = after.strip_prefix("'s").unwrap_or(after);
    let stop = first_stop(after).unwrap_or(after.len());
    let phrase = after[..stop].trim();
    let reach = phrase.split_whitespace().take(3).last().map_or(0, |w| {
        w.as_ptr() as usize - phrase.as_ptr() as usize + w.len()
    });
    let b = phrase.as_bytes();
    let word = |x: u8| x.is_ascii_alphanumeric() || x >= 0x80;
    starts.clear();
    for i in 0..reach {
        if word(b[i]) && (i == 0 || !word(b[i - 1])) {
            starts.push(u32::try_from(i).ok()?);
        }
    }
    // (With no start, `find_at` finds nothing, and rightly: a phrase with no word start in
    // its first three words has no word for an event word to match.)
    let first = EVENT_WORD.find_at(phrase, starts).next()?;
    if phrase[..first.start].split_whitespace().count() > 2 || first.start == first.end {
        return None;
    }
    let w = &phrase[first.start..first.end];
    if SPEECH.iter().any(|x| w.eq_ignore_ascii_case(x)) {
        return None;
    }
    Some(summarize(phrase))
}

/// Where a phrase named by its date ends.
#[cfg(test)]
const STOPS: &[&str] = &[
    ",",
    ";",
    ".",
    " and ",
    " that ",
    " which ",
    " who ",
    " in punishment",
];

/// The first of the stops (`,` `;` `.` ` and ` ` that ` ` which ` ` who ` ` in punishment`)
/// in `s`: at a space, only the stops that go on with the byte after it are compared.
fn first_stop(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let at = |i: usize, p: &[u8]| b[i..].starts_with(p);
    (0..b.len()).find(|&i| match b[i] {
        b',' | b';' | b'.' => true,
        b' ' => match b.get(i + 1) {
            Some(b'a') => at(i, b" and "),
            Some(b't') => at(i, b" that "),
            Some(b'w') => at(i, b" which ") || at(i, b" who "),
            Some(b'i') => at(i, b" in punishment"),
            _ => false,
        },
        _ => false,
    })
}

/// Is `t` the date of a dateline the document did not mark ("Managua (Nicaragua), 27 Aug 88
/// (Radio) -- …")? Near the clause start, with the dateline's dashes just after it.
fn in_dateline(text: &str, from: usize, t: &TimeExpr) -> bool {
    if t.span.start - from > 80 {
        return false;
    }
    let after = &text[t.span.end..];
    // The first 40 characters: 40 bytes when those are ASCII.
    let near = match after.as_bytes().get(..40) {
        Some(h) if h.is_ascii() => &after[..40],
        _ => after
            .char_indices()
            .nth(40)
            .map_or(after, |(k, _)| &after[..k]),
    };
    near.contains("--")
}

/// Is a date between `before` and `after` inside parentheses or brackets (opened before it
/// and closed after it; a stray "[" from an escape code does not count)?
#[cfg(test)]
fn in_parentheses(before: &str, after: &str) -> bool {
    in_parentheses_from(before, find_either(before.as_bytes(), 0, b'(', b'['), after)
}

/// The first "(" or "[" of a clause before each of its dates, the dates asked in turn: the
/// clause is read from its start only as far as the dates asked so far, and no byte twice
/// (each date's text before it was searched anew, the whole clause again for its last date).
struct FirstOpener {
    /// Where the clause starts.
    from: usize,
    /// How far the clause has been read.
    read: usize,
    /// The first opener found (before `read`).
    found: Option<usize>,
}

impl FirstOpener {
    fn new(from: usize) -> FirstOpener {
        FirstOpener {
            from,
            read: from,
            found: None,
        }
    }

    /// The first "(" or "[" of `b[from..at]`, as an offset from `from`: the first of the
    /// bytes read so far when there is one (the first of a longer text is the first of any
    /// shorter one that holds it), else looked for from where the last search stopped.
    fn before(&mut self, b: &[u8], at: usize) -> Option<usize> {
        if self.found.is_none() && at > self.read {
            self.found = find_either(b.get(..at)?, self.read, b'(', b'[');
            self.read = at;
        }
        self.found.filter(|&k| k < at).map(|k| k - self.from)
    }
}

/// [`in_parentheses`], with the first "(" or "[" of `before` (`open`) already found.
fn in_parentheses_from(before: &str, open: Option<usize>, after: &str) -> bool {
    // Nothing opens before the first "(" or "[" (a closer alone leaves the depth at 0).
    let Some(open) = open else {
        return false;
    };
    let mut depth = 0i32;
    for b in before[open..].bytes() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0 && after.contains([')', ']'])
}

/// The words before byte `at`, back to `from`, nearest first (at most `n`): the runs of
/// alphanumeric characters. Read backwards byte by byte, with only non-ASCII characters
/// decoded (a split by a `char` predicate decoded every character).
fn words_before(text: &str, from: usize, at: usize, n: usize) -> impl Iterator<Item = &str> {
    let s = &text[from..at];
    let b = s.as_bytes();
    let mut end = s.len();
    std::iter::from_fn(move || {
        // Back over the characters that are no part of a word, then over the word's.
        loop {
            let last = *b.get(end.checked_sub(1)?)?;
            if last.is_ascii_alphanumeric() {
                break;
            }
            if last.is_ascii() {
                end -= 1;
                continue;
            }
            let (k, alnum) = char_before(s, end)?;
            if alnum {
                break;
            }
            end = k;
        }
        let word_end = end;
        while let Some(&last) = end.checked_sub(1).and_then(|k| b.get(k)) {
            if last.is_ascii_alphanumeric() {
                end -= 1;
            } else if last.is_ascii() {
                break;
            } else {
                match char_before(s, end) {
                    Some((k, true)) => end = k,
                    _ => break,
                }
            }
        }
        Some(&s[end..word_end])
    })
    .take(n)
}

/// The character that ends at byte `end` of `s`: where it starts, and whether it is
/// alphanumeric.
fn char_before(s: &str, end: usize) -> Option<(usize, bool)> {
    let b = *s.as_bytes().get(end.checked_sub(1)?)?;
    if b.is_ascii() {
        return Some((end - 1, b.is_ascii_alphanumeric()));
    }
    let c = s.get(..end)?.chars().next_back()?;
    Some((end - c.len_utf8(), c.is_alphanumeric()))
}

/// The last four words before byte `at`, back to `from`, nearest first ("" past the first).
fn last_words(text: &str, from: usize, at: usize) -> [&str; 4] {
    let mut w = [""; 4];
    for (k, word) in words_before(text, from, at, 4).enumerate() {
        w[k] = word;
    }
    w
}

/// Does the date after the words `w` ([`last_words`]) end something ("until January 19",
/// "due to end on Sunday")?
fn is_deadline(w: &[&str; 4]) -> bool {
    let is = |k: usize, x: &str| w[k].eq_ignore_ascii_case(x);
    if ["until", "till", "through"].iter().any(|x| is(0, x)) {
        return true;
    }
    is(0, "on")
        && (is(1, "end") || is(1, "expire") || is(1, "expires") || is(1, "lapse"))
        && (is(2, "to") || is(1, "expires"))
}

/// Does the attribution before a date follow a quotation (`…," she said on Thursday`)?
fn ends_quotation(before: &str) -> bool {
    // Words counted up to the eighth only; the one-character marks found by a byte search.
    let few_words = |k: usize| before[k..].split_whitespace().take(8).count() <= 7;
    before.rfind('"').is_some_and(few_words)
        || before.rfind('\u{201d}').is_some_and(few_words)
        || before.rfind("''").is_some_and(few_words)
}

/// Is the date after the words `w` ([`last_words`]) the date of a statement ("officials said
/// on Thursday")? One of the three words before it says so.
fn after_speech(w: &[&str; 4]) -> bool {
    w[..3]
        .iter()
        .any(|w| SPEECH.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// `s` without bracketed tags ("[Photo]", "[EDITOR'S NOTE ...]") and the spaces after them.
fn drop_brackets(s: String) -> String {
    if !s.contains('[') {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('[') {
        let inner = &rest[open + 1..];
        match inner.find([']', '[']) {
            Some(close) if inner.as_bytes()[close] == b']' => {
                out.push_str(&rest[..open]);
                rest = inner[close + 1..].trim_start();
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Verbs that close a trailing attribution ("…, the Interior Ministry said").
const ATTRIBUTION_VERBS: &[&str] = &["said", "says", "told reporters", "reported", "added"];

/// `s` without a trailing attribution after its last comma ("…, officials said", "…, the
/// mayor told reporters on Friday"): at most ten words of names and titles before the verb.
fn drop_trailing_attribution(s: String) -> String {
    let body = s.trim_end().trim_end_matches('.');
    // An attribution ends on its verb, or on its verb and " on Friday": looked at before
    // the last comma is searched for. (The end of the text after the last comma, and its last
    // space when that lies after the comma, are those of `body`.)
    // Every verb ends in "d" or "s": a text whose last byte is neither, ASCII case ignored
    // (`| 0x20` lower-cases a letter and makes no other byte a "d" or an "s"), ends on none
    // and is not compared with each verb.
    let ends_on_verb = |t: &str| {
        matches!(t.as_bytes().last().map(|c| c | 0x20), Some(b'd' | b's'))
            && ATTRIBUTION_VERBS
                .iter()
                .any(|v| search::strip_suffix_ci(t, v).is_some())
    };
    if !ends_on_verb(body) && !ends_on_verb(on_date_cut(body)) {
        return s;
    }
    // The comma may close a quotation (`…,” the mayor said`): the quotation mark stays.
    // The last comma followed by a space or by a closing quotation mark and a space.
    let Some((k, sep)) = last_attribution_comma(body) else {
        return s;
    };
    let tail = &body[k + sep.len()..];
    // An optional "on Friday" after the verb: the last " on " with no space after it ends
    // at the last space.
    let tail_core = on_date_cut(tail);
    let verb = ATTRIBUTION_VERBS.iter().any(|v| {
        search::strip_suffix_ci(tail_core, v)
            .is_some_and(|who| who.ends_with(' ') && who.trim().split(' ').count() <= 10)
    });
    let plain = || {
        tail_core
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '-' | '’'))
    };
    if verb && k > 0 && plain() {
        // `body[..k]` and the separator without its space are a prefix of `s` (`body` is
        // one, and the separator starts at `k` in it): `s` cut there, in place.
        let keep = k + sep.trim_end().len();
        let mut s = s;
        s.truncate(keep);
        let n = s.trim_end_matches(", ").trim_end_matches(',').len();
        s.truncate(n);
        s
    } else {
        s
    }
}

/// `tail` without a last " on " that has no space after it (" on Friday"): that " on " ends
/// at the last space.
fn on_date_cut(tail: &str) -> &str {
    match last_space(tail) {
        Some(p) if p >= 3 && &tail.as_bytes()[p - 3..=p] == b" on " => &tail[..p - 3],
        _ => tail,
    }
}

/// The last comma of `body` followed by a space or by a closing quotation mark and a space,
/// with that separator: the commas are visited from the end, found eight bytes at a time.
fn last_attribution_comma(body: &str) -> Option<(usize, &'static str)> {
    let mut end = body.len();
    while let Some(k) = rfind_byte(body.as_bytes(), end, b',') {
        let sep = [", ", ",\u{201d} ", ",\" ", ",'' "]
            .into_iter()
            .find(|p| body[k..].starts_with(p));
        if let Some(sep) = sep {
            return Some((k, sep));
        }
        end = k;
    }
    None
}

/// Words that show a clause has a verb of its own (besides the event words).
const COMMON_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "said", "says", "can",
    "could", "may", "must",
];

fn has_verb(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        (w.len() > 3 && w.ends_with("ed") && !w.starts_with(|c: char| c.is_ascii_uppercase()))
            || COMMON_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v))
    }) || EVENT_WORD.find_iter(s).next().is_some()
}

/// Relative clauses that are asides ("Housing Minister Ana Ruiz, who flew to the coast, said
/// …"), dropped: a closed one wholly; an open one at the end is cut when the words before it
/// hold a verb ("…injured in the protests, which began") and otherwise becomes the clause's
/// own verb phrase ("Housing Minister Ana Ruiz, who flew to the coast" → "Housing Minister
/// Ana Ruiz flew to the coast").
fn drop_relative_clauses(mut s: String) -> String {
    const RELATIVES: &[&str] = &[", who ", ", which ", ", where "];
    for _ in 0..4 {
        let Some((k, r)) = find_at_comma(&s, RELATIVES) else {
            break;
        };
        let n = RELATIVES[r].len();
        let after = &s[k + n..];
        // (The text is changed in place: the head `s[..k]`, a space and what is kept after
        // the relative clause.)
        if let Some((close, _)) = find_at_comma(after, &[", "]) {
            s.replace_range(k..k + n + close + 2, " ");
            continue;
        }
        let head = &s[..k];
        if has_verb(head) || s[k..].starts_with(", where ") {
            s.truncate(k);
        } else {
            s.replace_range(k..k + n, " ");
        }
        break;
    }
    s
}

/// The first place where one of `needles` (each starting with a comma) starts in `s`, and
/// which one (the first listed when several start there): only the commas are visited,
/// found eight bytes at a time, and at each the two bytes after it are compared before the
/// rest of a needle (most commas start none).
fn find_at_comma(s: &str, needles: &[&str]) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = find_byte(b, from, b',') {
        let starts = |n: &&str| {
            let n = n.as_bytes();
            let next = n.get(1..).unwrap_or_default().iter().take(2);
            next.zip(&b[k + 1..]).all(|(x, y)| x == y) && b[k..].starts_with(n)
        };
        if let Some(n) = needles.iter().position(starts) {
            return Some((k, n));
        }
        from = k + 1;
    }
    None
}

/// The last `needle` (lower case, starting with a comma) in `s`, ASCII case ignored: only the
/// commas are visited, from the end, found eight bytes at a time, and at each the two bytes
/// after it are compared (as `search::starts_with_ci` compares them) before the rest.
fn rfind_at_comma_ci(s: &str, needle: &str) -> Option<usize> {
    let b = s.as_bytes();
    let next = needle.as_bytes().get(1..).unwrap_or_default();
    let mut end = s.len();
    while let Some(k) = rfind_byte(b, end, b',') {
        let near = next.iter().take(2).zip(&b[k + 1..]);
        if near
            .clone()
            .all(|(&x, &y)| y == x || y.to_ascii_lowercase() == x)
            && search::starts_with_ci(&s[k..], needle)
        {
            return Some(k);
        }
        end = k;
    }
    None
}

/// A short plain-language clause from a sentence: white space folded, wire tags, leading
/// time phrases and attributions dropped, cut near [`MAX_SUMMARY`] characters.
pub fn summarize(sentence: &str) -> String {
    summarize_in(sentence, &[], usize::MAX, &mut String::new())
}

/// [`summarize_in`] with a new scratch text.
#[cfg(test)]
fn summarize_with(clause: &str, dates: &[Range<usize>], event_at: usize) -> String {
    summarize_in(clause, dates, event_at, &mut String::new())
}

/// [`summarize`], with the byte ranges of `clause` that hold dates dropped too; the date of
/// the event starts at `event_at` (a leading phrase that holds it is kept). The text is first
/// built in the allocation of `scratch`, which then keeps one for the next summary (the
/// clause's text, before it is cut to a summary, was allocated and freed for each one).
fn summarize_in(
    clause: &str,
    dates: &[Range<usize>],
    event_at: usize,
    scratch: &mut String,
) -> String {
    let out = without_dates(clause, dates, event_at, std::mem::take(scratch));
    // The fold left single spaces between words and no other white space; only dropping a
    // bracketed tag can leave a space at the end ("… [Photo]"). Without one, the passes up
    // to the fold keep it so ([`fold_marks`]), and only the date marks are left to fold.
    let bracketed = out.contains('[');
    let s = tidy_owned(if bracketed { drop_brackets(out) } else { out });
    let s = drop_leading(s);
    let folded = if bracketed {
        fold_white_space(&s)
    } else {
        fold_marks(&s)
    };
    *scratch = s;
    let s = tidy_owned(folded);
    let s = drop_trailing_attribution(s);
    let mut s = drop_relative_clauses(s);
    // A quotation whose attribution went ends on its own comma: a full stop instead.
    for q in ["\u{201d}", "\"", "''"] {
        if s.strip_suffix(q).is_some_and(|head| head.ends_with(',')) {
            let comma = s.len() - q.len() - 1;
            s.replace_range(comma..=comma, ".");
        }
    }
    if let Some(k) = rfind_at_comma_ci(&s, ", according to ") {
        if k > 20 {
            s.truncate(k);
        }
    }
    let kept = s
        .trim_end_matches(|c: char| c == '.' || c == ',' || c == ';' || c.is_whitespace())
        .len();
    s.truncate(kept);
    // More than MAX_SUMMARY characters: counted only that far (not at all when the first
    // MAX_SUMMARY + 1 bytes are ASCII). The cut text is a prefix of `s`.
    let long = match s.as_bytes().get(..=MAX_SUMMARY) {
        Some(h) if h.is_ascii() => true,
        Some(_) => s.chars().nth(MAX_SUMMARY).is_some(),
        None => false,
    };
    if long {
        let n = cut(&s).len();
        s.truncate(n);
    }
    let mut s = capitalize(s);
    if !s.ends_with(['.', '!', '?', '"', '”']) {
        s.push('.');
    }
    s
}

/// The text of `clause` without its dates (`dates`, with the words they lean on) and its
/// parenthesized asides, white space folded, built in the allocation of `text`: the date
/// of the event (at `event_at`) leaves a [`DATE_MARK`], the others a space.
fn without_dates(clause: &str, dates: &[Range<usize>], event_at: usize, text: String) -> String {
    // Drop the dates with the words they lean on, and parenthesized asides: the pieces kept
    // go straight into the fold.
    let mut kept = AsideFold::reusing(text, clause.len());
    let mut pos = 0;
    for r in dates {
        if r.start < pos || r.end > clause.len() {
            continue;
        }
        let mut start = r.start;
        for w in words_before(clause, pos, r.start, 3) {
            if !DATE_LEAD.iter().any(|x| w.eq_ignore_ascii_case(x)) {
                break;
            }
            if let Some(k) = search::rfind(&clause[pos..start], w) {
                start = pos + k;
            }
        }
        kept.push(&clause[pos..start]);
        kept.push(if r.start == event_at {
            DATE_MARK_STR
        } else {
            " "
        });
        pos = r.end;
        // "Friday's bombing" loses its "'s" with the date.
        for poss in ["'s ", "’s "] {
            if clause[pos..].starts_with(poss) {
                pos += poss.len() - 1;
            }
        }
    }
    kept.push(&clause[pos..]);
    kept.out.text
}

/// `s` with the date marks as spaces and each run of white space as one space, trimmed.
fn fold_white_space(s: &str) -> String {
    let b = s.as_bytes();
    // (Room for the full stop a summary may end with.)
    let mut out = Folded::with_capacity(s.len() + 1);
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if run < i {
            i = skip_plain(b, i);
            if i >= b.len() {
                break;
            }
        }
        if let Some(next) = within_run(b, run, i) {
            i = next;
            continue;
        }
        let gap = match b[i] {
            DATE_MARK_BYTE => 1,
            _ => white_space_len(s, i),
        };
        if gap == 0 {
            i += 1;
            continue;
        }
        out.push_run(&s[run..i]);
        out.gap();
        i += gap;
        run = i;
    }
    out.push_run(&s[run..]);
    out.text
}

/// [`fold_white_space`] of a text whose only white space is single ASCII spaces, none at
/// either end, except next to date marks: the text of a summary after [`AsideFold`] (which
/// folds every white space but keeps the marks as text), [`tidy`] (which drops spaces before
/// punctuation and commas after commas, so never joins two spaces nor leaves one at an end,
/// and trims leading ones) and [`drop_leading`] (which keeps such a text or a suffix of it,
/// tidied, or a suffix after "that ", which may start with a mark). The fold of such a text
/// changes only its runs of spaces and marks that hold a mark: one space inside the text,
/// nothing at either end. So only the marks are looked for (eight bytes at a time), and the
/// text between those runs is copied in one piece.
fn fold_marks(s: &str) -> String {
    let b = s.as_bytes();
    let gap = |c: u8| c == b' ' || c == DATE_MARK_BYTE;
    // (Room for the full stop a summary may end with: a text with no mark is copied whole.)
    let mut out = String::with_capacity(s.len() + 1);
    // The text up to `run` is folded into `out`; `b[run]` (when there) is no space or mark.
    let mut run = 0;
    while let Some(m) = find_byte(b, run, DATE_MARK_BYTE) {
        let mut start = m;
        while start > run && gap(b[start - 1]) {
            start -= 1;
        }
        let mut end = m + 1;
        while end < b.len() && gap(b[end]) {
            end += 1;
        }
        out.push_str(&s[run..start]);
        // Text before the run (it ends on no space) and after it: one space between.
        if start > 0 && end < b.len() {
            out.push(' ');
        }
        run = end;
    }
    out.push_str(&s[run..]);
    out
}

/// `kept` without parenthesized asides, and with each run of white space as one space,
/// trimmed ([`AsideFold`]).
#[cfg(test)]
fn drop_asides_and_fold(kept: &str) -> String {
    let mut fold = AsideFold::with_capacity(kept.len());
    fold.push(kept);
    fold.out.text
}

/// Text being built without parenthesized asides, and with each run of white space as one
/// space, trimmed, from pieces given one after the other (what is kept of a clause around
/// its dates): the depth of parentheses and a pending space carry over from piece to piece,
/// so the pieces are folded as their concatenation would be, and never copied first.
struct AsideFold {
    out: Folded,
    depth: u32,
}

impl AsideFold {
    #[cfg(test)]
    fn with_capacity(n: usize) -> AsideFold {
        AsideFold::reusing(String::new(), n)
    }

    /// A fold that writes into `text` (emptied), with room for `n` bytes.
    fn reusing(mut text: String, n: usize) -> AsideFold {
        text.clear();
        text.reserve(n);
        AsideFold {
            out: Folded { text, space: false },
            depth: 0,
        }
    }

    /// The next piece, in one pass that copies the runs of text that need no change (words
    /// and the single spaces between them) in one piece each.
    fn push(&mut self, piece: &str) {
        let b = piece.as_bytes();
        let out = &mut self.out;
        let (mut run, mut i) = (0, 0);
        while i < b.len() {
            if self.depth > 0 {
                match b[i] {
                    b'(' => self.depth += 1,
                    b')' => self.depth -= 1,
                    _ => {}
                }
                i += 1;
                run = i;
                continue;
            }
            if run < i {
                i = skip_plain(b, i);
                if i >= b.len() {
                    break;
                }
            }
            if let Some(next) = within_run(b, run, i) {
                i = next;
                continue;
            }
            // A ")" with no "(" before it is kept.
            let gap = match b[i] {
                b'(' => 1,
                _ => white_space_len(piece, i),
            };
            if gap == 0 {
                i += 1;
                continue;
            }
            out.push_run(&piece[run..i]);
            if b[i] == b'(' {
                self.depth = 1;
            } else {
                out.gap();
            }
            i += gap;
            run = i;
        }
        out.push_run(&piece[run..]);
    }
}

/// How the folds see a byte: text, an ASCII space, or a byte to look at closely (other
/// ASCII white space, a date mark, a parenthesis, a lead byte of a possible non-ASCII space).
static FOLD_CLASS: [u8; 256] = {
    let mut t = [TEXT; 256];
    t[b' ' as usize] = SPACE;
    let mut c = b'\t';
    while c <= b'\r' {
        t[c as usize] = CLOSER;
        c += 1;
    }
    t[DATE_MARK_BYTE as usize] = CLOSER;
    t[b'(' as usize] = CLOSER;
    t[0xC2] = CLOSER;
    t[0xE1] = CLOSER;
    t[0xE2] = CLOSER;
    t[0xE3] = CLOSER;
    t
};
const TEXT: u8 = 0;
const SPACE: u8 = 1;
const CLOSER: u8 = 2;

/// Where the scan of a fold goes on when the byte at `i` continues the run of text that
/// started at `run` unchanged: a text byte, or a single ASCII space between two text bytes
/// (which a fold would give back as it is). `None` when the byte needs a closer look.
fn within_run(b: &[u8], run: usize, i: usize) -> Option<usize> {
    match FOLD_CLASS[usize::from(b[i])] {
        TEXT => Some(i + 1),
        SPACE
            if run < i
                && b.get(i + 1)
                    .is_some_and(|&n| FOLD_CLASS[usize::from(n)] == TEXT) =>
        {
            Some(i + 2)
        }
        _ => None,
    }
}

/// Where the scan of a fold goes on after the bytes from `i` that [`within_run`] would pass
/// over one by one (inside a run: `i` is past its start), eight bytes at a time: up to the
/// first byte that may need a closer look (a byte up to 0x0D, a `(`, a lead byte from 0xC0,
/// a space), except a space whose next byte is none of those and lies in the same eight.
/// Every byte before it is text or a single space between text bytes, as in `within_run`.
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const LAST_BYTE: u64 = 0x80 << 56;
    while let Some(x) = swar::load(b, i) {
        let ascii = !x & swar::HIGH_BITS;
        // (0x0D | 0x80) - v keeps the high bit of each byte whose low seven bits are at
        // most 0x0D (no borrow leaves a byte); and bits 7 and 6 both set is 0xC0 or more.
        let low = ((swar::splat(0x0D) | swar::HIGH_BITS) - (x & !swar::HIGH_BITS)) & ascii;
        let lead = x & (x << 1) & swar::HIGH_BITS;
        let closer = low | lead | swar::bytes_equal(x, b'(');
        let space = swar::bytes_equal(x, b' ');
        let look = closer | (space & ((closer | space) >> 8 | LAST_BYTE));
        if look != 0 {
            return i + (look.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// Text being built with white space folded: a gap becomes one space before the next
/// characters, unless nothing precedes it.
struct Folded {
    text: String,
    space: bool,
}

impl Folded {
    fn with_capacity(n: usize) -> Folded {
        Folded {
            text: String::with_capacity(n),
            space: false,
        }
    }

    /// White space (or a date mark) between runs.
    fn gap(&mut self) {
        self.space = !self.text.is_empty();
    }

    /// A run of characters that are kept, after the pending space.
    fn push_run(&mut self, run: &str) {
        if run.is_empty() {
            return;
        }
        if std::mem::take(&mut self.space) {
            self.text.push(' ');
        }
        self.text.push_str(run);
    }
}

/// The byte length of the white-space character (`char::is_whitespace`) at byte `i` of `s`,
/// 0 when it is none: ASCII bytes by a comparison, and only the lead bytes that can start a
/// non-ASCII space (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000) decoded. A continuation
/// byte is never white space.
fn white_space_len(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => match s[i..].chars().next() {
            Some(ch) if ch.is_whitespace() => ch.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// Stands for a dropped date while a summary is built (so that a leading phrase that held
/// the date is kept).
const DATE_MARK: char = '\u{1}';

/// [`DATE_MARK`] as a byte.
const DATE_MARK_BYTE: u8 = 1;

/// [`DATE_MARK`] as a text.
const DATE_MARK_STR: &str = "\u{1}";

/// Spaces before punctuation and empty comma pairs left by dropped dates, removed (in one
/// pass: a space before `,` `.` `;` goes, and of two commas in a row one goes), and the
/// leading punctuation.
fn tidy(s: &str) -> String {
    let s = s.trim_start_matches(TIDY_LEAD);
    match first_tidy_drop(s.as_bytes()) {
        Some(first) => tidy_from(s, first),
        None => s.to_string(),
    }
}

/// The leading characters [`tidy`] drops.
const TIDY_LEAD: [char; 7] = [',', ';', ':', ' ', '-', '—', DATE_MARK];

/// [`tidy`] of an owned text: a text it leaves as it is (most of them, apart from their
/// leading punctuation) is given back, not copied.
fn tidy_owned(mut s: String) -> String {
    let lead = s.len() - s.trim_start_matches(TIDY_LEAD).len();
    s.drain(..lead);
    match first_tidy_drop(s.as_bytes()) {
        Some(first) => tidy_from(&s, first),
        None => s,
    }
}

/// The first byte [`tidy`] drops (a space before `,` `.` `;`, or a comma after a comma):
/// each such byte is next to a punctuation mark, and those are found eight bytes at a time
/// (a comma or full stop in a word of eight bytes: `c | 2 == b'.'` also takes `-` and `/`,
/// looked at and let go). A candidate punctuation mark at `k` drops byte `k - 1` or `k`, so
/// the first candidate that drops anything gives the first byte dropped.
fn first_tidy_drop(b: &[u8]) -> Option<usize> {
    let drops = |k: usize| -> Option<usize> {
        match (b[k], k.checked_sub(1).map(|p| b[p])) {
            (b',' | b'.' | b';', Some(b' ')) => Some(k - 1),
            (b',', Some(b',')) => Some(k),
            _ => None,
        }
    };
    let mut i = 0;
    while let Some(x) = swar::load(b, i) {
        let mut hits = swar::bytes_equal(x | swar::splat(2), b'.') | swar::bytes_equal(x, b';');
        while hits != 0 {
            let k = i + (hits.trailing_zeros() / 8) as usize;
            if let Some(d) = drops(k) {
                return Some(d);
            }
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..b.len()).find_map(drops)
}

/// [`tidy`] of a text with no leading punctuation, whose first byte dropped is `first`:
/// only the punctuation marks from there are visited (found eight bytes at a time as in
/// [`first_tidy_drop`]), and the text between the bytes dropped is copied in one piece.
///
/// A `,` `.` `;` at `k` drops the space before it; a comma at `k` drops itself when the last
/// byte kept before it (byte `k - 1`, or `k - 2` past a dropped space) is a comma that has
/// not itself been dropped as the second of a pair.
fn tidy_from(s: &str, first: usize) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Only ASCII bytes are dropped, so the runs kept between them are whole characters.
    let mut run = 0;
    // The last comma dropped (none yet: every byte before `first` is kept).
    let mut dropped_comma = usize::MAX;
    let mut visit = |k: usize| {
        if !matches!(b[k], b',' | b'.' | b';') {
            return;
        }
        let space = k > 0 && b[k - 1] == b' ';
        if space {
            out.push_str(&s[run..k - 1]);
            run = k;
        }
        if b[k] == b',' {
            let before = if space {
                k.checked_sub(2)
            } else {
                k.checked_sub(1)
            };
            if before.is_some_and(|p| b[p] == b',' && p != dropped_comma) {
                out.push_str(&s[run..k]);
                run = k + 1;
                dropped_comma = k;
            }
        }
    };
    let mut i = first;
    while let Some(x) = swar::load(b, i) {
        let mut hits = swar::bytes_equal(x | swar::splat(2), b'.') | swar::bytes_equal(x, b';');
        while hits != 0 {
            visit(i + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..b.len()).for_each(&mut visit);
    out.push_str(&s[run..]);
    out
}

/// Leading connectives and time phrases, dropped with the comma after them ("but", "and",
/// "then" with a space too).
const LEADS: &[&str] = &[
    "at the same time",
    "in addition",
    "meanwhile",
    "earlier",
    "later",
    "however",
    "but",
    "and",
    "also",
    "then",
    "hours later",
    "days later",
    "moments later",
    "overnight",
    "since then",
];

/// The length of the longest of [`LEADS`] ("at the same time").
const LONGEST_LEAD: usize = 16;

/// Leading connectives and time phrases ("Earlier,", "At the same time,") and leading
/// attributions ("According to police,", "Police said that") dropped.
fn drop_leading(mut s: String) -> String {
    loop {
        if let Some(l) = leading_lead(&s) {
            s = tidy(&s[l.len()..]);
            continue;
        }
        // An unmarked dateline ("Managua, -- The …"): the text after its dashes (looked for
        // only when a hyphen is there at all).
        let dashes = head(&s, 80 + 2);
        if dashes.as_bytes().contains(&b'-') {
            if let Some(k) = search::find(dashes, "-- ").filter(|k| *k < 80) {
                s = tidy(&s[k + 3..]);
                continue;
            }
        }
        // A dateline left after its date was dropped ("YAOUNDÉ, - Cameroon has …").
        // Only a dash starting in the first 40 bytes counts (the longest is 5 bytes).
        let dash = first_dash(head(&s, 40 + 4)).map(|(k, d)| (k, DASHES[d].len()));
        if let Some((k, n)) = dash.filter(|(k, _)| *k < 40) {
            // All capitals ("YAOUNDÉ, -"), or a wire dateline opening with a capital city
            // ("LUSAKA, Zambia _").
            let caps_city = s[..k]
                .split(',')
                .next()
                .is_some_and(|w| w.len() > 2 && !w.bytes().any(|b| b.is_ascii_lowercase()));
            if !s[..k].bytes().any(|b| b.is_ascii_lowercase())
                || (n == 3 && &s[k..k + 3] == " _ " && caps_city)
            {
                s = tidy(&s[k + n..]);
                continue;
            }
        }
        // "Geneva:" — a place or label before a colon.
        if let Some(k) = label_colon(&s) {
            s = tidy(&s[k + 1..]);
            continue;
        }
        // A leading subordinate phrase ("Amid reports of violence, …", "When X left, …").
        if opens_subordinate(&s) {
            // Not when the phrase holds a date: then it is the event.
            let phrase_end = search::find(&s, ", ").filter(|k| s.len() - k > 25);
            if let Some(k) = phrase_end.filter(|k| !s[..*k].contains(DATE_MARK)) {
                s = tidy(&s[k + 1..]);
                continue;
            }
        }
        if search::starts_with_ci(&s, "according to ") {
            if let Some(k) = search::find(&s, ", ").filter(|k| *k < 70) {
                s = tidy(&s[k + 1..]);
                continue;
            }
        }
        break;
    }
    // "Police said (that) 40 people were arrested": the report, when it is itself an event.
    if let Some((k, verb)) = speech_verb(&s) {
        let rest = &s[k + verb.len()..];
        let speaker = &s[..k];
        // The speaker first: the event words are looked for only after a plain one.
        let is_event = || {
            EVENT_WORD.find_iter(rest).any(|m| {
                let w = &rest[m.start..m.end];
                !SPEECH.iter().any(|x| w.eq_ignore_ascii_case(x))
            })
        };
        if !speaker.contains(',') && speaker.split(' ').count() <= 8 && is_event() {
            let mut rest = tidy(rest);
            // "said in a statement that …": the statement's content.
            if let Some(after) = rest.strip_prefix("in a statement ") {
                rest = tidy(after);
            }
            let content = rest
                .strip_prefix("that ")
                .map_or(rest.clone(), str::to_string);
            // "… said it assessed the risk": a pronoun needs its speaker; keep the report.
            let first = content.split(' ').next().unwrap_or("");
            if ["it", "they", "he", "she", "we", "its", "their"]
                .iter()
                .any(|p| first.eq_ignore_ascii_case(p))
            {
                return s;
            }
            return content;
        }
    }
    s
}

/// The one of [`LEADS`] that opens `s` before a comma (or "but", "and", "then" before a
/// space). A lead holds no comma, so it is the text before the first comma: only the leads
/// of that length are compared (at most one fits: they differ, and "but", "and", "then"
/// before a space start no other).
fn leading_lead(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    let starts_ci = |l: &str| b.len() > l.len() && b[..l.len()].eq_ignore_ascii_case(l.as_bytes());
    let comma = b.iter().take(LONGEST_LEAD + 1).position(|&c| c == b',');
    comma
        .and_then(|p| LEADS.iter().find(|l| l.len() == p && starts_ci(l)))
        .or_else(|| {
            ["but", "and", "then"]
                .iter()
                .find(|l| b.get(l.len()) == Some(&b' ') && starts_ci(l))
        })
        .copied()
}

/// The dashes of a dateline left after its date was dropped ([`drop_leading`]).
const DASHES: &[&str] = &[" - ", " — ", " – ", " _ "];

/// The first of [`DASHES`] in `s` and which one (as `search::find_any` gives it): each starts
/// with a space and then `-`, `_` or the lead byte 0xE2, so only such spaces, found eight
/// bytes at a time, are compared, with the dashes in list order.
fn first_dash(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let at = |k: usize| {
        DASHES
            .iter()
            .position(|d| b[k..].starts_with(d.as_bytes()))
            .map(|d| (k, d))
    };
    let mut i = 0;
    while let (Some(x), Some(y)) = (swar::load(b, i), swar::load(b, i + 1)) {
        let second =
            swar::bytes_equal(y, b'-') | swar::bytes_equal(y, b'_') | swar::bytes_equal(y, 0xE2);
        let mut hits = swar::bytes_equal(x, b' ') & second;
        while hits != 0 {
            if let Some(found) = at(i + (hits.trailing_zeros() / 8) as usize) {
                return Some(found);
            }
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..b.len()).filter(|&k| b[k] == b' ').find_map(at)
}

/// Does one of [`SUBORDINATE`] open `s`, before a space? Its first word ends at the first
/// space of `s`: only the openers whose first word is that long are compared.
fn opens_subordinate(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().take(16).position(|&c| c == b' ').is_some_and(|q| {
        SUBORDINATE.iter().any(|w| {
            (w.len() == q || w.as_bytes().get(q) == Some(&b' '))
                && search::starts_with_ci(s, w)
                && b.get(w.len()) == Some(&b' ')
        })
    })
}

/// `s` cut to its first `n` bytes, or a little more to end on a character boundary: a
/// search for a match that must start early reads no further than it needs to.
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    &s[..end]
}

/// Where a label before a colon ends ("Geneva: …", "Aid convoy attacked: …"): the first ": "
/// with at most three words (two spaces) before it. The scan stops at the third space,
/// since a later colon has more words before it.
fn label_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut spaces = 0;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b':' if b.get(k + 1) == Some(&b' ') => return Some(k),
            b' ' if spaces == 2 => return None,
            b' ' => spaces += 1,
            _ => {}
        }
    }
    None
}

/// Verbs of a report whose content may be the event ("Police said (that) …"), most specific
/// first.
const REPORT_VERBS: &[&str] = &[
    " said that ",
    " says that ",
    " reported that ",
    " announced that ",
    " said ",
    " says ",
];

/// The first verb of [`REPORT_VERBS`] (in list order) whose first occurrence in `s` (ASCII
/// case ignored) starts before byte 70, and that occurrence: one pass over those 70 bytes
/// instead of a search of the whole text per verb.
fn speech_verb(s: &str) -> Option<(usize, &'static str)> {
    let b = s.as_bytes();
    let limit = b.len().min(70);
    // The earliest-listed verb found so far and where: a later place can only give a verb
    // listed before it.
    let mut best: Option<(usize, usize)> = None;
    let mut visit = |k: usize| {
        // Every verb starts with a space and then "sa", "re" or "an" (`| 0x20` lower-cases
        // a letter and makes no other byte one of these): only the verbs so starting, in
        // list order, are compared.
        let next = [1, 2].map(|d| b.get(k + d).map_or(0, |c| c | 0x20));
        let verbs: &[usize] = match &next {
            b"sa" => &[0, 1, 4, 5],
            b"re" => &[2],
            b"an" => &[3],
            _ => return,
        };
        for &v in verbs {
            if best.is_some_and(|(w, _)| w <= v) {
                break;
            }
            if search::starts_with_ci(&s[k..], REPORT_VERBS[v]) {
                best = Some((v, k));
                break;
            }
        }
    };
    // The spaces before an "s", "r" or "a" of either case, eight bytes at a time, in order.
    let mut i = 0;
    while i < limit {
        let (Some(x), Some(y)) = (swar::load(b, i), swar::load(b, i + 1)) else {
            break;
        };
        let lower = y | swar::splat(0x20);
        let next = swar::bytes_equal(lower, b's')
            | swar::bytes_equal(lower, b'r')
            | swar::bytes_equal(lower, b'a');
        let mut hits = swar::bytes_equal(x, b' ') & next;
        if limit - i < 8 {
            hits &= (1u64 << (8 * (limit - i))) - 1;
        }
        while hits != 0 {
            visit(i + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..limit).filter(|&k| b[k] == b' ').for_each(visit);
    best.map(|(v, k)| (k, REPORT_VERBS[v]))
}

/// Words that open a leading subordinate phrase, dropped up to its comma.
const SUBORDINATE: &[&str] = &[
    "amid",
    "after",
    "following",
    "when",
    "while",
    "as",
    "despite",
    "with",
    "since",
    "before",
    "although",
    "ahead of",
    "just ahead of",
    "in the wake of",
    "contrary to",
];

/// `s` cut before [`MAX_SUMMARY`] characters at the last clause boundary (else a word one):
/// a prefix of `s`.
fn cut(s: &str) -> &str {
    // Where the character after the first MAX_SUMMARY starts: that many bytes on when those
    // are ASCII.
    let limit = match s.as_bytes().get(..MAX_SUMMARY) {
        Some(h) if s.len() > MAX_SUMMARY && h.is_ascii() => MAX_SUMMARY,
        _ => s
            .char_indices()
            .nth(MAX_SUMMARY)
            .map_or(s.len(), |(i, _)| i),
    };
    let head = &s[..limit];
    let boundary = last_clause_boundary(head);
    let mut k = boundary.or_else(|| last_space(head)).unwrap_or(limit);
    // A word cut must not split a name ("the Friendship | Bridge"): finish a short name
    // (up to three more capitalized words) rather than drop it.
    if boundary.is_none() && k < s.len() {
        let last_cap = last_word(&s[..k]).starts_with(|c: char| c.is_uppercase());
        let mut end = k;
        let mut added = 0;
        while last_cap && added < 3 {
            let rest = &s[end..];
            let word_len = rest.trim_start().split(' ').next().map_or(0, str::len);
            let lead = rest.len() - rest.trim_start().len();
            let word = &rest[lead..lead + word_len];
            if word.is_empty() || !word.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            end += lead + word_len;
            added += 1;
        }
        if added > 0 && end - k <= 30 {
            k = end;
        }
    }
    // Nor end on an initial or split a longer name: back off to before it.
    while boundary.is_none() {
        let next_cap = s[k..].trim_start().starts_with(|c: char| c.is_uppercase());
        let last = last_word(&s[..k]);
        let last_cap = last.starts_with(|c: char| c.is_uppercase());
        let initial = last.len() <= 2 && last.ends_with('.');
        match last_space(&s[..k]) {
            Some(p) if p > 25 && ((next_cap && last_cap) || initial) => k = p,
            _ => break,
        }
    }
    let mut out = s[..k].trim_end_matches([',', ';', ':', ' ']);
    // A cut inside a phrase must not end on a function word ("leading to the").
    while let Some(k) = last_space(out) {
        let last = &out[k + 1..];
        if !FUNCTION_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            break;
        }
        out = out[..k].trim_end_matches([',', ';', ':', ' ']);
    }
    out
}

/// The text after the last space of `s` (all of it when it has none).
fn last_word(s: &str) -> &str {
    &s[last_space(s).map_or(0, |p| p + 1)..]
}

/// Where a summary may be cut at a clause boundary (what [`last_clause_boundary`] looks for).
#[cfg(test)]
const CLAUSE_BOUNDARIES: &[&str] = &[", ", "; ", " — ", " – ", " while ", " but "];

/// The last clause boundary (`, ` `; ` ` — ` ` – ` ` while ` ` but `) in `head` that starts
/// at byte 25 or later: read backwards eight bytes at a time, where only the bytes that can
/// start a boundary with the byte after them (a `,` or `;` before a space; a space before
/// 0xE2, `w` or `b`) are compared; it stops at the first boundary it meets.
fn last_clause_boundary(head: &str) -> Option<usize> {
    let b = head.as_bytes();
    // The byte after the first tells which boundaries can start there.
    let at = |k: usize, p: &str| b[k..].starts_with(p.as_bytes());
    let starts = |k: usize| match (b[k], b.get(k + 1)) {
        (b',' | b';', Some(b' ')) => true,
        (b' ', Some(0xE2)) => at(k, " — ") || at(k, " – "),
        (b' ', Some(b'w')) => at(k, " while "),
        (b' ', Some(b'b')) => at(k, " but "),
        _ => false,
    };
    // Every boundary has a byte after its first: the last byte starts none.
    let mut end = b.len().saturating_sub(1);
    // The eight bytes before `end`, and the eight after each of them.
    while end >= 25 + 8 {
        let (Some(x), Some(y)) = (swar::load(b, end - 8), swar::load(b, end - 7)) else {
            break;
        };
        let punct =
            (swar::bytes_equal(x, b',') | swar::bytes_equal(x, b';')) & swar::bytes_equal(y, b' ');
        let space = swar::bytes_equal(x, b' ')
            & (swar::bytes_equal(y, 0xE2)
                | swar::bytes_equal(y, b'w')
                | swar::bytes_equal(y, b'b'));
        let mut hits = punct | space;
        while hits != 0 {
            // The highest bit set marks the last candidate.
            let k = end - 1 - (hits.leading_zeros() / 8) as usize;
            if starts(k) {
                return Some(k);
            }
            hits &= !(0x80 << (8 * (k + 8 - end)));
        }
        end -= 8;
    }
    (25..end).rev().find(|&k| starts(k))
}

/// Words a summary must not end on.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "for", "and", "or", "at", "on", "with", "from", "by",
    "its", "their", "his", "her", "that", "as", "into", "between", "after", "before", "about",
    "against", "over", "under",
];

/// `s` with its first character in upper case: in place when that is ASCII or has no
/// upper case of its own (an opening quotation mark), else copied once.
fn capitalize(mut s: String) -> String {
    if s.starts_with(|c: char| c.is_ascii()) {
        s[..1].make_ascii_uppercase();
        return s;
    }
    let Some(f) = s.chars().next() else {
        return s;
    };
    let upper = f.to_uppercase();
    if upper.clone().eq([f]) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 4);
    out.extend(upper);
    out.push_str(&s[f.len_utf8()..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates;
    use crate::testing::Rng;
    use chrono::NaiveDate;

    fn timeline(text: &str, reference: (i32, u32, u32)) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let (y, m, d) = reference;
        let times = dates::extract(&doc, NaiveDate::from_ymd_opt(y, m, d));
        let tl = build(&doc, &times);
        for e in &tl {
            assert_eq!(&text[e.evidence.start..e.evidence.end], e.evidence.text);
        }
        tl.into_iter().map(|e| (e.date, e.summary)).collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn dated_event_sentences_become_sorted_entries() {
        let text = "Police arrested 40 people on Thursday. Protests began on Sunday, officials said. The weather was mild on Monday.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[
                ("2022-01-02", "Protests began."),
                ("2022-01-06", "Police arrested 40 people.")
            ])
        );
    }

    #[test]
    fn one_entry_per_clause_asides_and_attribution_dates_do_not_add_events() {
        // 2025-03-06 is a Thursday.
        let text = "A strong quake struck the hill town late on Wednesday, killing nine people, officials said on Thursday. The quake hit at 11:40 p.m. (0440 GMT Thursday) near the river.";
        let got = timeline(text, (2025, 3, 6));
        assert_eq!(
            got,
            pairs(&[
                // The second sentence's only day is in parentheses: no entry of its own.
                (
                    "2025-03-05",
                    "A strong quake struck the hill town, killing nine people."
                )
            ])
        );
        // A statement with no other date is an event on its day.
        let got = timeline(
            "The minister on Thursday urged all sides to refrain from violence.",
            (2022, 1, 6),
        );
        assert_eq!(
            got,
            pairs(&[(
                "2022-01-06",
                "The minister urged all sides to refrain from violence."
            )])
        );
    }

    #[test]
    fn events_named_by_their_date_and_run_on_sentences() {
        // "the Jan. 2 bombing" is an event of its own day; the clause's own date is Tuesday.
        let text =
            "Investigators on Tuesday questioned two men over the Jan. 2 bombing of the market.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[
                ("2022-01-02", "Bombing of the market."),
                (
                    "2022-01-04",
                    "Investigators questioned two men over the bombing of the market."
                )
            ])
        );
        // A full stop with no space after it still ends a clause; a day beats a month.
        let text = "Police say a boy was injured yesterday.Gunfire broke out early Saturday in March at a party.";
        let got = timeline(text, (2022, 3, 7));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "2022-03-05");
        assert_eq!(got[1].0, "2022-03-06");
        // A stray bracket (an escape code) is no aside.
        let text = "Rebels \u{1b}[31m clashed with police on Tuesday.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[("2022-01-04", "Rebels \u{1b}[31m clashed with police.")])
        );
        // An unmarked dateline's date is not an event.
        let text = "Leon (Nicaragua), 27 Aug 88 (Radio) -- Rebels attacked a patrol yesterday.";
        let got = timeline(text, (1988, 8, 27));
        assert_eq!(got, pairs(&[("1988-08-26", "Rebels attacked a patrol.")]));
    }

    #[test]
    fn deadlines_are_events() {
        let text = "On Wednesday the council declared a state of emergency in the two provinces that will remain in force until January 19.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[
                (
                    "2022-01-05",
                    "The council declared a state of emergency in the two provinces that will remain in force."
                ),
                ("2022-01-19", "State of emergency due to end.")
            ])
        );
        let text = "The curfew is due to end on Sunday, the mayor said.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[("2022-01-09", "Curfew due to end.")])
        );
        // "until" that ends nothing known keeps the clause.
        let text = "Rescuers searched the valley until Tuesday.";
        assert_eq!(
            timeline(text, (2022, 1, 6)),
            pairs(&[("2022-01-04", "Rescuers searched the valley.")])
        );
    }

    #[test]
    fn summaries_drop_attributions_and_leading_time_phrases() {
        assert_eq!(
            summarize("Twelve officers died, the Interior Ministry said."),
            "Twelve officers died."
        );
        assert_eq!(
            summarize("A police spokesperson said that protesters stormed the city hall."),
            "Protesters stormed the city hall."
        );
        assert_eq!(
            summarize("According to local radio, six more people were killed in the hamlet."),
            "Six more people were killed in the hamlet."
        );
        assert_eq!(
            summarize("KOUSSÉRI, - Troops opened fire on the march."),
            "Troops opened fire on the march."
        );
        assert_eq!(
            summarize("At the same time, troops opened fire on the march."),
            "Troops opened fire on the march."
        );
        // A statement with no event in it stays a statement.
        assert_eq!(
            summarize("The mayor said the city was calm."),
            "The mayor said the city was calm."
        );
    }

    #[test]
    fn summaries_read_as_plain_clauses() {
        // A closed relative clause is an aside: dropped.
        assert_eq!(
            summarize("Housing Minister Ana Ruiz, who flew to the coast, promised new shelters."),
            "Housing Minister Ana Ruiz promised new shelters."
        );
        // An open one after a subject alone becomes the verb phrase.
        assert_eq!(
            summarize("Housing Minister Ana Ruiz, who flew to the coast."),
            "Housing Minister Ana Ruiz flew to the coast."
        );
        // An open one left dangling by a dropped date is cut.
        let text = "Dozens of people were hurt in the riots, which began on Sunday.";
        let got = timeline(text, (2022, 1, 6));
        assert_eq!(
            got,
            pairs(&[("2022-01-02", "Dozens of people were hurt in the riots.")])
        );
        // A trailing attribution with a title and a day goes; a comma clause that is not
        // one stays.
        assert_eq!(
            summarize(
                "The dam gave way near the mill, a regional fire chief told reporters on Friday."
            ),
            "The dam gave way near the mill."
        );
        assert_eq!(
            summarize("The dam gave way near the mill, flooding the lower town."),
            "The dam gave way near the mill, flooding the lower town."
        );
        // A dropped date takes its possessive with it; a wire dateline with "_" goes.
        let text = "LUSAKA, Zambia _ Police on Tuesday questioned two men about Monday's blast at the depot.";
        let got = timeline(text, (2022, 1, 6));
        assert_eq!(
            got[1],
            (
                "2022-01-04".to_string(),
                "Police questioned two men about blast at the depot.".to_string()
            )
        );
        // Tags in brackets go; a stray bracket stays.
        assert_eq!(
            summarize("[Photo] Troops entered the town."),
            "Troops entered the town."
        );
        assert_eq!(drop_brackets("a [b".to_string()), "a [b");
        // A statement's content; a quotation keeps a full stop when its speaker goes.
        assert_eq!(
            summarize("The ministry said in a statement that troops were deployed to the border."),
            "Troops were deployed to the border."
        );
        assert_eq!(
            summarize("\u{201c}The river rose in an hour,\u{201d} the mayor said."),
            "\u{201c}The river rose in an hour.\u{201d}"
        );
    }

    #[test]
    fn word_cuts_do_not_split_names_or_initials() {
        let s = summarize("Rebel leader Tomas Ortega kept his fighters out of the capital pending talks with Deputy Prime Minister Helena Marquez and others");
        assert!(!s.ends_with("Helena.") && !s.ends_with("Minister."), "{s}");
        // A short name is finished rather than dropped, a little past the limit.
        assert!(s.ends_with("Helena Marquez."), "{s}");
        assert!(s.chars().count() <= MAX_SUMMARY + 31, "{s}");
        let s = summarize("Soldiers fired on the crowd of several thousand protesters who had blocked the Friendship Bridge since dawn on Tuesday");
        assert!(s.contains("the Friendship Bridge"), "{s}");
        // A report whose content opens with a pronoun keeps its speaker.
        let s =
            summarize("The health agency said in a statement that it assessed the risk as high.");
        assert!(s.starts_with("The health agency said"), "{s}");
    }

    #[test]
    fn tidy_drops_spaces_before_punctuation_and_doubled_commas() {
        assert_eq!(tidy(", ; Troops , fired ."), "Troops, fired.");
        assert_eq!(tidy("a , , b"), "a, b");
        assert_eq!(tidy("a,,, b"), "a,, b");
        assert_eq!(tidy("— é , x ;"), "é, x;");
    }

    #[test]
    fn only_days_and_months_date_entries() {
        assert!(is_month("2022-01"));
        assert!(!is_month("2022-SU"));
        assert!(!is_month("2022-Q1"));
    }

    /// Text made of the pieces the summary scanners look for (report verbs, colons, dashes,
    /// clause boundaries, non-ASCII letters), for the comparisons with the plain searches.
    fn generated(rng: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            "Police",
            "the mayor",
            " ",
            " ",
            "  ",
            ", ",
            ",",
            ": ",
            ":",
            " said ",
            " SAID ",
            " said that ",
            " says that",
            " Says ",
            " reported that ",
            " announced that ",
            " reported ",
            " -- ",
            "--",
            " - ",
            " — ",
            " – ",
            " _ ",
            "; ",
            " while ",
            " but ",
            "é",
            "ÉTÉ",
            "a",
            "troops fired",
            "Geneva",
            "in a statement",
            " on ",
            "on",
            " who ",
            " in punishment",
            " where ",
            ", when ",
            " since ",
            " after ",
            " as ",
            " because ",
            " and ",
            " that",
            ", according to ",
            ", ACCORDING to",
            "9",
            "ǅ",
            ",,",
            " .",
            " ;",
            ";",
            ".",
            "ab.Cd",
            ", who ",
            ", which ",
            ", where ",
            ",\u{201d} ",
            ",\" ",
            ",'' ",
            "\u{1}",
            "(",
            ")",
            "[",
            "]",
        ];
        let n = (rng.next() % 30) as usize;
        (0..n).map(|_| rng.pick(PIECES)).collect()
    }

    /// The searches and passes the faster scanners replaced: each verb's first occurrence
    /// anywhere, a colon anywhere, each boundary's last occurrence, every byte looked at.
    mod plain {
        use super::super::*;

        pub fn speech_verb(s: &str) -> Option<(usize, &'static str)> {
            REPORT_VERBS
                .iter()
                .find_map(|v| search::find_ci(s, v).filter(|k| *k < 70).map(|k| (k, *v)))
        }

        pub fn label_colon(s: &str) -> Option<usize> {
            search::find(s, ": ").filter(|k| s[..*k].split(' ').count() <= 3)
        }

        /// The whole tidying pass, with no check for texts it leaves as they are.
        pub fn tidy(s: &str) -> String {
            let s = s.trim_start_matches([',', ';', ':', ' ', '-', '—', DATE_MARK]);
            let b = s.as_bytes();
            let mut out = String::with_capacity(s.len());
            let mut run = 0;
            let mut lone_comma = false;
            for (i, &c) in b.iter().enumerate() {
                let space = c == b' ' && matches!(b.get(i + 1), Some(b',' | b'.' | b';'));
                let second_comma = c == b',' && lone_comma;
                if space || second_comma {
                    out.push_str(&s[run..i]);
                    run = i + 1;
                    lone_comma &= space;
                } else {
                    lone_comma = c == b',';
                }
            }
            out.push_str(&s[run..]);
            out
        }

        pub fn clause_end(s: &str) -> Option<usize> {
            let b = s.as_bytes();
            (0..b.len()).find(|&k| {
                b[k] == b';'
                    || (b[k] == b'.'
                        && k > 1
                        && b[k - 1].is_ascii_lowercase()
                        && b[k - 2].is_ascii_lowercase()
                        && b.get(k + 1).is_some_and(|c| c.is_ascii_uppercase()))
            })
        }

        pub fn last_attribution_comma(body: &str) -> Option<(usize, &'static str)> {
            body.bytes()
                .enumerate()
                .rev()
                .filter(|&(_, b)| b == b',')
                .find_map(|(k, _)| {
                    [", ", ",\u{201d} ", ",\" ", ",'' "]
                        .into_iter()
                        .find(|p| body[k..].starts_with(p))
                        .map(|p| (k, p))
                })
        }

        pub fn in_parentheses(before: &str, after: &str) -> bool {
            let mut depth = 0i32;
            for b in before.bytes() {
                match b {
                    b'(' | b'[' => depth += 1,
                    b')' | b']' => depth = (depth - 1).max(0),
                    _ => {}
                }
            }
            depth > 0 && after.contains([')', ']'])
        }

        pub fn words_before(text: &str, from: usize, at: usize, n: usize) -> Vec<&str> {
            text[from..at]
                .rsplit(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(n)
                .collect()
        }

        pub fn leading_lead(s: &str) -> Option<&'static str> {
            LEADS
                .iter()
                .find(|l| {
                    let next = s.as_bytes().get(l.len());
                    search::starts_with_ci(s, l)
                        && (next == Some(&b',')
                            || (next == Some(&b' ') && ["but", "and", "then"].contains(l)))
                })
                .copied()
        }

        pub fn opens_subordinate(s: &str) -> bool {
            SUBORDINATE
                .iter()
                .any(|w| search::starts_with_ci(s, w) && s.as_bytes().get(w.len()) == Some(&b' '))
        }

        pub fn on_date_cut(tail: &str) -> &str {
            match search::rfind(tail, " on ") {
                Some(o) if !tail[o + 4..].contains(' ') => &tail[..o],
                _ => tail,
            }
        }

        pub fn last_clause_boundary(head: &str) -> Option<usize> {
            CLAUSE_BOUNDARIES
                .iter()
                .filter_map(|b| search::rfind(head, b))
                .filter(|k| *k >= 25)
                .max()
        }
    }

    /// The character-at-a-time white-space folds the run-copying ones replaced.
    mod by_char {
        use super::super::DATE_MARK;

        pub fn fold_white_space(s: &str) -> String {
            let mut out = String::with_capacity(s.len());
            let mut space = false;
            for ch in s.chars() {
                if ch == DATE_MARK || ch.is_whitespace() {
                    space = !out.is_empty();
                } else {
                    if std::mem::take(&mut space) {
                        out.push(' ');
                    }
                    out.push(ch);
                }
            }
            out
        }

        pub fn drop_asides_and_fold(kept: &str) -> String {
            let mut out = String::with_capacity(kept.len());
            let mut depth = 0i32;
            let mut space = false;
            for ch in kept.chars() {
                match ch {
                    '(' => depth += 1,
                    ')' if depth > 0 => depth -= 1,
                    _ if depth > 0 => {}
                    _ if ch.is_whitespace() => space = !out.is_empty(),
                    _ => {
                        if std::mem::take(&mut space) {
                            out.push(' ');
                        }
                        out.push(ch);
                    }
                }
            }
            out
        }
    }

    /// The summary chain as first written, the reference for [`summarize_with`]: a new text
    /// per pass, every pass over the whole text, with the plain searches and folds.
    mod chain {
        use super::super::*;
        use super::by_char::{drop_asides_and_fold, fold_white_space};
        use super::plain::{
            label_colon, last_attribution_comma, last_clause_boundary, leading_lead, on_date_cut,
            opens_subordinate, speech_verb, tidy, words_before,
        };

        fn tidy_owned(s: String) -> String {
            tidy(&s)
        }

        fn find_at_comma(s: &str, needles: &[&str]) -> Option<(usize, usize)> {
            search::find_any(s, needles)
        }

        fn rfind_at_comma_ci(s: &str, needle: &str) -> Option<usize> {
            search::rfind_ci(s, needle)
        }

        fn first_dash(s: &str) -> Option<(usize, usize)> {
            search::find_any(s, DASHES)
        }

        pub fn summarize_with(clause: &str, dates: &[Range<usize>], event_at: usize) -> String {
            // Drop the dates with the words they lean on, and parenthesized asides.
            let mut kept = String::with_capacity(clause.len());
            let mut pos = 0;
            for r in dates {
                if r.start < pos || r.end > clause.len() {
                    continue;
                }
                let mut start = r.start;
                for w in words_before(clause, pos, r.start, 3) {
                    if !DATE_LEAD.iter().any(|x| w.eq_ignore_ascii_case(x)) {
                        break;
                    }
                    if let Some(k) = search::rfind(&clause[pos..start], w) {
                        start = pos + k;
                    }
                }
                kept.push_str(&clause[pos..start]);
                kept.push(if r.start == event_at { DATE_MARK } else { ' ' });
                pos = r.end;
                // "Friday's bombing" loses its "'s" with the date.
                for poss in ["'s ", "’s "] {
                    if clause[pos..].starts_with(poss) {
                        pos += poss.len() - 1;
                    }
                }
            }
            kept.push_str(&clause[pos..]);
            let out = drop_asides_and_fold(&kept);
            let s = tidy_owned(drop_brackets(out));
            let s = drop_leading(s);
            let s = tidy_owned(fold_white_space(&s));
            let s = drop_trailing_attribution(s);
            let mut s = drop_relative_clauses(s);
            // A quotation whose attribution went ends on its own comma: a full stop instead.
            for q in ["\u{201d}", "\"", "''"] {
                if s.strip_suffix(q).is_some_and(|head| head.ends_with(',')) {
                    let comma = s.len() - q.len() - 1;
                    s.replace_range(comma..=comma, ".");
                }
            }
            if let Some(k) = rfind_at_comma_ci(&s, ", according to ") {
                if k > 20 {
                    s.truncate(k);
                }
            }
            let kept = s
                .trim_end_matches(|c: char| c == '.' || c == ',' || c == ';' || c.is_whitespace())
                .len();
            s.truncate(kept);
            // More than MAX_SUMMARY characters: counted only that far.
            if s.len() > MAX_SUMMARY && s.chars().nth(MAX_SUMMARY).is_some() {
                s = cut(&s);
            }
            let mut s = capitalize(s);
            if !s.ends_with(['.', '!', '?', '"', '”']) {
                s.push('.');
            }
            s
        }

        fn drop_brackets(s: String) -> String {
            if !s.contains('[') {
                return s;
            }
            let mut out = String::with_capacity(s.len());
            let mut rest = s.as_str();
            while let Some(open) = rest.find('[') {
                let inner = &rest[open + 1..];
                match inner.find([']', '[']) {
                    Some(close) if inner.as_bytes()[close] == b']' => {
                        out.push_str(&rest[..open]);
                        rest = inner[close + 1..].trim_start();
                    }
                    _ => {
                        out.push_str(&rest[..open + 1]);
                        rest = inner;
                    }
                }
            }
            out.push_str(rest);
            out
        }

        pub fn drop_trailing_attribution(s: String) -> String {
            let body = s.trim_end().trim_end_matches('.');
            // The comma may close a quotation (`…,” the mayor said`): the quotation mark stays.
            // The last comma followed by a space or by a closing quotation mark and a space.
            let Some((k, sep)) = last_attribution_comma(body) else {
                return s;
            };
            let tail = &body[k + sep.len()..];
            // An optional "on Friday" after the verb: the last " on " with no space after it ends
            // at the last space.
            let tail_core = on_date_cut(tail);
            let verb = ATTRIBUTION_VERBS.iter().any(|v| {
                search::strip_suffix_ci(tail_core, v)
                    .is_some_and(|who| who.ends_with(' ') && who.trim().split(' ').count() <= 10)
            });
            let plain = || {
                tail_core
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '-' | '’'))
            };
            if verb && k > 0 && plain() {
                format!("{}{}", &body[..k], sep.trim_end())
                    .trim_end_matches(", ")
                    .trim_end_matches(',')
                    .to_string()
            } else {
                s
            }
        }

        fn has_verb(s: &str) -> bool {
            s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
                (w.len() > 3
                    && w.ends_with("ed")
                    && !w.starts_with(|c: char| c.is_ascii_uppercase()))
                    || COMMON_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v))
            }) || EVENT_WORD.find_iter(s).next().is_some()
        }

        pub fn drop_relative_clauses(mut s: String) -> String {
            const RELATIVES: &[&str] = &[", who ", ", which ", ", where "];
            for _ in 0..4 {
                let Some((k, r)) = find_at_comma(&s, RELATIVES) else {
                    break;
                };
                let n = RELATIVES[r].len();
                let after = &s[k + n..];
                if let Some((close, _)) = find_at_comma(after, &[", "]) {
                    let rest = after[close + 2..].to_string();
                    s = format!("{} {}", &s[..k], rest);
                    continue;
                }
                let head = &s[..k];
                if has_verb(head) || s[k..].starts_with(", where ") {
                    s = head.to_string();
                } else {
                    s = format!("{} {}", head, after);
                }
                break;
            }
            s
        }

        fn drop_leading(mut s: String) -> String {
            loop {
                if let Some(l) = leading_lead(&s) {
                    s = tidy(&s[l.len()..]);
                    continue;
                }
                // An unmarked dateline ("Managua, -- The …"): the text after its dashes (looked for
                // only when a hyphen is there at all).
                let dashes = head(&s, 80 + 2);
                if dashes.as_bytes().contains(&b'-') {
                    if let Some(k) = search::find(dashes, "-- ").filter(|k| *k < 80) {
                        s = tidy(&s[k + 3..]);
                        continue;
                    }
                }
                // A dateline left after its date was dropped ("YAOUNDÉ, - Cameroon has …").
                // Only a dash starting in the first 40 bytes counts (the longest is 5 bytes).
                let dash = first_dash(head(&s, 40 + 4)).map(|(k, d)| (k, DASHES[d].len()));
                if let Some((k, n)) = dash.filter(|(k, _)| *k < 40) {
                    // All capitals ("YAOUNDÉ, -"), or a wire dateline opening with a capital city
                    // ("LUSAKA, Zambia _").
                    let caps_city = s[..k]
                        .split(',')
                        .next()
                        .is_some_and(|w| w.len() > 2 && !w.bytes().any(|b| b.is_ascii_lowercase()));
                    if !s[..k].bytes().any(|b| b.is_ascii_lowercase())
                        || (n == 3 && &s[k..k + 3] == " _ " && caps_city)
                    {
                        s = tidy(&s[k + n..]);
                        continue;
                    }
                }
                // "Geneva:" — a place or label before a colon.
                if let Some(k) = label_colon(&s) {
                    s = tidy(&s[k + 1..]);
                    continue;
                }
                // A leading subordinate phrase ("Amid reports of violence, …", "When X left, …").
                if opens_subordinate(&s) {
                    // Not when the phrase holds a date: then it is the event.
                    let phrase_end = search::find(&s, ", ").filter(|k| s.len() - k > 25);
                    if let Some(k) = phrase_end.filter(|k| !s[..*k].contains(DATE_MARK)) {
                        s = tidy(&s[k + 1..]);
                        continue;
                    }
                }
                if search::starts_with_ci(&s, "according to ") {
                    if let Some(k) = search::find(&s, ", ").filter(|k| *k < 70) {
                        s = tidy(&s[k + 1..]);
                        continue;
                    }
                }
                break;
            }
            // "Police said (that) 40 people were arrested": the report, when it is itself an event.
            if let Some((k, verb)) = speech_verb(&s) {
                let rest = &s[k + verb.len()..];
                let speaker = &s[..k];
                let is_event = EVENT_WORD.find_iter(rest).any(|m| {
                    let w = &rest[m.start..m.end];
                    !SPEECH.iter().any(|x| w.eq_ignore_ascii_case(x))
                });
                if is_event && !speaker.contains(',') && speaker.split(' ').count() <= 8 {
                    let mut rest = tidy(rest);
                    // "said in a statement that …": the statement's content.
                    if let Some(after) = rest.strip_prefix("in a statement ") {
                        rest = tidy(after);
                    }
                    let content = rest
                        .strip_prefix("that ")
                        .map_or(rest.clone(), str::to_string);
                    // "… said it assessed the risk": a pronoun needs its speaker; keep the report.
                    let first = content.split(' ').next().unwrap_or("");
                    if ["it", "they", "he", "she", "we", "its", "their"]
                        .iter()
                        .any(|p| first.eq_ignore_ascii_case(p))
                    {
                        return s;
                    }
                    return content;
                }
            }
            s
        }

        fn cut(s: &str) -> String {
            // Where the character after the first MAX_SUMMARY starts: that many bytes on when those
            // are ASCII.
            let limit = match s.as_bytes().get(..MAX_SUMMARY) {
                Some(h) if s.len() > MAX_SUMMARY && h.is_ascii() => MAX_SUMMARY,
                _ => s
                    .char_indices()
                    .nth(MAX_SUMMARY)
                    .map_or(s.len(), |(i, _)| i),
            };
            let head = &s[..limit];
            let boundary = last_clause_boundary(head);
            let mut k = boundary.or_else(|| last_space(head)).unwrap_or(limit);
            // A word cut must not split a name ("the Friendship | Bridge"): finish a short name
            // (up to three more capitalized words) rather than drop it.
            if boundary.is_none() && k < s.len() {
                let last_cap = last_word(&s[..k]).starts_with(|c: char| c.is_uppercase());
                let mut end = k;
                let mut added = 0;
                while last_cap && added < 3 {
                    let rest = &s[end..];
                    let word_len = rest.trim_start().split(' ').next().map_or(0, str::len);
                    let lead = rest.len() - rest.trim_start().len();
                    let word = &rest[lead..lead + word_len];
                    if word.is_empty() || !word.starts_with(|c: char| c.is_uppercase()) {
                        break;
                    }
                    end += lead + word_len;
                    added += 1;
                }
                if added > 0 && end - k <= 30 {
                    k = end;
                }
            }
            // Nor end on an initial or split a longer name: back off to before it.
            while boundary.is_none() {
                let next_cap = s[k..].trim_start().starts_with(|c: char| c.is_uppercase());
                let last = last_word(&s[..k]);
                let last_cap = last.starts_with(|c: char| c.is_uppercase());
                let initial = last.len() <= 2 && last.ends_with('.');
                match last_space(&s[..k]) {
                    Some(p) if p > 25 && ((next_cap && last_cap) || initial) => k = p,
                    _ => break,
                }
            }
            let mut out = s[..k].trim_end_matches([',', ';', ':', ' ']);
            // A cut inside a phrase must not end on a function word ("leading to the").
            while let Some(k) = last_space(out) {
                let last = &out[k + 1..];
                if !FUNCTION_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
                    break;
                }
                out = out[..k].trim_end_matches([',', ';', ':', ' ']);
            }
            out.to_string()
        }

        fn capitalize(mut s: String) -> String {
            if s.starts_with(|c: char| c.is_ascii()) {
                s[..1].make_ascii_uppercase();
                return s;
            }
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }

    /// Clauses for the summary comparisons: generated text with dates put in (some after
    /// words they lean on, some before a possessive), the ranges of the dates, and where the
    /// event's date starts (`usize::MAX` for none).
    fn generated_clause(rng: &mut Rng) -> (String, Vec<Range<usize>>, usize) {
        const DATES: &[&str] = &["Friday", "Jan. 5", "2 March 2021", "last week", "0447 GMT"];
        const LEANS: &[&str] = &[
            " on ",
            " late on ",
            " early ",
            "In ",
            " since ",
            " by ",
            "by",
            " of ",
            " ",
            "",
        ];
        const WORDS: &[&str] = &[
            "Police arrested two men",
            "Floodwaters swept the town",
            " killed 12 people",
            "Earlier, ",
            "At the same time, ",
            "Amid reports of looting, ",
            "According to police, ",
            "Geneva: ",
            "LUSAKA, Zambia _ ",
            "YAOUNDÉ, - ",
            "Managua -- ",
            "the mayor said that the bridge collapsed",
            ", officials said",
            ", the fire chief told reporters on Friday",
            "\u{201c}The river rose,\u{201d} the mayor said",
            " [Photo] ",
            " (0447 GMT) ",
            "'s ",
            "\u{2019}s ",
            ", who flew to the coast, ",
            ", which began",
            " while rain fell",
            " but the road held",
            "the Friendship Bridge near J. K. Smith Street",
            " , , ",
            " ;",
            "\u{a0}",
            "\t",
        ];
        let mut t = String::new();
        let mut dates = Vec::new();
        for _ in 0..rng.next() % 10 {
            match rng.next() % 4 {
                0 => {
                    t.push_str(rng.pick(LEANS));
                    let d = rng.pick(DATES);
                    dates.push(t.len()..t.len() + d.len());
                    t.push_str(d);
                }
                1 | 2 => t.push_str(rng.pick(WORDS)),
                _ => t.push_str(&generated(rng)),
            }
        }
        let event_at = match (rng.next() % 3, dates.len()) {
            (0, _) | (_, 0) => usize::MAX,
            (_, n) => dates[rng.next() as usize % n].start,
        };
        (t, dates, event_at)
    }

    /// `summarize_with` agrees with the summary chain as first written, on hand-written and
    /// generated clauses; the generated ones reach the dropped dates and the cut.
    #[test]
    fn summaries_agree_with_the_chain_as_first_written() {
        let written = [
            "Police on Friday arrested two men after the blast at the depot, officials said.",
            "Earlier, floodwaters swept through the lower town on Jan. 5, destroying about 300 homes and two bridges, cutting the main road to the coast.",
            "Housing Minister Ana Ruiz, who flew to the coast on Friday, promised new shelters (the first since 2 March 2021) for the families [Photo].",
            "GENEVA, - The agency said that 40 people were arrested late on Friday, according to a statement released by the regional office.",
            "\u{201c}The river rose in an hour,\u{201d} the mayor told reporters on Friday.",
            "Amid reports of looting in the old market and the harbour district,   troops entered the town on Friday\u{a0}morning.",
            "Friday's bombing at the Friendship Bridge near the border crossing killed 12 people and wounded dozens more, the Interior Ministry said.",
            "The ÉTÉ festival, which was cancelled on Friday , , was moved; organizers said they would refund tickets.",
        ];
        let mut cases: Vec<(String, Vec<Range<usize>>, usize)> = Vec::new();
        for w in written {
            let dates: Vec<Range<usize>> = ["Friday", "Jan. 5", "2 March 2021"]
                .iter()
                .flat_map(|d| w.match_indices(d).map(|(k, _)| k..k + d.len()))
                .collect();
            let mut dates = dates;
            dates.sort_by_key(|r| r.start);
            let first = dates.first().map_or(usize::MAX, |r| r.start);
            cases.push((w.to_string(), dates.clone(), first));
            cases.push((w.to_string(), dates, usize::MAX));
            cases.push((w.to_string(), Vec::new(), usize::MAX));
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        cases.extend((0..n).map(|_| generated_clause(&mut rng)));
        let (mut marked, mut long, mut attributed, mut related) = (0, 0, 0, 0);
        // One scratch text for all, as for the clauses of an article.
        let mut scratch = String::new();
        for (t, dates, at) in &cases {
            let want = chain::summarize_with(t, dates, *at);
            assert_eq!(summarize_with(t, dates, *at), want, "{t:?} {dates:?} {at}");
            let reused = summarize_in(t, dates, *at, &mut scratch);
            assert_eq!(reused, want, "{t:?} {dates:?} {at}");
            marked += usize::from(*at != usize::MAX);
            long += usize::from(t.chars().count() > MAX_SUMMARY + 20);
            // The attribution and relative clauses cut in place, as the copies cut them.
            let cut = drop_trailing_attribution(t.clone());
            assert_eq!(cut, chain::drop_trailing_attribution(t.clone()), "{t:?}");
            attributed += usize::from(cut != *t);
            let cut = drop_relative_clauses(t.clone());
            assert_eq!(cut, chain::drop_relative_clauses(t.clone()), "{t:?}");
            related += usize::from(cut != *t);
        }
        assert!(marked > n / 3 && long > n / 4, "{marked} {long} of {n}");
        assert!(
            attributed > n / 50 && related > n / 50,
            "{attributed} {related} of {n}"
        );
    }

    #[test]
    fn lead_and_opener_look_ups_agree_with_the_list_searches() {
        assert_eq!(
            LEADS.iter().map(|l| l.len()).max(),
            Some(LONGEST_LEAD),
            "LONGEST_LEAD"
        );
        let mut texts: Vec<String> = Vec::new();
        for l in LEADS.iter().chain(SUBORDINATE) {
            for after in [",", " ", ", x", " x", "x", "", ";"] {
                texts.push(format!("{l}{after}"));
                texts.push(format!("{}{after}", l.to_uppercase()));
            }
        }
        texts.extend(
            [
                "but,",
                "Then the",
                "At the same,",
                "In the wake of the",
                "é, but",
                "as",
            ]
            .map(String::from),
        );
        let mut rng = Rng(0x5851_F42D_4C95_7F2D);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        for _ in 0..n {
            let k = (rng.next() % 4) as usize;
            let pick = |rng: &mut Rng| -> &str {
                match rng.next() % 3 {
                    0 => rng.pick(LEADS),
                    1 => rng.pick(SUBORDINATE),
                    _ => rng.pick(&[",", " ", "é", "x", "the", "Wake"]),
                }
            };
            texts.push((0..k).map(|_| pick(&mut rng)).collect());
        }
        let (mut leads, mut subs) = (0, 0);
        for t in &texts {
            assert_eq!(leading_lead(t), plain::leading_lead(t), "{t:?}");
            assert_eq!(opens_subordinate(t), plain::opens_subordinate(t), "{t:?}");
            leads += usize::from(leading_lead(t).is_some());
            subs += usize::from(opens_subordinate(t));
        }
        assert!(leads > 100 && subs > 100, "{leads} {subs}");
    }

    #[test]
    fn clause_event_words_are_found_at_the_word_starts() {
        const PIECES: &[&str] = &[
            "killed", "Killed", "broke", " out", "opened", " fire", "é", "ékilled", "x", "9", " ",
            "\n", "\t", ";", ".", ",", "-", "—", "shot", "shotgun", "died", "(", ")",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let n = crate::testing::cases("TIMELINE_CASES", 2_000);
        let mut found = 0;
        let mut starts = Vec::new();
        for _ in 0..n {
            let k = (rng.next() % 16) as usize;
            let t: String = (0..k).map(|_| rng.pick(PIECES)).collect();
            let doc = Document::new(&t);
            let bounds: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            for (i, &a) in bounds.iter().enumerate() {
                for &z in &bounds[i..] {
                    let want = EVENT_WORD.find_iter(&doc.flat[a..z]).next().is_some();
                    assert_eq!(
                        has_event_word(&doc, &(a..z), &mut starts),
                        want,
                        "{t:?} {a} {z}"
                    );
                    found += usize::from(want);
                }
            }
        }
        assert!(found > n, "{found}");
    }

    #[test]
    fn white_space_is_that_of_char() {
        for ch in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("{ch}x");
            let want = if ch.is_whitespace() { ch.len_utf8() } else { 0 };
            assert_eq!(white_space_len(&s, 0), want, "{:?}", ch);
        }
    }

    #[test]
    fn run_copying_folds_agree_with_char_folds() {
        const PIECES: &[&str] = &[
            "a", "Troops", "é", "ÉTÉ", " ", "  ", "\t", "\n", "\u{b}", "\u{a0}", "\u{85}",
            "\u{2009}", "\u{3000}", "\u{1680}", "\u{2028}", "\u{200b}", "(", ")", "[", "]",
            "\u{1}", ",", "Ω", "\u{e100}", "©", "あ", "ḁ",
        ];
        let mut rng = Rng(0x1F83_D9AB_FB41_BD6B);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        let (mut skipped, mut pieces) = (0, 0);
        for _ in 0..n {
            let k = (rng.next() % 24) as usize;
            let t: String = (0..k).map(|_| rng.pick(PIECES)).collect();
            assert_eq!(fold_white_space(&t), by_char::fold_white_space(&t), "{t:?}");
            // Eight-byte skips happen (text and single spaces from a byte inside a run).
            skipped += usize::from((1..t.len()).any(|i| skip_plain(t.as_bytes(), i) >= i + 8));
            let want = by_char::drop_asides_and_fold(&t);
            assert_eq!(drop_asides_and_fold(&t), want, "{t:?}");
            // Given in pieces (cut at character boundaries), as the summaries give it.
            let mut fold = AsideFold::with_capacity(0);
            let mut from = 0;
            for (k, _) in t.char_indices().skip(1) {
                if rng.next() % 3 == 0 {
                    fold.push(&t[from..k]);
                    from = k;
                    pieces += 1;
                }
            }
            fold.push(&t[from..]);
            assert_eq!(fold.out.text, want, "{t:?}");
        }
        assert!(skipped > n / 10 && pieces > n, "{skipped} {pieces}");
    }

    /// `fold_marks` agrees with `fold_white_space` on the texts it is given: generated
    /// clauses (with no bracket) after the passes before the fold, and texts of words with
    /// single spaces between them and runs of spaces and marks anywhere. Marks are folded
    /// at both ends and inside, next to spaces and punctuation.
    #[test]
    fn mark_folds_agree_with_white_space_folds() {
        let mut rng = Rng(0x2F4A_81C3_77D0_95B1);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        let mut texts: Vec<String> = Vec::new();
        for _ in 0..n {
            let (t, dates, at) = generated_clause(&mut rng);
            let kept = without_dates(&t, &dates, at, String::new());
            if !kept.contains('[') {
                texts.push(drop_leading(tidy_owned(kept)));
            }
        }
        const WORDS: &[&str] = &["a", "Police", "é", ",", ".", ";", ":", "-", "—", "'s", "x,"];
        const GAPS: &[&str] = &[
            "\u{1}",
            " \u{1}",
            "\u{1} ",
            " \u{1} ",
            "\u{1}\u{1}",
            "\u{1} \u{1}",
        ];
        for _ in 0..n {
            let mut t = String::new();
            for k in 0..rng.next() % 12 {
                match rng.next() % 4 {
                    0 => t.push_str(rng.pick(GAPS)),
                    1 if k > 0 && !t.ends_with([' ', '\u{1}']) => {
                        t.push(' ');
                        t.push_str(rng.pick(WORDS));
                    }
                    _ => t.push_str(rng.pick(WORDS)),
                }
            }
            texts.push(t);
        }
        let (mut marked, mut inside) = (0, 0);
        for t in &texts {
            let folded = fold_marks(t);
            assert_eq!(folded, fold_white_space(t), "{t:?}");
            marked += usize::from(t.contains(DATE_MARK));
            inside += usize::from(folded.len() + 1 < t.len() && folded.contains(' '));
        }
        assert!(marked > n / 2 && inside > n / 4, "{marked} {inside} of {n}");
    }

    #[test]
    fn bounded_scanners_agree_with_plain_searches() {
        let mut texts: Vec<String> = [
            "",
            "Police said that troops fired",
            "Geneva: the mayor said",
            "The aid agency in Geneva: troops",
            "LUSAKA, Zambia _ Police said",
            "Managua (Nicaragua), 27 Aug 88 (Radio) -- Rebels attacked",
            "Floodwaters swept the town, destroying homes; roads were cut while rain fell",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut rng = Rng(0xA076_1D64_78BD_642F);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        texts.extend((0..n).map(|_| generated(&mut rng)));
        const RELATIVES: &[&str] = &[", who ", ", which ", ", where "];
        // Texts long enough for the eight-byte scans of `first_dash` and `speech_verb`.
        assert!(ATTRIBUTION_VERBS
            .iter()
            .all(|v| v.ends_with('d') || v.ends_with('s')));
        let (mut long, mut far_boundary, mut attributions, mut last_byte_out) = (0, 0, 0, 0);
        let mut comma_finds = 0;
        let (mut opened, mut inside) = (0, 0);
        for t in &texts {
            assert_eq!(tidy(t), plain::tidy(t), "{t:?}");
            assert_eq!(first_dash(t), search::find_any(t, DASHES), "{t:?}");
            long += usize::from(t.len() >= 16);
            assert_eq!(tidy_owned(t.clone()), plain::tidy(t), "{t:?}");
            let according = rfind_at_comma_ci(t, ", according to ");
            assert_eq!(according, search::rfind_ci(t, ", according to "), "{t:?}");
            // Found past the check of the two bytes after a comma (and turned away by it).
            comma_finds += usize::from(according.is_some());
            comma_finds += usize::from(find_at_comma(t, RELATIVES).is_some());
            for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                let from = (0..=at)
                    .rev()
                    .find(|&k| t.is_char_boundary(k) && at - k >= at / 3)
                    .unwrap_or(0);
                assert_eq!(
                    words_before(t, from, at, 4).collect::<Vec<_>>(),
                    plain::words_before(t, from, at, 4),
                    "{t:?} {from} {at}"
                );
            }
            assert_eq!(clause_end(t), plain::clause_end(t), "{t:?}");
            // The first openers asked in increasing order from a clause start, and in any
            // order, are those of each text before the date.
            let from = t.len() / 5;
            let from = (0..=from)
                .rev()
                .find(|&k| t.is_char_boundary(k))
                .unwrap_or(0);
            let mut in_order = FirstOpener::new(from);
            let mut any_order = FirstOpener::new(from);
            let mut ats: Vec<usize> = (from..=t.len())
                .filter(|&k| t.is_char_boundary(k))
                .step_by(3)
                .collect();
            for &at in &ats {
                let (before, after) = (&t[from..at], &t[at..]);
                let open = in_order.before(t.as_bytes(), at);
                assert_eq!(
                    in_parentheses_from(before, open, after),
                    plain::in_parentheses(before, after),
                    "{t:?} {from} {at}"
                );
                opened += usize::from(open.is_some());
                inside += usize::from(in_parentheses_from(before, open, after));
            }
            let r = rng.next() as usize % ats.len().max(1);
            ats.rotate_left(r);
            for &at in &ats {
                let (before, after) = (&t[from..at], &t[at..]);
                let open = any_order.before(t.as_bytes(), at);
                assert_eq!(
                    in_parentheses_from(before, open, after),
                    plain::in_parentheses(before, after),
                    "{t:?} {from} {at}"
                );
            }
            for (k, _) in t.char_indices().step_by(3) {
                let (before, after) = t.split_at(k);
                assert_eq!(
                    in_parentheses(before, after),
                    plain::in_parentheses(before, after),
                    "{t:?} {k}"
                );
            }
            for from in 0..t.len().min(12) {
                let b = t.as_bytes();
                assert_eq!(
                    find_either(b, from, b';', b'.'),
                    (from..b.len()).find(|&k| b[k] == b';' || b[k] == b'.'),
                    "{t:?} {from}"
                );
            }
            assert_eq!(
                last_attribution_comma(t),
                plain::last_attribution_comma(t),
                "{t:?}"
            );
            assert_eq!(
                find_at_comma(t, RELATIVES),
                search::find_any(t, RELATIVES),
                "{t:?}"
            );
            assert_eq!(
                find_at_comma(t, &[", "]),
                search::find(t, ", ").map(|k| (k, 0)),
                "{t:?}"
            );
            assert_eq!(speech_verb(t), plain::speech_verb(t), "{t:?}");
            assert_eq!(
                last_openers(t),
                OPENERS.map(|o| search::rfind(t, o)),
                "{t:?}"
            );
            assert_eq!(
                first_stop(t),
                search::find_any(t, STOPS).map(|(k, _)| k),
                "{t:?}"
            );
            assert_eq!(last_space(t), t.rfind(' '), "{t:?}");
            assert_eq!(last_word(t), t.rsplit(' ').next().unwrap_or(""), "{t:?}");
            assert_eq!(on_date_cut(t), plain::on_date_cut(t), "{t:?}");
            let dropped = drop_trailing_attribution(t.clone());
            assert_eq!(
                dropped,
                chain::drop_trailing_attribution(t.clone()),
                "{t:?}"
            );
            attributions += usize::from(dropped != *t);
            // Texts turned away by the last byte of their body alone.
            let body = t.trim_end().trim_end_matches('.');
            let last = |u: &str| u.as_bytes().last().map(|c| c | 0x20);
            last_byte_out += usize::from(
                !matches!(last(body), Some(b'd' | b's'))
                    && !matches!(last(on_date_cut(body)), Some(b'd' | b's')),
            );
            for (k, _) in t.char_indices() {
                assert_eq!(
                    find_byte(t.as_bytes(), k, b','),
                    t[k..].find(',').map(|p| k + p),
                    "{t:?}"
                );
                assert_eq!(
                    rfind_byte(t.as_bytes(), k, b','),
                    t[..k].rfind(','),
                    "{t:?}"
                );
            }
            assert_eq!(label_colon(t), plain::label_colon(t), "{t:?}");
            let boundary = last_clause_boundary(t);
            assert_eq!(boundary, plain::last_clause_boundary(t), "{t:?}");
            // Found in the eight-byte blocks (all the candidates from byte 33 on).
            far_boundary += usize::from(boundary.is_some_and(|k| k >= 33));
            assert_eq!(
                search::find(head(t, 82), "-- ").filter(|k| *k < 80),
                search::find(t, "-- ").filter(|k| *k < 80),
                "{t:?}"
            );
            assert_eq!(
                search::find_any(head(t, 44), DASHES).filter(|(k, _)| *k < 40),
                search::find_any(t, DASHES).filter(|(k, _)| *k < 40),
                "{t:?}"
            );
        }
        assert!(
            long > n / 2
                && far_boundary > n / 10
                && attributions > n / 100
                && last_byte_out > n / 4
                && comma_finds > n / 10,
            "{long} {far_boundary} {attributions} {last_byte_out} {comma_finds} of {n}"
        );
        assert!(opened > n && inside > n / 10, "{opened} {inside} of {n}");
    }

    /// `named_event` as first written: the first event word searched in the whole phrase.
    fn named_event_plain(text: &str, at: usize, end: usize) -> Option<String> {
        let after = &text[at..end];
        let after = after.strip_prefix("'s").unwrap_or(after);
        let stop = first_stop(after).unwrap_or(after.len());
        let phrase = after[..stop].trim();
        let first = EVENT_WORD.find_iter(phrase).next()?;
        if phrase[..first.start].split_whitespace().count() > 2 || first.start == first.end {
            return None;
        }
        let w = &phrase[first.start..first.end];
        if SPEECH.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return None;
        }
        Some(summarize(phrase))
    }

    /// On generated text: `named_event` (the word starts of its first three words only)
    /// agrees with the plain search, and event words past those starts occur.
    #[test]
    fn named_event_agrees_with_the_whole_phrase_search() {
        const PIECES: &[&str] = &[
            "'s",
            " ",
            "  ",
            "\u{a0}",
            "the",
            "Aug.",
            "7",
            "bombings",
            "bombing",
            "said",
            "opened fire",
            "opened",
            "fire",
            "at",
            "embassies",
            "x",
            "é",
            "-",
            "--",
            "attack",
            "U.S.-led",
            "killed",
            "troops",
            ",",
            ".",
            " and ",
            " who ",
            "\n",
            "Ab",
        ];
        let mut rng = Rng(0x0DDB_A11C_0FFE_E123);
        let n = crate::testing::cases("TIMELINE_CASES", 20_000);
        let (mut named, mut far) = (0, 0);
        let mut starts = Vec::new();
        for _ in 0..n {
            let k = (rng.next() % 12) as usize;
            let t: String = (0..k).map(|_| rng.pick(PIECES)).collect();
            for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                let want = named_event_plain(&t, at, t.len());
                named += usize::from(want.is_some());
                assert_eq!(
                    named_event(&t, at, t.len(), &mut starts),
                    want,
                    "{t:?} {at}"
                );
                // An event word with three words before it: only the plain search sees it.
                let phrase = t[at..].trim();
                far += usize::from(
                    EVENT_WORD
                        .find_iter(phrase)
                        .next()
                        .is_some_and(|m| phrase[..m.start].split_whitespace().count() > 2),
                );
            }
        }
        assert!(named > n / 10 && far > n / 10, "{named} {far}");
    }

    #[test]
    fn long_summaries_are_cut_at_a_clause_boundary() {
        let s = summarize("Floodwaters swept through the lower town and the old market, destroying about 300 homes and two bridges, cutting the main road to the coast for the second time this year.");
        assert_eq!(
            s,
            "Floodwaters swept through the lower town and the old market."
        );
        assert!(s.chars().count() <= MAX_SUMMARY + 1);
        // Non-ASCII text is cut on a character boundary.
        let s = summarize(&"é".repeat(300));
        assert!(s.chars().count() <= MAX_SUMMARY + 1);
    }
}
