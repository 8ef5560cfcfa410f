//! Impact figures: how many people were killed, injured, displaced …, and the summary.
//!
//! A figure is a quantity (digits, number words, vague quantities such as "dozens") tied to a
//! category trigger in one of two orders: "12 protesters were killed" (quantity, group,
//! trigger) or "killing 12" (trigger, quantity). The quantity's modifiers give bounds ("at
//! least" → min, "nearly" → max, "about" → approximate).

mod numbers;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::extract::dates::TimeExpr;
use crate::model::{Count, Evidence, Figure, SummaryValue};

pub use numbers::{parse_quantity, Quantity};

/// Category trigger words, as (category, unit, regex alternation).
const TRIGGERS: &[(&str, &str, &str)] = &[
    (
        "killed",
        "people",
        r"killed|dead|died|deaths|fatalities|bodies|lives|shot dead|perished|drowned",
    ),
    (
        "injured",
        "people",
        r"injured|wounded|hurt|hospitali[sz]ed|injuries",
    ),
    ("missing", "people", r"missing|unaccounted for"),
    (
        "arrested",
        "people",
        r"arrested|detained|arrests|detentions|taken into custody",
    ),
    (
        "kidnapped",
        "people",
        r"kidnapped|abducted|taken hostage|held hostage",
    ),
    (
        "displaced",
        "people",
        r"displaced|fled|forced from their homes|uprooted",
    ),
    ("evacuated", "people", r"evacuated|evacuees"),
    (
        "sheltered",
        "people",
        r"in (?:emergency |temporary )?(?:shelters|evacuation centres|evacuation centers|camps)|sheltered|sheltering",
    ),
    ("homeless", "people", r"homeless|without shelter"),
    ("affected", "people", r"affected"),
    ("rescued", "people", r"rescued|pulled alive"),
    ("infected", "people", r"cases|infected|infections"),
];

static QTY: &str = numbers::QUANTITY_PATTERN;

/// "12 protesters were killed": quantity, up to five words of group, an optional auxiliary,
/// then the trigger.
static FORWARD: LazyLock<Vec<(&'static str, &'static str, Regex)>> = LazyLock::new(|| {
    TRIGGERS
        .iter()
        .map(|(cat, unit, trig)| {
            let re = Regex::new(&format!(
                r"(?i)(?P<qty>{QTY})(?P<group>(?:\s+[A-Za-z][\w'-]*){{0,5}}?)\s+(?:(?:were|was|have been|had been|are|is|remain|remained|have|had|been|reportedly|allegedly|feared|now|also|being)\s+)*(?P<trig>{trig})\b"
            ))
            .expect("figure regex");
            (*cat, *unit, re)
        })
        .collect()
});

/// "killing 12", "the death toll rose to 40".
static BACKWARD: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    let r = |cat: &'static str, trig: &str| {
        (
            cat,
            Regex::new(&format!(r"(?i)\b(?:{trig})\s+(?:(?:at least|more than|over|nearly|almost|about|around|some)\s+)?(?P<qty>{QTY})")).expect("figure regex"),
        )
    };
    vec![
        r(
            "killed",
            r"killing|killed|death toll (?:rose|climbed|jumped|reached|stood|stands|is|was|has risen)(?: to| at)?|claimed the lives of|left",
        ),
        r("injured", r"injuring|wounding|injured|wounded"),
        r("arrested", r"arresting|arrested|detaining|detained"),
        r("evacuated", r"evacuating|evacuated"),
        r("displaced", r"displacing|displaced|forcing"),
    ]
});

static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:reportedly|allegedly|feared|unconfirmed|claimed|believed to)\b")
        .expect("hedge regex")
});

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:according to (?P<a>(?:the )?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,5})|,\s*(?P<b>(?:the |a |an )?[\w.' -]{2,60}?)\s+(?:said|says|reported|told)\b)")
        .expect("source regex")
});

const NOT_GROUP: &[&str] = &[
    "were", "was", "and", "or", "of", "in", "on", "at", "who", "had", "have", "the",
];

