//! Runs the date corpus (`corpus.txt`): each line an input, the exact text that must be
//! matched and its value, or text that must not be matched. On failure it prints every
//! expression found in the input with the rule that produced it.

use chrono::NaiveDate;

use super::extract;
use crate::document::Document;

#[test]
fn date_corpus() {
    let mut reference = None;
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in include_str!("corpus.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(r) = line.strip_prefix("@ref ") {
            reference = NaiveDate::parse_from_str(r.trim(), "%Y-%m-%d").ok();
            continue;
        }
        let (negative, body) = match line.strip_prefix('!') {
            Some(b) => (true, b.trim()),
            None => (false, line),
        };
        let parts: Vec<&str> = body.split(" | ").collect();
        let (input, target) = (parts[0], parts[1]);
        let Some(at) = input.find(target) else {
            failures.push(format!("corpus line: `{target}` not in `{input}`"));
            continue;
        };
        let span = at..at + target.len();
        let doc = Document::new(input);
        let found = extract(&doc, reference);
        for t in &found {
            assert_eq!(t.to_model(input).text, &input[t.span.clone()]);
        }
        let fired = || {
            found
                .iter()
                .map(|t| {
                    format!(
                        "    {:?} = {} ({}, rule {})",
                        &input[t.span.clone()],
                        t.value,
                        t.kind,
                        t.rule
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        checked += 1;
        if negative {
            if found
                .iter()
                .any(|t| t.span.start < span.end && span.start < t.span.end)
            {
                failures.push(format!(
                    "`{input}`: `{target}` must not match; found:\n{}",
                    fired()
                ));
            }
            continue;
        }
        let value = parts.get(2).copied().unwrap_or("");
        let hit = found
            .iter()
            .find(|t| t.span.start < span.end && span.start < t.span.end);
        match hit {
            Some(t) if t.span == span && t.value == value => {}
            _ => failures.push(format!(
                "`{input}`: want `{target}` = {value}; found:\n{}",
                fired()
            )),
        }
    }
    assert!(checked > 50, "corpus too small: {checked}");
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
