//! Temporal expressions and the article's reference date.
//!
//! Finds dates ("January 5, 2022", "5 Jan 2022", "2022-01-05"), yearless dates and weekdays
//! ("on Thursday"), and simple relative days ("yesterday"), and resolves them against the
//! reference date the way a news reader does: a weekday in a report is the latest such day on
//! or before the article's date; a yearless date takes the year that puts it nearest.
//! Values follow TimeML TIMEX3 conventions (`2022-01-05`, `2022-01`, `XXXX-01-05`).

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::context::Context;
use crate::document::{Document, Span};
use crate::model::{DateMention, DateOrigin, Evidence, ReferenceDate};

/// The reference date and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefDate {
    /// The date, when known.
    pub date: Option<NaiveDate>,
    /// Its origin.
    pub origin: DateOrigin,
    /// The dateline or publication line it was read from.
    pub span: Option<Span>,
}

impl RefDate {
    /// The report's `reference_date` object (byte offsets).
    pub fn to_model(&self, text: &str) -> ReferenceDate {
        ReferenceDate {
            date: self.date.map(|d| d.format("%Y-%m-%d").to_string()),
            origin: self.origin,
            evidence: self
                .span
                .as_ref()
                .map(|s| Evidence::from_bytes(text, s.start, s.end)),
        }
    }
}

/// A temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte span of the expression.
    pub span: Span,
    /// `date`, `time`, `duration` or `set`.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// The calendar day the expression resolves to, when it names one.
    pub day: Option<NaiveDate>,
}

