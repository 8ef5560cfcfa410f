//! The timeline refiner: dated sentences that report an event become timeline entries.
//!
//! A sentence is an event when it holds an event word (`events.txt`) and a date expression
//! resolved to a day (or to a month, where that is all the text gives). The entry's summary is
//! a short clause built from the sentence with leading attributions dropped. Entries are
//! sorted by date and deduplicated.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::extract::dates::TimeExpr;
use crate::model::{Event, Evidence};
use crate::vocab;

static EVENT_WORD: LazyLock<vocab::PhraseSet> =
    LazyLock::new(|| vocab::PhraseSet::new(vocab::entries(include_str!("events.txt"))));

/// Longest summary, in characters, before it is cut at a word boundary.
const MAX_SUMMARY: usize = 180;

/// Builds the timeline from the dated sentences of `doc`.
pub fn build(doc: &Document, times: &[TimeExpr]) -> Vec<Event> {
    let mut events: Vec<(String, usize, Event)> = Vec::new();
    for t in times {
        let value = match t.day {
            Some(_) => t.value.get(..10).unwrap_or(&t.value).to_string(),
            None if is_month(&t.value) => t.value.clone(),
            None => continue,
        };
        let Some(si) = doc.sentence_at(t.span.start) else {
            continue;
        };
        let s = &doc.sentences[si].span;
        // Datelines and headlines are not events.
        if doc
            .dateline
            .as_ref()
            .is_some_and(|d| d.start <= t.span.start && t.span.end <= d.end)
        {
            continue;
        }
        let sentence = doc.slice(s);
        if EVENT_WORD.find_iter(&doc.flat[s.clone()]).is_empty() {
            continue;
        }
        // A lead sentence starts with the dateline: the summary starts after it.
        let body = match &doc.dateline {
            Some(d) if d.start >= s.start && d.end < s.end => &doc.text[d.end..s.end],
            _ => sentence,
        };
        let summary = summarize(body);
        if events
            .iter()
            .any(|(d, _, e)| *d == value && e.evidence.start == s.start)
        {
            continue;
        }
        events.push((
            value.clone(),
            s.start,
            Event {
                date: value,
                summary,
                evidence: Evidence::from_bytes(doc.text, s.start, s.end),
            },
        ));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    events.into_iter().map(|(_, _, e)| e).collect()
}

fn is_month(v: &str) -> bool {
    v.len() == 7 && v.as_bytes()[4] == b'-' && v[..4].bytes().all(|b| b.is_ascii_digit())
}

static BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[[^\]\[]*\]\s*").expect("bracket regex"));

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u),?\s+(?:(?:a|an|the)\s+)?[\w .'-]{0,60}?\s+(?:said|says|told reporters|reported|added)(?:\s+on\s+\w+)?\.?$")
        .expect("attribution regex")
});

/// A short plain-language clause from a sentence: white space folded, a trailing attribution
/// ("..., police said.") dropped, cut at a word boundary.
pub fn summarize(sentence: &str) -> String {
    let folded: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    // Wire-service tags: "[Text]", "[Excerpts]".
    let folded = BRACKETS.replace_all(&folded, "").trim().to_string();
    let mut s = ATTRIBUTION.replace(&folded, "").to_string();
    if s.chars().count() > MAX_SUMMARY {
        let cut: String = s.chars().take(MAX_SUMMARY).collect();
        let cut = match cut.rfind(' ') {
            Some(i) => cut[..i].trim_end_matches([',', ';', ':']).to_string(),
            None => cut,
        };
        s = format!("{cut} …");
    } else if !s.ends_with(['.', '!', '?', '"', '”']) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates;
    use chrono::NaiveDate;

    #[test]
    fn dated_event_sentences_become_sorted_entries() {
        let text = "Police arrested 40 people on Thursday. Protests began on Sunday, officials said. The weather was mild on Monday.";
        let doc = Document::new(text);
        let times = dates::extract(&doc, NaiveDate::from_ymd_opt(2022, 1, 6));
        let tl = build(&doc, &times);
        let got: Vec<(&str, &str)> = tl
            .iter()
            .map(|e| (e.date.as_str(), e.summary.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2022-01-02", "Protests began on Sunday."),
                ("2022-01-06", "Police arrested 40 people on Thursday.")
            ]
        );
        for e in &tl {
            assert_eq!(&text[e.evidence.start..e.evidence.end], e.evidence.text);
        }
    }

    #[test]
    fn summaries_drop_trailing_attribution() {
        assert_eq!(
            summarize("Twelve officers died, the Interior Ministry said."),
            "Twelve officers died."
        );
    }
}
