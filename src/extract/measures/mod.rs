//! Official measures: states of emergency, curfews, internet shutdowns, evacuation orders …
//!
//! A sentence naming a measure (`kinds.txt`) becomes a MEASURE with the action its verb says
//! (declared, imposed, extended, lifted, planned, called for; in force when none), its start and
//! end from the sentence's dates ("until January 19" is an end), a curfew's daily hours
//! ("from 11pm to 7am") and the places named in the sentence as its areas. Measures only
//! discussed in general ("states may declare emergencies") are skipped.

mod hours;

use std::sync::LazyLock;

use crate::document::{Document, Span};
use crate::extract::dates::TimeExpr;
use crate::model::{Evidence, Location, Measure};
use crate::vocab::WordPhrases;

/// Measure phrases and, for each entry of `kinds.txt`, its measure type.
static KINDS: LazyLock<(WordPhrases, Vec<&'static str>)> = LazyLock::new(|| {
    let (kinds, phrases): (Vec<&str>, Vec<&str>) = crate::vocab::entries(include_str!("kinds.txt"))
        .filter_map(|l| l.split_once('\t'))
        .unzip();
    (WordPhrases::new(phrases), kinds)
});

/// The word starts where a measure phrase may match ([`StartFilter`]).
static KIND_STARTS: LazyLock<StartFilter> = LazyLock::new(|| {
    StartFilter::new(
        crate::vocab::entries(include_str!("kinds.txt"))
            .filter_map(|l| Some(l.split_once('\t')?.1)),
    )
});

/// The word starts where a phrase of a [`WordPhrases`] list may match, told by the first
/// three bytes of the word: the measure phrases start at a few hundredths of the words of an
/// article, and [`WordPhrases::find_at`] costs a key and a filter test per start it is
/// given. Dropping the other starts changes nothing: `find_at` finds nothing there (nor
/// skips anything because of them) and moves on to the next start.
struct StartFilter {
    /// A bit per triple of the low five bits of the first three bytes that a phrase may
    /// match. The low five bits of a letter are those of its other case (`find_at` ignores
    /// ASCII case); other bytes share bits with letters, which only lets a few more by.
    bits: Vec<u64>,
}

/// The low five bits of the bytes a space of a phrase matches (any ASCII white space).
const SPACE_LOWS: [u8; 5] = [b' ' & 31, b'\t', b'\n', 0x0C, b'\r'];

impl StartFilter {
    /// The filter of a list given to [`WordPhrases::new`] (a trailing `*` marks a stem).
    fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> StartFilter {
        let mut f = StartFilter {
            bits: vec![0; (1 << 15) / 64],
        };
        let any: Vec<u8> = (0..32).collect();
        for p in list {
            let body = p.strip_suffix('*').unwrap_or(p).as_bytes();
            let Some(&first) = body.first() else {
                continue;
            };
            // What the text's second and third bytes may be: the phrase's bytes, white space
            // for a space, anything past the phrase's end (the next word, a stem's rest) and
            // after a space (a run of white space may stand for it).
            let at = |k: usize| -> Vec<u8> {
                match body.get(k) {
                    None => any.clone(),
                    Some(_) if k == 2 && body[1] == b' ' => any.clone(),
                    Some(b' ') => SPACE_LOWS.to_vec(),
                    Some(&b) => vec![b & 31],
                }
            };
            for &b in &at(1) {
                for &c in &at(2) {
                    f.set(first & 31, b, c);
                }
            }
        }
        f
    }

    /// The index of the triple of low five bits `a`, `b`, `c`.
    fn index(a: u8, b: u8, c: u8) -> usize {
        usize::from(a & 31) << 10 | usize::from(b & 31) << 5 | usize::from(c & 31)
    }

