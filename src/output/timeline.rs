//! The `timeline` format: a briefing for a person, not for a program.
//!
//! A header (crisis type, countries, reference date), the headline figures from `summary`
//! with their sources, the dated events one a line, and the measures with their dates. Text
//! that comes from the article is cleaned of control characters and escape sequences before
//! it reaches a terminal; colour is used only when the caller says so.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Figure, Report};

struct Style {
    color: bool,
}

impl Style {
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn accent(&self, s: &str) -> String {
        self.wrap("36", s)
    }
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Replaces control characters (escape sequences included) and bidirectional overrides from
/// article text with visible, harmless characters: nothing from the input reaches the
/// terminal as a command.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        let mapped = match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => continue,
            c => c,
        };
        if mapped == ' ' && last_space {
            continue;
        }
        last_space = mapped == ' ';
        out.push(mapped);
    }
    out
}

/// "2022-01-02" → "Sun 2 Jan 2022"; "2022-01" → "Jan 2022"; "2022-01-06T23:00" →
/// "Thu 6 Jan 2022 23:00"; anything else is shown as it is.
pub(crate) fn human_date(value: &str) -> String {
    let (day, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let time = time.map(|t| match t {
        "MO" => "morning".to_string(),
        "AF" => "afternoon".to_string(),
        "EV" => "evening".to_string(),
        "NI" => "night".to_string(),
        t => t.to_string(),
    });
    let base = if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        d.format("%a %-d %b %Y").to_string()
    } else if let Ok(d) = NaiveDate::parse_from_str(&format!("{day}-01"), "%Y-%m-%d") {
        d.format("%b %Y").to_string()
    } else {
        return clean(value);
    };
    match time {
        Some(t) => format!("{base} {t}"),
        None => base,
    }
}

fn words(s: &str) -> String {
    s.replace('_', " ")
}

/// The figure that a summary value most likely came from, for its source.
fn source_of<'a>(figures: &'a [Figure], category: &str, value: Option<u64>) -> Option<&'a str> {
    figures
        .iter()
        .filter(|f| f.category == category && !f.background)
        .filter(|f| value.is_none() || f.count.value.or(f.count.min) == value)
        .find_map(|f| f.source.as_deref())
}

/// Renders the briefing.
pub fn render(r: &Report, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    let countries = if r.crisis.countries.is_empty() {
        "no country identified".to_string()
    } else {
        r.crisis.countries.join(", ")
    };
    let _ = writeln!(
        out,
        "{} {}",
        st.bold(&words(&r.crisis.kind).to_uppercase()),
        st.dim(&format!("— {countries}"))
    );
    let reference = match &r.reference_date.date {
        Some(d) => format!(
            "{} (from the {})",
            human_date(d),
            match r.reference_date.origin {
                crate::model::DateOrigin::Option => "command line",
                crate::model::DateOrigin::Dateline => "dateline",
                crate::model::DateOrigin::Text => "text",
                crate::model::DateOrigin::None => "nowhere",
            }
        ),
        None => "unknown: relative dates left unresolved".to_string(),
    };
    let _ = writeln!(out, "{} {}", st.dim("Reference date:"), reference);

    if !r.summary.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Figures"));
        for (cat, v) in &r.summary {
            let amount = match (v.value, v.min, v.max) {
                (Some(x), Some(lo), Some(hi)) if lo != hi => {
                    format!("{x} (reports range {lo}–{hi})")
                }
                (Some(x), _, _) => x.to_string(),
                (None, Some(lo), Some(hi)) if lo != hi => format!("{lo}–{hi}"),
                (None, Some(lo), _) => format!("at least {lo}"),
                (None, None, Some(hi)) => format!("up to {hi}"),
                (None, None, None) => "unknown".to_string(),
            };
            let source = source_of(&r.figures, cat, v.value.or(v.min))
                .map(|s| format!("  {}", st.dim(&format!("({})", clean(s)))))
                .unwrap_or_default();
            let _ = writeln!(out, "  {:<18} {}{}", words(cat), amount, source);
        }
    }

    let _ = writeln!(out, "\n{}", st.bold("Timeline"));
    if r.timeline.is_empty() {
        let _ = writeln!(out, "  (no dated events)");
    }
    for e in &r.timeline {
        let _ = writeln!(
            out,
            "  {:<24} {}",
            st.accent(&human_date(&e.date)),
            clean(&e.summary)
        );
    }

    if !r.measures.is_empty() {
        let _ = writeln!(out, "\n{}", st.bold("Measures"));
        for m in &r.measures {
            let mut line = format!("{} {}", words(&m.kind), words(&m.action));
            match (&m.start, &m.end) {
                (Some(s), Some(e)) => {
                    let _ = write!(line, ", {} → {}", human_date(s), human_date(e));
                }
                (Some(s), None) => {
                    let _ = write!(line, ", from {}", human_date(s));
                }
                (None, Some(e)) => {
                    let _ = write!(line, ", until {}", human_date(e));
                }
                (None, None) => {}
            }
            if let (Some(f), Some(t)) = (&m.daily_from, &m.daily_to) {
                let _ = write!(line, ", daily {f}–{t}");
            }
            if !m.areas.is_empty() {
                let _ = write!(line, " — {}", clean(&m.areas.join(", ")));
            }
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_like_a_calendar() {
        assert_eq!(human_date("2022-01-02"), "Sun 2 Jan 2022");
        assert_eq!(human_date("2022-01"), "Jan 2022");
        assert_eq!(human_date("2022-01-06T23:00"), "Thu 6 Jan 2022 23:00");
        assert_eq!(human_date("2022-01-07TNI"), "Fri 7 Jan 2022 night");
        assert_eq!(human_date("XXXX-01-05"), "XXXX-01-05");
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let s = clean("a\x1b[31mred\x07\u{202e}x\nnext");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert_eq!(s, "a\u{fffd}[31mred\u{fffd}x next");
    }
}
