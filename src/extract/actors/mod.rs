//! Actors: named people (with their titles), named organizations, and groups.
//!
//! The text is cut into runs of capitalized words ("Berrien County Sheriff Paul Bailey",
//! "Ministry of Health"). A run with an organization word (`org_words.txt`) or a known
//! acronym (`acronyms.txt`) is an organization. A run with a title word (`titles.txt`) ends in
//! a person's name, the title before it. A run of two to four name-like words that is no
//! place is a person when a speech verb or a title stands next to it, or when it recurs.
//! Later mentions by surname are merged into the person. Groups ("protesters", "security
//! forces") come from `groups.txt`.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::model::{Actor, Evidence, Location};
use crate::vocab;

static TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| vocab::entries(include_str!("titles.txt")).collect());

/// Single title words, lowercased ("minister", "sheriff", "sgt.").
static TITLE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = TITLES
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| w.to_lowercase())
        .collect();
    v.sort();
    v.dedup();
    v
});

static ORG_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    vocab::entries(include_str!("org_words.txt"))
        .map(str::to_lowercase)
        .collect()
});

static ACRONYMS: LazyLock<Regex> = LazyLock::new(|| {
    let alt = vocab::alternation(vocab::entries(include_str!("acronyms.txt")));
    Regex::new(&format!(r"(?:^|[^\w.])({alt})(?:$|[^\w]|\.\s)")).expect("acronym regex")
});

static GROUPS: LazyLock<vocab::PhraseSet> =
    LazyLock::new(|| vocab::PhraseSet::new(vocab::entries(include_str!("groups.txt"))));

/// A run of capitalized words, allowing lowercase connectors inside ("Ministry of Health").
static CAP_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][\w'’.-]*(?:[ \t]+(?:(?:of|for|the|and|de|del|da|la|al|bin|van|von|der|du|le)[ \t]+)?(?:[A-Z][\w'’.-]*|al-[A-Z][\w'-]*))*")
        .expect("capitalized run regex")
});

static SPEECH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*(?:\(\w+\)\s*)?(?:said|says|told|added|explained|stated|noted|wrote|tweeted|posted|confirmed|announced|warned|urged|asked|recalled|testified)\b|^,\s*(?:\d{1,3},\s*)?(?:a|an|the|who)\b")
        .expect("speech-after regex")
});
static SPEECH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:said|says|told|added|according to|by|spokesperson|spokesman|spokeswoman|identified as|named)\s*$").expect("speech-before regex")
});

/// Capitalized words that are not names even in a run ("Monday", "The").
const NOT_NAME: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
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
    "county",
    "city",
    "province",
    "region",
    "district",
    "street",
    "st.",
    "avenue",
    "road",
    "drive",
    "river",
    "lake",
    "mount",
    "island",
    "valley",
    "but",
    "also",
    "however",
    "meanwhile",
    "police",
    "officials",
    "authorities",
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
    "president",
    "minister",
    "christmas",
    "easter",
    "ramadan",
    "covid-19",
    "god",
    "twitter",
    "facebook",
    "breaking",
    "update",
    "updated",
    "read",
    "photo",
    "video",
    "watch",
    "copyright",
    "text",
    "said",
];

fn is_name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    let first = w.chars().next().unwrap_or(' ');
    first.is_uppercase()
        && !NOT_NAME.contains(&lower.as_str())
        && !TITLE_WORDS.contains(&lower)
        && !ORG_WORDS.iter().any(|o| *o == lower)
        && (w.chars().skip(1).any(|c| c.is_lowercase()) || (w.len() == 2 && w.ends_with('.')))
}

#[derive(Debug)]
struct Found {
    name: String,
    kind: &'static str,
    title: Option<String>,
    span: (usize, usize),
}

/// `text[from..to]` widened to char boundaries and clamped to the text.
fn window(text: &str, mut from: usize, mut to: usize) -> &str {
    to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    &text[from..to]
}