impl TimeExpr {
    /// The report's DATE entry (byte offsets).
    pub fn to_model(&self, text: &str) -> DateMention {
        DateMention {
            text: text[self.span.clone()].to_string(),
            kind: self.kind.to_string(),
            value: self.value.clone(),
            start: self.span.start,
            end: self.span.end,
        }
    }
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

fn month_number(s: &str) -> Option<u32> {
    let k = s.get(..3)?.to_ascii_lowercase();
    let m = match k.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday(s: &str) -> Option<Weekday> {
    let k = s.get(..3)?.to_ascii_lowercase();
    Some(match k.as_str() {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Two-digit years: 00–49 are 20xx, 50–99 are 19xx.
fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    Some(match y.len() {
        2 if n < 50 => 2000 + n,
        2 => 1900 + n,
        4 => n,
        _ => return None,
    })
}

/// One named rule: a pattern and a function that builds the expression (or rejects it).
struct Rule {
    name: &'static str,
    re: Regex,
    build: fn(
        &regex::Captures,
        Option<NaiveDate>,
    ) -> Option<(&'static str, String, Option<NaiveDate>)>,
}

fn day_value(d: NaiveDate) -> (&'static str, String, Option<NaiveDate>) {
    ("date", d.format("%Y-%m-%d").to_string(), Some(d))
}

/// A yearless month-day: the year that puts it nearest the reference date.
fn nearest_year(
    month: u32,
    day: u32,
    reference: Option<NaiveDate>,
) -> Option<(&'static str, String, Option<NaiveDate>)> {
    let Some(r) = reference else {
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some(("date", format!("XXXX-{month:02}-{day:02}"), None));
    };
    let best = [r.year() - 1, r.year(), r.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - r).num_days().abs())?;
    Some(day_value(best))
}

/// The latest `wd` on or before `r`.
fn last_weekday(r: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (r.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    r - Duration::days(i64::from(back))
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let r = |p: &str| Regex::new(p).expect("date rule regex");
    vec![
        Rule {
            name: "iso_date",
            re: r(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
            build: |c, _| {
                let d = NaiveDate::from_ymd_opt(
                    c[1].parse().ok()?,
                    c[2].parse().ok()?,
                    c[3].parse().ok()?,
                )?;
                Some(day_value(d))
            },
        },
        Rule {
            name: "month_day_year",
            re: r(&format!(
                r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
            )),
            build: |c, _| {
                let d = NaiveDate::from_ymd_opt(
                    full_year(&c[3])?,
                    month_number(&c[1])?,
                    c[2].parse().ok()?,
                )?;
                Some(day_value(d))
            },
        },
        Rule {
            name: "day_month_year",
            re: r(&format!(
                r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{{1,2}})\s+({MONTHS}),?\s+(\d{{4}}|\d{{2}}\b)"
            )),
            build: |c, _| {
                let d = NaiveDate::from_ymd_opt(
                    full_year(&c[3])?,
                    month_number(&c[2])?,
                    c[1].parse().ok()?,
                )?;
                Some(day_value(d))
            },
        },
        Rule {
            name: "month_day",
            re: r(&format!(
                r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
            )),
            build: |c, reference| {
                // "May 5" is a date; "may 5" (lowercase) is the verb.
                if c[1].starts_with(|ch: char| ch.is_lowercase()) {
                    return None;
                }
                nearest_year(month_number(&c[1])?, c[2].parse().ok()?, reference)
            },
        },
        Rule {
            name: "day_month",
            re: r(&format!(r"\b(\d{{1,2}})\s+({MONTHS})\b")),
            build: |c, reference| nearest_year(month_number(&c[2])?, c[1].parse().ok()?, reference),
        },
        Rule {
            name: "month_year",
            re: r(&format!(r"\b({MONTHS})\s+(\d{{4}})\b")),
            build: |c, _| {
                let m = month_number(&c[1])?;
                Some(("date", format!("{}-{m:02}", full_year(&c[2])?), None))
            },
        },
        Rule {
            name: "weekday",
            re: r(
                r"\b(?:(?:on|last|this|since|early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            ),
            build: |c, reference| {
                let wd = weekday(&c[1])?;
                match reference {
                    Some(r) => Some(day_value(last_weekday(r, wd))),
                    None => Some(("date", "XXXX-XX-XX".to_string(), None)),
                }
            },
        },
        Rule {
            name: "relative_day",
            re: r(r"\b(?i:yesterday|today)\b"),
            build: |c, reference| {
                let r = reference?;
                let d = if c[0].eq_ignore_ascii_case("yesterday") {
                    r - Duration::days(1)
                } else {
                    r
                };
                Some(day_value(d))
            },
        },
    ]
});

/// Finds every temporal expression, leftmost-longest across rules, resolved against `reference`.
pub fn extract(doc: &Document, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let text = doc.text;
    let mut found: Vec<TimeExpr> = Vec::new();
    for rule in RULES.iter() {
        for c in rule.re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if let Some((kind, value, day)) = (rule.build)(&c, reference) {
                found.push(TimeExpr {
                    span: m.start()..m.end(),
                    kind,
                    value,
                    day,
                });
            } else {
                let _ = rule.name;
            }
        }
    }
    // Leftmost first, longest first at the same start; drop anything overlapping a kept one.
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
    for t in found {
        if out.last().is_some_and(|l| t.span.start < l.span.end) {
            continue;
        }
        out.push(t);
    }
    out
}

/// The date relative expressions resolve against: the option, else a dateline, else a full
/// date near the top of the article (a publication line), else none.
pub fn reference_date(doc: &Document, ctx: &Context) -> RefDate {
    if let Some(d) = ctx.reference_date {
        return RefDate {
            date: Some(d),
            origin: DateOrigin::Option,
            span: None,
        };
    }
    let absolute = |t: &TimeExpr| t.day.filter(|_| !t.value.starts_with('X'));
    if let Some(dl) = &doc.dateline {
        let head = Document::new(&doc.text[..dl.end]);
        if let Some(d) = extract(&head, None).iter().find_map(absolute) {
            return RefDate {
                date: Some(d),
                origin: DateOrigin::Dateline,
                span: Some(dl.clone()),
            };
        }
    }
    // A publication line: a full date in the first few hundred bytes.
    let top_end = doc
        .paragraphs
        .iter()
        .take(3)
        .map(|p| p.end)
        .last()
        .unwrap_or(0)
        .min(doc.text.len());
    let top = Document::new(&doc.text[..top_end]);
    for t in extract(&top, None) {
        if let Some(d) = absolute(&t) {
            if t.span.start < 400 {
                return RefDate {
                    date: Some(d),
                    origin: DateOrigin::Text,
                    span: Some(t.span),
                };
            }
        }
    }
    RefDate {
        date: None,
        origin: DateOrigin::None,
        span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, reference: &str) -> Vec<(String, String)> {
        let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        let doc = Document::new(text);
        extract(&doc, r)
            .into_iter()
            .map(|t| {
                assert_eq!(&text[t.span.clone()], t.to_model(text).text);
                (text[t.span].to_string(), t.value)
            })
            .collect()
    }

    #[test]
    fn full_dates_in_news_forms() {
        for (text, want) in [
            ("on January 5, 2022 police", "2022-01-05"),
            ("on 5 January 2022 police", "2022-01-05"),
            ("on Wednesday, January 5, 2022", "2022-01-05"),
            ("dated 2022-01-05.", "2022-01-05"),
            ("25 Aug 88", "1988-08-25"),
        ] {
            let v = values(text, "2022-01-06");
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, want, "{text}");
        }
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_reference() {
        // 2022-01-06 is a Thursday.
        assert_eq!(values("on Thursday", "2022-01-06")[0].1, "2022-01-06");
        assert_eq!(values("since Sunday", "2022-01-06")[0].1, "2022-01-02");
        assert_eq!(values("on Friday", "2022-01-06")[0].1, "2021-12-31");
    }

    #[test]
    fn yearless_dates_take_the_nearest_year_or_stay_underspecified() {
        assert_eq!(values("until January 19", "2022-01-06")[0].1, "2022-01-19");
        assert_eq!(values("on Dec. 30", "2022-01-06")[0].1, "2021-12-30");
        assert_eq!(values("until January 19", "")[0].1, "XXXX-01-19");
    }

    #[test]
    fn may_the_verb_is_not_a_date() {
        assert!(values("protesters may 5 times", "2022-01-06").is_empty());
    }

    #[test]
    fn reference_from_dateline_or_publication_line() {
        let doc =
            Document::new("Head\n\nSAN SALVADOR, 25 Aug 88 (Radio) -- Troops clashed on Friday.");
        let r = reference_date(&doc, &Context::default());
        assert_eq!(r.date, NaiveDate::from_ymd_opt(1988, 8, 25));
        assert_eq!(r.origin, DateOrigin::Dateline);
        let doc = Document::new("Head\n\nPublished 6 January 2022\n\nTroops clashed on Friday.");
        let r = reference_date(&doc, &Context::default());
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2022, 1, 6));
        assert_eq!(r.origin, DateOrigin::Text);
        let doc = Document::new("Troops clashed on Friday.");
        assert_eq!(
            reference_date(&doc, &Context::default()).origin,
            DateOrigin::None
        );
    }
}