    fn set(&mut self, a: u8, b: u8, c: u8) {
        let i = StartFilter::index(a, b, c);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Whether a phrase may match at `start`, a word start of `text`.
    fn may_match(&self, text: &[u8], start: usize) -> bool {
        let Some(&[a, b, c]) = text.get(start..start.saturating_add(3)) else {
            // Near the very end: let `find_at` decide.
            return true;
        };
        let i = StartFilter::index(a, b, c);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// The starts of `starts` (word starts of `text`) where a phrase may match.
    fn starts(&self, text: &str, starts: &[u32]) -> Vec<u32> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(starts.len() / 8);
        for &s in starts {
            if self.may_match(bytes, s as usize) {
                out.push(s);
            }
        }
        out
    }
}

/// A phrase list with its [`StartFilter`]: for the lists asked whether a sentence holds one of
/// their phrases ([`GENERAL`], [`NATIONWIDE`]), where most word starts open none.
struct FilteredPhrases {
    list: WordPhrases,
    filter: StartFilter,
}

impl FilteredPhrases {
    fn new<'a>(phrases: impl IntoIterator<Item = &'a str> + Clone) -> FilteredPhrases {
        FilteredPhrases {
            list: WordPhrases::new(phrases.clone()),
            filter: StartFilter::new(phrases),
        }
    }

    /// Whether a phrase of the list matches in the text of `span`: what
    /// [`Document::has_phrase`] answers, with the list asked only at the span's word starts
    /// the filter lets through. Some match exists exactly when some word start matches on its
    /// own (the first start that does is never passed over), and the filter turns away no
    /// start where a phrase matches, in the text cut at the span's end as in the whole text
    /// (a match there holds the phrase's bytes). A span the document walks rather than
    /// indexes (no word starts, or one opening inside a word) is left to `has_phrase`.
    fn in_span(&self, doc: &Document, span: &Span) -> bool {
        let starts = doc.word_starts_in(span);
        let bytes = doc.flat.as_bytes();
        let opens_word = bytes
            .get(span.start)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80);
        if doc.word_starts.is_empty() || opens_word && starts.first() != Some(&(span.start as u32))
        {
            return doc.has_phrase(&self.list, span);
        }
        let Some(text) = doc.flat.get(..span.end) else {
            return doc.has_phrase(&self.list, span);
        };
        starts.iter().any(|s| {
            self.filter.may_match(bytes, *s as usize)
                && self
                    .list
                    .find_at(text, std::slice::from_ref(s))
                    .next()
                    .is_some()
        })
    }
}

/// The starts of `starts` (sorted) inside `span`.
fn starts_in<'s>(starts: &'s [u32], span: &std::ops::Range<usize>) -> &'s [u32] {
    let at = |pos: usize| starts.partition_point(|&w| (w as usize) < pos);
    &starts[at(span.start)..at(span.end)]
}

/// The actions, in order of precedence, and the action words of `actions.txt`.
const ACTION_ORDER: [&str; 6] = [
    "lifted",
    "extended",
    "called_for",
    "planned",
    "declared",
    "imposed",
];

static ACTIONS: LazyLock<(WordPhrases, Vec<&'static str>)> = LazyLock::new(|| {
    let (actions, phrases): (Vec<&str>, Vec<&str>) =
        crate::vocab::entries(include_str!("actions.txt"))
            .filter_map(|l| l.split_once('\t'))
            .unzip();
    (WordPhrases::new(phrases), actions)
});

/// The first bytes of the clause breaks of [`clause_of`]: `;` `:` `"` `,`, the first byte of
/// `“ ”` and of `« »`, and the doubled `` ` `` and `'`. Every other byte opens none.
static MAY_BREAK: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = [b';', b':', b'"', b',', 0xE2, 0xC2, b'`', b'\''];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// The length of the clause break ([`clause_of`]) that starts at byte `i` of `flat_sentence`,
/// if one does.
fn break_len(flat_sentence: &str, i: usize) -> Option<usize> {
    let b = flat_sentence.as_bytes();
    match *b.get(i)? {
        b';' | b':' | b'"' => Some(1),
        // “ ” (E2 80 9C/9D) and « » (C2 AB/BB).
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)) => Some(3),
        0xC2 if matches!(b.get(i + 1), Some(0xAB | 0xBB)) => Some(2),
        b'`' | b'\'' if b.get(i + 1) == Some(&b[i]) => Some(2),
        b',' => {
            let rest = flat_sentence.get(i + 1..)?.trim_start();
            ["and ", "but ", "while "]
                .iter()
                .any(|w| {
                    rest.get(..w.len())
                        .is_some_and(|r| r.eq_ignore_ascii_case(w))
                })
                .then_some(1)
        }
        _ => None,
    }
}

