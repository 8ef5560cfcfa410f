//! Direct quotations and who said them.
//!
//! Quotation marks are paired within a paragraph (straight `"` toggles, curly `“` opens and
//! `”` closes). A paragraph that ends inside a quotation continues it when the next paragraph
//! opens with a quotation mark (the news convention for quotes over several paragraphs).
//! The speaker comes from an attribution right after the quote (`," said X`, `," X said`)
//! or right before it (`X said: "`, `according to X`); a pronoun or a bare surname points
//! to the person named before; a quote with no attribution continues the previous speaker
//! when it follows it directly.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::extract::actors;
use crate::model::{Actor, Evidence, Quote};

/// Fewer words than this is a scare quote or a term, not a quotation.
const MIN_WORDS: usize = 3;

const VERBS: &str = r"said|says|added|adds|told\s+[a-z]+(?:\s+[a-z]+)??|explained|stated|noted|wrote|tweeted|posted|recalled|warned|urged|asked|continued|concluded|insisted|declared|announced|testified|replied|cried|shouted|screamed|remembered|argued|stressed|acknowledged";

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?:(?:{VERBS})\s+(?P<a>(?:[^,.;!?\n]|\.[A-Za-z])+?)\s*(?:[,.;!?]|$)|(?P<b>[^,.;!?\n]+?)\s+(?:{VERBS})\b)"
    ))
    .expect("quote-after regex")
});

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[,;]\s*|\band\s+)(?:(?P<a>(?:[A-Z]|[Tt]he\s|[Aa]n?\s)[^,;!?\n]*?|he|she|they|we|I)\s+(?:{VERBS})\b[^\n]*|according\s+to\s+(?P<b>[^,.;!?\n]+?)[\s,:]*)$"
    ))
    .expect("quote-before regex")
});

static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:he|she|they|we|i|it)$").expect("pronoun regex"));

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
        while i < p.end {
            if !text.is_char_boundary(i) {
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
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(String, usize)> = None;
    for r in raws {
        let inner: Vec<&str> = r.pieces.iter().map(|(a, b)| text[*a..*b].trim()).collect();
        let joined = inner.join(" ");
        let words = joined.split_whitespace().count();
        if words < MIN_WORDS {
            continue;
        }
        let quote_text = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        let speaker = attribute(doc, r.span, actors).or_else(|| {
            // No attribution: a quote that follows the last one closely continues its speaker.
            let (name, end) = last_speaker.as_ref()?;
            let gap = &text[*end..r.span.0];
            (gap.len() < 300 && gap.matches('\n').count() <= 4).then(|| name.clone())
        });
        if let Some(s) = &speaker {
            last_speaker = Some((s.clone(), r.span.1));
        }
        out.push(Quote {
            speaker,
            text: quote_text,
            evidence: Evidence::from_bytes(text, r.span.0, r.span.1),
        });
    }
    out
}

/// The speaker named around a quotation: after it (`," said X`, `," X said`), before it in
/// the same sentence (`X said: "`, `X said the town had "`, `according to X`), or the
/// person or pronoun that opens the sentence.
fn attribute(doc: &Document, span: (usize, usize), actors: &[Actor]) -> Option<String> {
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
    let pick = |c: regex::Captures| {
        c.name("a")
            .or_else(|| c.name("b"))
            .map(|m| (m.as_str().to_string(), m.start()))
    };
    if let Some((raw, _)) = AFTER.captures(after).and_then(pick) {
        if plausible_speaker(&raw) {
            return Some(resolve(&raw, actors, span.0));
        }
    }
    if let Some((raw, _)) = BEFORE.captures(before).and_then(pick) {
        if plausible_speaker(&raw) {
            return Some(resolve(&raw, actors, span.0));
        }
    }
    // The subject of the sentence: a person named or a pronoun at its start ("Ana Velez took
    // to Twitter, posting "..."").
    let subject = person_at(actors, sentence_start, span.0).or_else(|| {
        let first = before.split_whitespace().next()?;
        PRONOUN
            .is_match(first)
            .then(|| resolve(first, actors, span.0))
    });
    subject.filter(|_| before.len() < 200).or_else(|| {
        // A partial quote inside a sentence ("spokesman P.J. Crowley called the attacks
        // "very well-coordinated""): the person named in the sentence before the quote.
        // A statement of an organization ("the Security Council said it "expresses its deep
        // shock""), when no person is named: the organization named there.
        ["person", "organization"].iter().find_map(|kind| {
            actors
                .iter()
                .filter(|a| a.kind == *kind)
                .filter_map(|a| {
                    let m = a
                        .mentions
                        .iter()
                        .filter(|m| sentence_start <= m.start && m.end <= span.0)
                        .map(|m| m.start)
                        .max()?;
                    Some((m, a))
                })
                .max_by_key(|(m, _)| *m)
                .map(|(_, a)| a.name.clone())
        })
    })
}

/// The person with a mention starting at `pos` (within two bytes) and ending before `limit`.
fn person_at(actors: &[Actor], pos: usize, limit: usize) -> Option<String> {
    actors
        .iter()
        .filter(|a| a.kind == "person")
        .find(|a| {
            actors::last_mention_before(&a.mentions, pos + 3)
                .is_some_and(|m| m.start >= pos && m.end <= limit)
        })
        .map(|a| a.name.clone())
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

/// The actor of `kind` named nearest before `pos`.
fn nearest_actor<'a>(actors: &'a [Actor], pos: usize, kind: &str) -> Option<&'a Actor> {
    actors
        .iter()
        .filter(|a| a.kind == kind)
        .filter_map(|a| {
            let p = a
                .mentions
                .iter()
                .filter(|m| m.start < pos)
                .map(|m| m.start)
                .max()?;
            Some((p, a))
        })
        .max_by_key(|(p, _)| *p)
        .map(|(_, a)| a)
}