fn split_words(s: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c == ' ' || c == '\t' {
            if let Some(st) = start.take() {
                out.push((base + st, base + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((base + st, base + s.len()));
    }
    out
}

fn inside_place(locations: &[Location], span: (usize, usize)) -> bool {
    locations
        .iter()
        .flat_map(|l| l.mentions.iter())
        .any(|m| m.start <= span.0 && span.1 <= m.end)
}

/// Analyses one capitalized run.
fn analyse_run(text: &str, start: usize, end: usize, locations: &[Location], out: &mut Vec<Found>) {
    let mut words = split_words(&text[start..end], start);
    // Trim trailing punctuation from the last word ("Bailey." → "Bailey").
    if let Some(last) = words.last_mut() {
        let w = &text[last.0..last.1];
        let trimmed = w.trim_end_matches(['.', ',', '\'', '’', '-']);
        let keep_initial = trimmed.len() == 1 && w.ends_with('.');
        if !keep_initial {
            last.1 = last.0 + trimmed.len();
        }
        if text[last.0..last.1].ends_with("'s") || text[last.0..last.1].ends_with("’s") {
            last.1 -= if text[last.0..last.1].ends_with("'s") {
                2
            } else {
                4
            };
        }
    }
    words.retain(|w| w.1 > w.0);
    // Drop leading words that cannot start a name or an organization.
    while let Some(first) = words.first() {
        let w = text[first.0..first.1].to_lowercase();
        if NOT_NAME.contains(&w.as_str()) && !ORG_WORDS.contains(&w) && !TITLE_WORDS.contains(&w) {
            words.remove(0);
        } else {
            break;
        }
    }
    if words.is_empty() {
        return;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| text[w.0..w.1].to_lowercase())
        .collect();
    let run_span = (words[0].0, words[words.len() - 1].1);
    let last_title = lower.iter().rposition(|w| TITLE_WORDS.contains(w));
    let has_org = lower.iter().any(|w| ORG_WORDS.contains(w)) || {
        let s = &text[run_span.0..run_span.1];
        ORG_WORDS
            .iter()
            .filter(|o| o.contains(' '))
            .any(|o| s.to_lowercase().contains(o.as_str()))
    };

    // A title followed by a name: "Interior Minister Ana Velez", "Sheriff Paul Bailey".
    if let Some(t) = last_title {
        let tail: Vec<(usize, usize)> = words[t + 1..].to_vec();
        let name_words: Vec<(usize, usize)> = tail
            .iter()
            .rev()
            .take_while(|w| is_name_word(&text[w.0..w.1]))
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let name_words: Vec<(usize, usize)> =
            name_words.iter().rev().take(3).rev().copied().collect();
        if !name_words.is_empty() && name_words.len() == tail.len().min(name_words.len()) {
            let ns = (name_words[0].0, name_words[name_words.len() - 1].1);
            let title_end = words[t].1;
            let title = text[run_span.0..title_end].trim().to_string();
            if !inside_place(locations, ns) {
                out.push(Found {
                    name: text[ns.0..ns.1].to_string(),
                    kind: "person",
                    title: Some(title),
                    span: ns,
                });
            }
            return;
        }
    }
    if has_org {
        let s = (run_span.0, run_span.1);
        out.push(Found {
            name: text[s.0..s.1].to_string(),
            kind: "organization",
            title: None,
            span: s,
        });
        return;
    }
    // A bare name of two to four name-like words.
    let n = words.len();
    if (2..=4).contains(&n) && words.iter().all(|w| is_name_word(&text[w.0..w.1])) {
        if inside_place(locations, run_span) {
            return;
        }
        let after = window(text, run_span.1, run_span.1 + 40);
        let before = window(text, run_span.0.saturating_sub(40), run_span.0);
        let cue = SPEECH_AFTER.is_match(after)
            || SPEECH_BEFORE.is_match(before.trim_end_matches([',', ' ']));
        out.push(Found {
            name: text[run_span.0..run_span.1].to_string(),
            kind: if cue { "person" } else { "candidate" },
            title: None,
            span: run_span,
        });
    }
}

/// Finds the actors of `doc`; `locations` keeps place names from becoming people.
pub fn extract(doc: &Document, locations: &[Location]) -> Vec<Actor> {
    let text = doc.text;
    let mut found: Vec<Found> = Vec::new();
    for m in CAP_RUN.find_iter(text) {
        // Skip runs entirely in capitals longer than an acronym (wire headers, datelines).
        let s = m.as_str();
        if s.len() > 5 && !s.chars().any(|c| c.is_lowercase()) {
            continue;
        }
        analyse_run(text, m.start(), m.end(), locations, &mut found);
    }
    for c in ACRONYMS.captures_iter(text) {
        if let Some(g) = c.get(1) {
            found.push(Found {
                name: g.as_str().to_string(),
                kind: "organization",
                title: None,
                span: (g.start(), g.end()),
            });
        }
    }
    // A name seen without a cue becomes a person when it is seen with one elsewhere, or
    // when it occurs twice.
    let confirmed: Vec<String> = found
        .iter()
        .filter(|f| f.kind == "person")
        .map(|f| f.name.clone())
        .collect();
    let candidates: Vec<String> = found
        .iter()
        .filter(|f| f.kind == "candidate")
        .map(|f| f.name.clone())
        .collect();
    for f in found.iter_mut().filter(|f| f.kind == "candidate") {
        let twice = candidates.iter().filter(|n| **n == f.name).count() >= 2;
        if twice || confirmed.iter().any(|c| same_person(c, &f.name)) {
            f.kind = "person";
        }
    }
    found.retain(|f| f.kind != "candidate");
    found.sort_by_key(|f| f.span.0);

    let mut actors: Vec<Actor> = Vec::new();
    for f in found {
        let ev = Evidence::from_bytes(text, f.span.0, f.span.1);
        let existing = actors.iter_mut().find(|a| {
            a.kind == f.kind
                && (a.name == f.name || (f.kind == "person" && same_person(&a.name, &f.name)))
        });
        match existing {
            Some(a) => {
                if !a.mentions.iter().any(|m| m.start == ev.start) {
                    a.mentions.push(ev);
                }
                if a.title.is_none() {
                    a.title = f.title;
                }
            }
            None => actors.push(Actor {
                name: f.name,
                kind: f.kind.to_string(),
                title: f.title,
                mentions: vec![ev],
            }),
        }
    }
    add_surname_mentions(text, &mut actors);
    for m in GROUPS.find_iter(&doc.flat) {
        let name = doc.flat[m.start..m.end].to_lowercase();
        let ev = Evidence::from_bytes(text, m.start, m.end);
        match actors
            .iter_mut()
            .find(|a| a.kind == "group" && a.name == name)
        {
            Some(a) => a.mentions.push(ev),
            None => actors.push(Actor {
                name,
                kind: "group".to_string(),
                title: None,
                mentions: vec![ev],
            }),
        }
    }
    actors
}

/// "Paul Bailey" and "Bailey", or "Joe Zangaro" and "Joseph Zangaro": same surname, and one
/// name's first word is a prefix of the other's.
fn same_person(a: &str, b: &str) -> bool {
    let (aw, bw): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    match (aw.last(), bw.last()) {
        (Some(x), Some(y)) if x == y => {
            aw.len() == 1 || bw.len() == 1 || {
                let (f1, f2) = (aw[0].trim_end_matches('.'), bw[0].trim_end_matches('.'));
                f1.starts_with(f2) || f2.starts_with(f1)
            }
        }
        _ => false,
    }
}

/// Adds every standalone occurrence of a person's surname as a mention of that person.
fn add_surname_mentions(text: &str, actors: &mut [Actor]) {
    for a in actors.iter_mut().filter(|a| a.kind == "person") {
        let Some(surname) = a.name.split_whitespace().last() else {
            continue;
        };
        if a.name.split_whitespace().count() < 2 || surname.len() < 3 {
            continue;
        }
        let Ok(re) = Regex::new(&format!(r"\b{}\b", regex::escape(surname))) else {
            continue;
        };
        for m in re.find_iter(text) {
            let inside = a
                .mentions
                .iter()
                .any(|e| e.start <= m.start() && m.end() <= e.end);
            if !inside {
                a.mentions
                    .push(Evidence::from_bytes(text, m.start(), m.end()));
            }
        }
        a.mentions.sort_by_key(|e| e.start);
    }
}