/// The clause of the sentence around the measure at `at..end` (rule
/// `a_measure_takes_its_own_clause`): it ends at a semicolon or colon, at a quotation mark,
/// or at a comma before "and", "but" or "while". In `"The curfew is temporary," he said,
/// "and the internet will be restored."` the curfew's clause has no "will" in it.
fn clause_of(flat_sentence: &str, at: usize, end: usize) -> (usize, usize) {
    let b = flat_sentence.as_bytes();
    let breaks_at = |i: usize| break_len(flat_sentence, i);
    // Quotation marks right around the measure (an article between at most) are scare
    // quotes, not a clause edge (declared "a state of emergency").
    let near = |i: usize, j: usize| {
        flat_sentence
            .get(i..j)
            .is_some_and(|g| g.split_whitespace().count() <= 1 && g.len() <= 4)
    };
    // Most bytes can open no break: they are passed over by a table look-up.
    let start = (0..at.min(b.len()))
        .rev()
        .filter(|&i| MAY_BREAK[usize::from(b[i])])
        .find_map(|i| {
            let n = breaks_at(i)?;
            (b[i] == b',' || b[i] == b';' || !near(i + n, at)).then_some(i + n)
        })
        .unwrap_or(0);
    let stop = (end..b.len())
        .filter(|&i| MAY_BREAK[usize::from(b[i])])
        .find(|&i| breaks_at(i).is_some_and(|_| b[i] == b',' || b[i] == b';' || !near(end, i)))
        .unwrap_or(b.len());
    (start.min(at), stop.max(end))
}

/// The action stated for the measure named at `at..end` of the sentence, read in the
/// measure's own clause ([`clause_of`]): an action word within the measure's own words, else
/// the nearest action word before it (verb, then object: "declared a state of emergency",
/// "extended the curfew declared last week"), else the nearest after it (passive: "a curfew
/// was imposed"), else in force. Words of two actions at the same place go by
/// [`ACTION_ORDER`]. A future that ends the measure ("the internet will be restored") leaves
/// it in force (rule `future_lifting_means_in_force`).
fn action_of(doc: &Document, sentence: &Span, at: usize, end: usize) -> &'static str {
    let flat_sentence = &doc.flat[sentence.clone()];
    let rank = |a: &str| {
        ACTION_ORDER
            .iter()
            .position(|x| *x == a)
            .unwrap_or(usize::MAX)
    };
    let (from, to) = clause_of(flat_sentence, at, end);
    if flat_sentence.get(from..to).is_none() {
        return "in_force";
    }
    let clause = sentence.start + from..sentence.start + to;
    let words: Vec<(usize, usize, &'static str)> = doc
        .phrases_in(&ACTIONS.0, &clause)
        .filter_map(|m| {
            let a = m
                .entries
                .iter()
                .map(|&i| ACTIONS.1[i])
                .min_by_key(|a| rank(a))?;
            Some((m.start - sentence.start, m.end - sentence.start, a))
        })
        .collect();
    let before = words
        .iter()
        .filter(|w| w.1 <= at)
        .max_by_key(|w| (w.1, std::cmp::Reverse(rank(w.2))));
    let after = words
        .iter()
        .filter(|w| w.0 >= end)
        .min_by_key(|w| (w.0, rank(w.2)));
    // The measure's own words may say it ("appealed for aid", "an emergency appeal").
    let inside = words
        .iter()
        .filter(|w| w.0 < end && w.1 > at)
        .min_by_key(|w| rank(w.2));
    let Some(chosen) = inside.or(before).or(after) else {
        return "in_force";
    };
    let lifted_later = words.iter().any(|w| w.0 > chosen.0 && w.2 == "lifted");
    if chosen.2 == "planned" && lifted_later {
        return "in_force";
    }
    // Rule `future_imposing_is_planned`: "will declare", "plans to impose", "would be
    // extended": a future word just before the verb makes the measure planned.
    let future_before = words
        .iter()
        .filter(|w| w.1 <= chosen.0 && w.2 == "planned")
        .any(|w| {
            let gap = &flat_sentence[w.1..chosen.0];
            gap.split_whitespace().count() <= 1
        });
    if future_before && matches!(chosen.2, "declared" | "imposed" | "extended") {
        return "planned";
    }
    chosen.2
}