/// The person named nearest before `pos` that fits `gender` (`None`: anyone).
fn nearest_person(actors: &[Actor], pos: usize, gender: Option<char>) -> Option<&Actor> {
    actors
        .iter()
        .filter(|a| a.kind == "person")
        .filter(|a| match (gender, actors::gender_of(&a.name)) {
            (Some(g), Some(h)) => g == h,
            _ => true,
        })
        .filter_map(|a| actors::last_mention_before(&a.mentions, pos).map(|m| (m.start, a)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, a)| a)
}

/// A pronoun → the person named last before the quote who fits it; a name, surname or
/// title → the person actor it belongs to; anything else is kept as the article words it.
fn resolve(raw: &str, actors: &[Actor], pos: usize) -> String {
    let raw = raw.trim();
    // "She also", "he later": a pronoun with an adverb.
    let raw = match raw.split_whitespace().collect::<Vec<_>>().as_slice() {
        [p, adv] if PRONOUN.is_match(p) && ADVERBS.contains(adv) => *p,
        _ => raw,
    };
    let lower = raw.to_lowercase();
    if lower == "it" {
        return nearest_actor(actors, pos, "organization")
            .map_or_else(|| raw.to_string(), |a| a.name.clone());
    }
    if PRONOUN.is_match(raw) {
        let gender = match lower.as_str() {
            "he" => Some('m'),
            "she" => Some('f'),
            _ => None,
        };
        return nearest_person(actors, pos, gender)
            .map_or_else(|| raw.to_string(), |a| a.name.clone());
    }
    // A person whose full name or surname is a word of the attribution.
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .collect();
    let named = actors.iter().filter(|a| a.kind == "person").find(|a| {
        let surname = a.name.split_whitespace().last().unwrap_or("");
        raw.contains(a.name.as_str()) || words.contains(&surname)
    });
    if let Some(a) = named {
        return a.name.clone();
    }
    // A title of a person named before: "the sheriff", "the Nicaraguan president".
    let titled = actors
        .iter()
        .filter(|a| a.kind == "person")
        .filter(|a| {
            a.title.as_ref().is_some_and(|t| {
                let head = t.split_whitespace().last().unwrap_or("").to_lowercase();
                head.len() > 3 && lower.split_whitespace().any(|w| w == head)
            })
        })
        .filter_map(|a| actors::last_mention_before(&a.mentions, pos).map(|m| (m.start, a)))
        .max_by_key(|(p, _)| *p);
    if let Some((_, a)) = titled {
        return a.name.clone();
    }
    raw.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn short_scare_quotes_are_skipped() {
        assert!(quotes("He called them \"close friends\" of his.").is_empty());
    }
}
