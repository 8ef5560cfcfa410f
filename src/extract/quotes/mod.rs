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
use crate::model::{Actor, Evidence, Quote};

/// Fewer words than this is a scare quote or a term, not a quotation.
const MIN_WORDS: usize = 3;

const VERBS: &str = r"said|says|added|adds|told\s+[a-z]+(?:\s+[a-z]+)??|explained|stated|noted|wrote|tweeted|posted|recalled|warned|urged|asked|continued|concluded|insisted|declared|announced|testified|replied|cried|shouted|screamed|remembered|argued|stressed|acknowledged";

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?:(?:{VERBS})\s+(?P<a>[^,.;!?\n]+?)\s*(?:[,.;!?]|$)|(?P<b>[^,.;!?\n]+?)\s+(?:{VERBS})\b)"
    ))
    .expect("quote-after regex")
});

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<a>[A-Z][^,.;!?\n]*?|he|she|they|we|I)\s+(?:{VERBS})(?:\s+that)?|according\s+to\s+(?P<b>[^,.;!?\n]+?))[\s,:]*$"
    ))
    .expect("quote-before regex")
});

static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:he|she|they|we|i|it)$").expect("pronoun regex"));

#[derive(Debug)]
struct Raw {
    /// Span from the opening to the closing mark, inclusive.
    span: (usize, usize),
    /// Inner pieces (one per paragraph) without the marks.
    pieces: Vec<(usize, usize)>,
}

fn is_open(c: char) -> bool {
    matches!(c, '"' | '“' | '„')
}
fn is_close(c: char) -> bool {
    matches!(c, '"' | '”')
}

/// Pairs quotation marks paragraph by paragraph.
fn find_raw(doc: &Document) -> Vec<Raw> {
    let text = doc.text;
    let mut out = Vec::new();
    // (start of the quote, finished pieces, start of the current piece)
    let mut open: Option<(usize, Vec<(usize, usize)>, usize)> = None;
    // A reopening mark at the start of a continued paragraph is skipped.
    let mut skip_to = 0usize;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let para = &text[p.clone()];
        for (i, c) in para.char_indices() {
            let pos = p.start + i;
            if pos < skip_to {
                continue;
            }
            match &mut open {
                None if is_open(c) => open = Some((pos, Vec::new(), pos + c.len_utf8())),
                Some((start, pieces, ps)) if is_close(c) => {
                    // A curly opening mark inside an open quote is a nested quote: ignore.
                    pieces.push((*ps, pos));
                    out.push(Raw {
                        span: (*start, pos + c.len_utf8()),
                        pieces: std::mem::take(pieces),
                    });
                    open = None;
                }
                _ => {}
            }
        }
        // Ends inside a quote: continue when the next paragraph reopens one, else drop it.
        if let Some((start, mut pieces, ps)) = open.take() {
            let next_opens = doc
                .paragraphs
                .get(pi + 1)
                .and_then(|n| text[n.clone()].chars().next())
                .is_some_and(is_open);
            if next_opens {
                pieces.push((ps, p.end));
                let n = &doc.paragraphs[pi + 1];
                let mark_len = text[n.clone()].chars().next().map_or(1, char::len_utf8);
                skip_to = n.start + mark_len;
                open = Some((start, pieces, skip_to));
                continue;
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
        let speaker = attribute(
            doc,
            r.span,
            actors,
            last_speaker.as_ref().map(|s| s.0.as_str()),
        )
        .or_else(|| {
            // No attribution: a quote in the next paragraph continues the last speaker.
            let (name, end) = last_speaker.as_ref()?;
            let gap = &text[*end..r.span.0];
            (gap.matches('\n').count() <= 4 && !gap.contains('"') && !gap.contains('“'))
                .then(|| name.clone())
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

/// The speaker named around a quotation.
fn attribute(
    doc: &Document,
    span: (usize, usize),
    actors: &[Actor],
    last: Option<&str>,
) -> Option<String> {
    let text = doc.text;
    let para = doc
        .paragraph_at(span.1)
        .map(|i| doc.paragraphs[i].clone())?;
    let after = &text[span.1..para.end.max(span.1)];
    let first_para = doc
        .paragraph_at(span.0)
        .map(|i| doc.paragraphs[i].clone())?;
    let before = &text[first_para.start.min(span.0)..span.0];
    let raw = AFTER
        .captures(after)
        .and_then(|c| {
            c.name("a")
                .or_else(|| c.name("b"))
                .map(|m| m.as_str().to_string())
        })
        .filter(|s| plausible_speaker(s))
        .or_else(|| {
            BEFORE
                .captures(before)
                .and_then(|c| {
                    c.name("a")
                        .or_else(|| c.name("b"))
                        .map(|m| m.as_str().to_string())
                })
                .filter(|s| plausible_speaker(s))
        })?;
    Some(resolve(&raw, actors, span.0, last))
}

fn plausible_speaker(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=12).contains(&words) && !s.trim().is_empty()
}

/// A pronoun → the last speaker; a surname or title → the person actor it belongs to.
fn resolve(raw: &str, actors: &[Actor], pos: usize, last: Option<&str>) -> String {
    let raw = raw.trim().trim_start_matches("the ").trim();
    if PRONOUN.is_match(raw) {
        if let Some(l) = last {
            return l.to_string();
        }
        // The nearest person named before the quote.
        let person = actors
            .iter()
            .filter(|a| a.kind == "person")
            .filter_map(|a| {
                a.mentions
                    .iter()
                    .filter(|m| m.start < pos)
                    .map(|m| m.start)
                    .max()
                    .map(|p| (p, a))
            })
            .max_by_key(|(p, _)| *p);
        return person.map_or_else(|| raw.to_string(), |(_, a)| a.name.clone());
    }
    // A person actor whose mention lies inside the attribution ("Sheriff Paul Bailey", "Bailey").
    for a in actors.iter().filter(|a| a.kind == "person") {
        let surname = a.name.split_whitespace().last().unwrap_or("");
        if raw == a.name
            || raw.ends_with(&format!(" {}", a.name))
            || raw.split_whitespace().any(|w| w == surname)
        {
            return a.name.clone();
        }
    }
    raw.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(Option<String>, String)> {
        let doc = Document::new(text);
        extract(&doc, &[])
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

    #[test]
    fn short_scare_quotes_are_skipped() {
        assert!(quotes("He called them \"close friends\" of his.").is_empty());
    }
}