/// Rule `any_measure_is_general`: "any state of emergency", "every curfew" speak of a kind of
/// measure, not of one that was taken.
fn general_determiner(flat_sentence: &str, at: usize) -> bool {
    let before = flat_sentence[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    word.eq_ignore_ascii_case("any") || word.eq_ignore_ascii_case("every")
}

/// Words that mark a sentence as talk about measures in general (rule
/// `measures_talked_about_in_general`): "states may declare emergencies", "under international
/// law", "in general", "narrowly". Modal forms are built from their parts.
static GENERAL: LazyLock<FilteredPhrases> = LazyLock::new(|| {
    let mut phrases: Vec<String> = [
        "under international law",
        "in general",
        "narrow",
        "narrowly",
    ]
    .map(String::from)
    .to_vec();
    for modal in ["may", "might", "can", "could", "should"] {
        for only in ["", "only "] {
            for be in ["", "be "] {
                for verb in ["declare", "impose", "declared", "imposed"] {
                    phrases.push(format!("{modal} {only}{be}{verb}"));
                }
            }
        }
    }
    FilteredPhrases::new(phrases.iter().map(String::as_str))
});

/// Words saying a measure covers the whole country.
static NATIONWIDE: LazyLock<FilteredPhrases> = LazyLock::new(|| {
    FilteredPhrases::new([
        "nationwide",
        "across the country",
        "the whole country",
        "the entire country",
        "throughout the country",
    ])
});

/// True when `before` ends with "until", "till", "through" or "to" and white space: the
/// date that follows is an end.
fn ends_with_until(before: &str) -> bool {
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    let t = before.trim_end();
    ["until", "till", "through", "to"].iter().any(|w| {
        let cut = t.len().saturating_sub(w.len());
        match (t.get(cut..), t.get(..cut)) {
            (Some(tail), Some(head)) => {
                tail.eq_ignore_ascii_case(w) && !head.ends_with(|c: char| c.is_alphanumeric())
            }
            _ => false,
        }
    })
}
/// Finds every measure in `doc`.
pub fn extract(doc: &Document, times: &[TimeExpr], locations: &[Location]) -> Vec<Measure> {
    let mut out: Vec<Measure> = Vec::new();
    // Place mentions sorted by position, so that each sentence finds its own by binary search.
    let mut mentions: Vec<(usize, usize, usize)> = locations
        .iter()
        .enumerate()
        .flat_map(|(i, l)| l.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mentions.sort_unstable();
    let kind_starts = KIND_STARTS.starts(&doc.flat, &doc.word_starts);
    for s in &doc.sentences {
        let sentence = doc.slice(&s.span);
        let flat = &doc.flat[s.span.clone()];
        // The measures named in the sentence, at offsets in it.
        let mut named = KINDS
            .0
            .find_at(&doc.flat, starts_in(&kind_starts, &s.span))
            .filter(|m| m.end <= s.span.end)
            .map(|mut m| {
                m.start -= s.span.start;
                m.end -= s.span.start;
                m
            })
            .peekable();
        // Most sentences name no measure: the general-talk words are looked for only then.
        if named.peek().is_none() || GENERAL.in_span(doc, &s.span) {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        // Whether the sentence says "nationwide": looked for once, at its first measure.
        let mut nationwide: Option<bool> = None;
        for m in named {
            let Some(kind) = m.entries.first().map(|&i| KINDS.1[i]) else {
                continue;
            };
            if seen.contains(&kind) || general_determiner(flat, m.start) {
                continue;
            }
            seen.push(kind);
            let action = action_of(doc, &s.span, m.start, m.end);
            let (mut start, mut end) = (None, None);
            // Date expressions are in text order: start at the sentence's first one.
            let from = times.partition_point(|t| t.span.start < s.span.start);
            for t in times[from..]
                .iter()
                .take_while(|t| t.span.start < s.span.end)
                .filter(|t| t.span.end <= s.span.end)
            {
                if t.day.is_none() && !t.value.starts_with("XXXX") {
                    continue;
                }
                let before = &doc.text[s.span.start..t.span.start];
                // The date is written out only for the first start and the first end.
                let slot = if ends_with_until(before) {
                    &mut end
                } else {
                    &mut start
                };
                if slot.is_none() {
                    *slot = Some(t.value.get(..10).unwrap_or(&t.value).to_string());
                }
            }
            let (daily_from, daily_to) = if kind == "curfew" {
                hours::daily(sentence)
            } else {
                (None, None)
            };
            let mut areas: Vec<String> = Vec::new();
            let first = mentions.partition_point(|m| m.0 < s.span.start);
            for &(start, end, li) in &mentions[first..] {
                if start >= s.span.end {
                    break;
                }
                let name = &locations[li].name;
                if end <= s.span.end && !areas.iter().any(|a| a == name) {
                    areas.push(name.to_string());
                }
            }
            if *nationwide.get_or_insert_with(|| NATIONWIDE.in_span(doc, &s.span)) {
                areas.push("nationwide".to_string());
            }
            out.push(Measure {
                kind: kind.into(),
                action: action.into(),
                start,
                end,
                areas,
                daily_from,
                daily_to,
                evidence: Evidence::from_bytes(doc.text, s.span.start, s.span.end),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `clause_of` skips the bytes [`MAY_BREAK`] turns away: no break starts at any of them,
    /// whatever follows (every byte value, followed by what completes each break).
    #[test]
    fn no_break_starts_where_the_table_says_none_can() {
        let mut breaks = 0;
        for b in 0..=255u8 {
            for tail in [&b""[..], b" and x", b"\x80\x9c", b"\xab", b"`", b"'", b"x"] {
                let mut bytes = vec![b];
                bytes.extend_from_slice(tail);
                let Ok(text) = std::str::from_utf8(&bytes) else {
                    continue;
                };
                if break_len(text, 0).is_some() {
                    breaks += 1;
                    assert!(MAY_BREAK[usize::from(b)], "{text:?}");
                }
            }
        }
        // Every kind of break was reached: ; : " , “ « ` '
        assert!(breaks >= 8, "{breaks}");
    }

    /// On generated texts, the measure phrases found at the filtered word starts are those
    /// found at every word start.
    #[test]
    fn the_start_filter_drops_no_match() {
        let pieces = [
            "state",
            "State",
            "of",
            "emergency",
            "EMERGENCY",
            "curfew",
            "curfews",
            "internet",
            "shutdown",
            "martial",
            "law",
            "a",
            "in",
            "for",
            " ",
            "  ",
            "\t",
            "-",
            ",",
            ".",
            "é",
            "in ternet",
            "cut",
            "off",
        ];
        let mut rng = crate::testing::Rng(0x5eed_0000_3ea5_0001);
        let found = |text: &str, starts: &[u32]| -> Vec<(usize, usize, Vec<usize>)> {
            KINDS
                .0
                .find_at(text, starts)
                .map(|m| (m.start, m.end, m.entries.to_vec()))
                .collect()
        };
        for _ in 0..crate::testing::cases("MEASURES_FILTER_CASES", 20_000) {
            let n = (rng.next() % 16) as usize;
            let text: String = (0..n).flat_map(|_| [rng.pick(&pieces), " "]).collect();
            let all = crate::vocab::word_starts(&text);
            let kept = KIND_STARTS.starts(&text, &all);
            assert_eq!(found(&text, &kept), found(&text, &all), "{text:?}");
        }
        // Every phrase of the list is kept, whatever its case.
        for p in crate::vocab::entries(include_str!("kinds.txt")).filter_map(|l| l.split_once('\t'))
        {
            let body = p.1.trim_end_matches('*');
            for t in [body.to_string(), body.to_uppercase()] {
                assert!(KIND_STARTS.may_match(t.as_bytes(), 0) || t.len() < 3, "{t}");
            }
        }
    }

    /// On generated sentences: the filtered look-ups of [`GENERAL`] and [`NATIONWIDE`] answer
    /// what [`Document::has_phrase`] answers for every sentence, and for spans cut inside
    /// words and phrases.
    #[test]
    fn filtered_phrase_lists_agree_with_has_phrase() {
        let pieces = [
            "may",
            "May",
            "MIGHT",
            "can",
            "could",
            "should",
            "only",
            "be",
            "declare",
            "Imposed",
            "declared",
            "impose",
            "under",
            "international",
            "law",
            "in",
            "In",
            "general",
            "generally",
            "narrow",
            "Narrowly",
            "nationwide",
            "across",
            "the",
            "The",
            "whole",
            "entire",
            "throughout",
            "country",
            "countryside",
            "curfew",
            "a",
            "x",
            "é",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u{a0}",
            "-",
            ",",
            ".",
            "'",
            "\u{201c}",
        ];
        let mut rng = crate::testing::Rng(0x5eed_0000_3ea5_0002);
        let (mut general, mut nationwide, mut turned) = (0, 0, 0);
        let n = crate::testing::cases("MEASURES_FILTER_CASES", 20_000);
        for _ in 0..n {
            let k = (rng.next() % 14) as usize;
            let mut text = String::new();
            for _ in 0..k {
                text.push_str(rng.pick(&pieces));
                if rng.next() % 3 != 0 {
                    text.push(' ');
                }
            }
            let doc = Document::new(&text);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut spans: Vec<Span> = doc.sentences.iter().map(|s| s.span.clone()).collect();
            spans.push(0..text.len());
            let a = bounds[(rng.next() % bounds.len() as u64) as usize];
            let b = bounds[(rng.next() % bounds.len() as u64) as usize];
            spans.push(a.min(b)..a.max(b));
            for span in &spans {
                for (list, count) in [(&*GENERAL, &mut general), (&*NATIONWIDE, &mut nationwide)] {
                    let plain = doc.has_phrase(&list.list, span);
                    assert_eq!(list.in_span(&doc, span), plain, "{text:?} {span:?}");
                    *count += usize::from(plain);
                }
                turned += doc
                    .word_starts_in(span)
                    .iter()
                    .filter(|&&s| !GENERAL.filter.may_match(text.as_bytes(), s as usize))
                    .count();
            }
        }
        // Both lists match often, and the filter turns starts away.
        assert!(
            general > n / 4 && nationwide > n / 10,
            "{general} {nationwide}"
        );
        assert!(turned > n, "{turned}");
    }

    use crate::extract::dates;
    use chrono::NaiveDate;

    fn measures(text: &str) -> Vec<Measure> {
        let doc = Document::new(text);
        let times = dates::extract(&doc, NaiveDate::from_ymd_opt(2022, 1, 6));
        extract(&doc, &times, &[])
    }

    #[test]
    fn declared_with_end_date_and_curfew_hours() {
        let m = measures("The president declared a state of emergency and a curfew from 11pm to 7am until January 19.");
        assert_eq!(m.len(), 2);
        assert_eq!(
            (&*m[0].kind, &*m[0].action),
            ("state_of_emergency", "declared")
        );
        assert_eq!(m[0].end.as_deref(), Some("2022-01-19"));
        assert_eq!(
            (m[1].daily_from.as_deref(), m[1].daily_to.as_deref()),
            (Some("23:00"), Some("07:00"))
        );
    }

    #[test]
    fn until_before_a_date_is_an_end_even_after_accented_words() {
        assert!(ends_with_until("in force until "));
        assert!(ends_with_until("closed in YAOUNDÉ till "));
        assert!(!ends_with_until("YAOUNDÉ "));
        assert!(!ends_with_until("Toronto "));
        assert!(!ends_with_until("until"));
    }

    #[test]
    fn each_measure_takes_the_action_word_nearest_before_it() {
        let action = |t: &str| measures(t).first().map(|m| m.action.clone());
        assert_eq!(
            action("Officials extended the curfew declared last week.").as_deref(),
            Some("extended")
        );
        assert_eq!(
            action("Paraguay declares state of emergency").as_deref(),
            Some("declared")
        );
        assert_eq!(
            action("A curfew was imposed on the city.").as_deref(),
            Some("imposed")
        );
        let m = measures("The government declared a state of emergency that will remain in force, and imposed a curfew.");
        let got: Vec<(&str, &str)> = m.iter().map(|m| (&*m.kind, &*m.action)).collect();
        assert_eq!(
            got,
            vec![("state_of_emergency", "declared"), ("curfew", "imposed")]
        );
    }

    #[test]
    fn lifting_and_general_talk() {
        assert_eq!(
            measures("Authorities lifted the curfew on Monday.")[0].action,
            "lifted"
        );
        assert!(measures("States may declare emergencies only under narrow circumstances, and a state of emergency must be limited.").is_empty());
    }

    /// The measures of `text` as (type, action), each checked to carry its sentence as
    /// evidence at the right offsets.
    fn kinds_and_actions(text: &str) -> Vec<(String, String)> {
        measures(text)
            .into_iter()
            .map(|m| {
                let e = &m.evidence;
                assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
                (m.kind.into_owned(), m.action.into_owned())
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, a)| (k.to_string(), a.to_string()))
            .collect()
    }

    #[test]
    fn a_measure_takes_its_own_clause() {
        assert_eq!(
            kinds_and_actions("\"The curfew is only a temporary step,\" the mayor of Dunmore said, \"and the mobile internet will be restored by Friday.\""),
            pairs(&[("curfew", "in_force"), ("internet_shutdown", "in_force")])
        );
        assert_eq!(
            kinds_and_actions(
                "A curfew was imposed on the port; officials will review it next week."
            ),
            pairs(&[("curfew", "imposed")])
        );
        // Scare quotes around the measure are not a clause edge.
        assert_eq!(
            kinds_and_actions("The governor declared \"a state of emergency\" in the valley."),
            pairs(&[("state_of_emergency", "declared")])
        );
        assert_eq!(clause_of("Curfew stays, and roads reopen.", 0, 6), (0, 12));
    }

    #[test]
    fn future_imposing_is_planned_future_lifting_is_in_force() {
        assert_eq!(
            kinds_and_actions("The cabinet will declare a state of emergency on Friday."),
            pairs(&[("state_of_emergency", "planned")])
        );
        assert_eq!(
            kinds_and_actions("The curfew will be lifted once calm returns."),
            pairs(&[("curfew", "in_force")])
        );
        assert_eq!(
            kinds_and_actions("Police imposed a curfew in the old town."),
            pairs(&[("curfew", "imposed")])
        );
    }

    #[test]
    fn measures_talked_about_in_general() {
        assert!(
            kinds_and_actions("Governments may impose a curfew only as a last resort.").is_empty()
        );
        assert!(
            kinds_and_actions("Any state of emergency must be limited in time and place.")
                .is_empty()
        );
        assert!(
            kinds_and_actions("Under international law, curfews must be proportionate.").is_empty()
        );
        assert_eq!(
            kinds_and_actions("The council declared a state of emergency after the storm."),
            pairs(&[("state_of_emergency", "declared")])
        );
    }
}