/// Finds every figure in `doc`.
pub fn extract(doc: &Document, _times: &[TimeExpr]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for s in &doc.sentences {
        let sentence = doc.slice(&s.span);
        let base = s.span.start;
        let hedged = HEDGE.is_match(sentence);
        let source = SOURCE.captures(sentence).and_then(|c| {
            c.name("a")
                .or_else(|| c.name("b"))
                .map(|m| m.as_str().trim().to_string())
        });
        let mut push = |cat: &str,
                        unit: &str,
                        qty_m: regex::Match,
                        group: Option<String>,
                        whole: (usize, usize)| {
            let Some(q) = parse_quantity(qty_m.as_str()) else {
                return;
            };
            if out
                .iter()
                .any(|f: &Figure| f.evidence.start == base + whole.0 && f.category == cat)
            {
                return;
            }
            out.push(Figure {
                category: cat.to_string(),
                count: q.to_count(qty_m.as_str()),
                unit: unit.to_string(),
                group,
                source: source.clone(),
                hedged,
                background: false,
                evidence: Evidence::from_bytes(doc.text, base + whole.0, base + whole.1),
            });
        };
        for (cat, unit, re) in FORWARD.iter() {
            for c in re.captures_iter(sentence) {
                let (Some(q), Some(all)) = (c.name("qty"), c.get(0)) else {
                    continue;
                };
                let group = c
                    .name("group")
                    .map(|g| g.as_str().trim().to_string())
                    .filter(|g| !g.is_empty() && !NOT_GROUP.contains(&g.as_str()));
                push(cat, unit, q, group, (all.start(), all.end()));
            }
        }
        for (cat, re) in BACKWARD.iter() {
            for c in re.captures_iter(sentence) {
                let (Some(q), Some(all)) = (c.name("qty"), c.get(0)) else {
                    continue;
                };
                push(cat, "people", q, None, (all.start(), all.end()));
            }
        }
    }
    out.sort_by_key(|f| f.evidence.start);
    out
}

/// The article's best figure per category: the largest stated value among current figures,
/// with the lowest and highest reported as bounds.
pub fn summarize(figures: &[Figure]) -> BTreeMap<String, SummaryValue> {
    let mut out: BTreeMap<String, SummaryValue> = BTreeMap::new();
    for f in figures.iter().filter(|f| !f.background) {
        let Some(n) = f.count.value.or(f.count.min) else {
            continue;
        };
        let e = out.entry(f.category.clone()).or_insert(SummaryValue {
            value: None,
            min: None,
            max: None,
        });
        e.value = Some(e.value.map_or(n, |v| v.max(n)));
        e.min = Some(e.min.map_or(n, |v| v.min(n)));
        e.max = Some(e.max.map_or(n, |v| v.max(n)));
    }
    out
}

impl Quantity {
    /// The contract's COUNT for this quantity as written.
    pub fn to_count(&self, text: &str) -> Count {
        Count {
            value: self.value,
            min: self.min,
            max: self.max,
            approximate: self.approximate,
            text: text.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, Option<u64>, Option<u64>)> {
        let doc = Document::new(text);
        extract(&doc, &[])
            .into_iter()
            .map(|f| {
                assert_eq!(&text[f.evidence.start..f.evidence.end], f.evidence.text);
                (f.category, f.count.value, f.count.min)
            })
            .collect()
    }

    #[test]
    fn quantity_group_trigger() {
        assert_eq!(
            figs("At least 12 protesters were killed."),
            vec![("killed".into(), None, Some(12))]
        );
        assert_eq!(
            figs("Twelve officers died."),
            vec![("killed".into(), Some(12), Some(12))]
        );
        assert_eq!(
            figs("Dozens were injured."),
            vec![("injured".into(), None, Some(24))]
        );
    }

    #[test]
    fn trigger_then_quantity() {
        let f = figs("A gunman opened fire, killing two and wounding three.");
        assert_eq!(
            f,
            vec![
                ("killed".into(), Some(2), Some(2)),
                ("injured".into(), Some(3), Some(3))
            ]
        );
    }

    #[test]
    fn summary_keeps_bounds() {
        let doc = Document::new(
            "Officials said 40 were killed. A rights group said 60 people were killed.",
        );
        let s = summarize(&extract(&doc, &[]));
        assert_eq!(
            s["killed"],
            SummaryValue {
                value: Some(60),
                min: Some(40),
                max: Some(60)
            }
        );
    }
}
