//! Temporal expressions and the article's reference date.
//!
//! Finds dates ("January 5, 2022", "5 Jan 2022", "2022-01-05"), yearless dates and weekdays
//! ("on Thursday"), and simple relative days ("yesterday"), and resolves them against the
//! reference date the way a news reader does: a weekday in a report is the latest such day on
//! or before the article's date; a yearless date takes the year that puts it nearest.
//! Values follow TimeML TIMEX3 conventions (`2022-01-05`, `2022-01`, `XXXX-01-05`).

use chrono::NaiveDate;

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
    /// The name of the rule that found it (for tests and debugging).
    pub rule: &'static str,
}

impl TimeExpr {
    /// The report's DATE entry (byte offsets).
    pub fn to_model(&self, text: &str) -> DateMention {
        self.clone().into_model(text)
    }

    /// The report's DATE entry (byte offsets), taking the value rather than copying it.
    pub fn into_model(self, text: &str) -> DateMention {
        DateMention {
            text: text[self.span.clone()].to_string(),
            kind: self.kind.into(),
            value: self.value,
            start: self.span.start,
            end: self.span.end,
        }
    }
}

mod scan;

/// Two-digit years, by a fixed pivot: 00–49 are 20xx, 50–99 are 19xx ("25 Aug 88" is 1988).
pub(crate) fn full_year(y: i32) -> i32 {
    match y {
        0..=49 => 2000 + y,
        50..=99 => 1900 + y,
        _ => y,
    }
}

/// Finds every temporal expression, in text order, resolved against `reference`.
///
/// Without a reference date, relative expressions stay underspecified (`XXXX-01-19`,
/// `XXXX-WXX-4`) and nothing is guessed from the clock.
pub fn extract(doc: &Document, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let dateline = doc.dateline.as_ref().map(|d| doc.slice(d));
    scan::Scanner::new(doc.text, reference, dateline).run()
}

/// [`extract`] over a piece of an article read as a whole one (its top, a paragraph), without
/// building a [`Document`] of it: the scanner needs only the text and its dateline.
fn extract_piece(piece: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let dateline = piece_dateline(piece);
    scan::Scanner::new(piece, reference, dateline).run()
}

/// The first expression of `piece` (read as [`extract_piece`] reads it, without a reference
/// date) that starts before byte `limit` and that `wanted` accepts; with `year_only`, none from
/// a piece that [`scan::may_name_year_in`] turns away. The scan stops there, and the piece is
/// cut into tokens once for both; not at all when [`scan::may_name_year_bytes`] turns it away
/// from its bytes.
fn first_in_piece(
    piece: &str,
    limit: usize,
    year_only: bool,
    wanted: impl FnMut(&TimeExpr) -> bool,
) -> Option<TimeExpr> {
    // The bytes first: most pieces read for a year are turned away without being cut.
    if year_only && !scan::may_name_year_bytes(piece) {
        return None;
    }
    let s = scan::Scanner::cut(piece);
    if year_only && !scan::may_name_year_in(piece, s.tokens()) {
        return None;
    }
    let dateline = piece_dateline(piece);
    s.prepared(None, dateline).first(limit, wanted)
}

/// The dateline of `piece` read as a whole article, for the scanner; `None` for a piece
/// without a slash. Only a numeric date ("05/01/2022") reads the dateline (for its day and
/// month order) and it needs a slash, so the answer for such a piece changes nothing; finding
/// it means outlining the piece (its paragraphs, headline and dateline), which costs more
/// than scanning a short piece for its dates.
fn piece_dateline(piece: &str) -> Option<&str> {
    if !piece.as_bytes().contains(&b'/') {
        return None;
    }
    crate::document::dateline_of(piece).map(|d| &piece[d])
}

/// True for a month or weekday name ("March", "monday") or a month abbreviation with its
/// period ("Jan.", "Sept."), in any case. Other extractors use it to keep calendar words out
/// of names.
pub fn is_calendar_word(w: &str) -> bool {
    match w.strip_suffix('.') {
        Some(abbr) => matches!(scan::month_of(abbr), Some((_, true))),
        None => matches!(scan::month_of(w), Some((_, false))) || scan::weekday_of(w).is_some(),
    }
}

/// A publication date is looked for before this byte of the text.
const TOP_DATE_LIMIT: usize = 400;

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
        // Only the dateline itself: a publication line above it is origin `text`.
        let found = extract_piece(&doc.text[dl.start..dl.end], None);
        if let Some(d) = found.iter().find_map(absolute) {
            return RefDate {
                date: Some(d),
                origin: DateOrigin::Dateline,
                span: Some(dl.clone()),
            };
        }
        // A yearless dateline ("Jan 6 (Reuters) -"): the year of the text's first explicit
        // year, if it has one; otherwise the date stays unknown.
        if let Some(t) = found
            .iter()
            .find(|t| t.value.starts_with("XXXX-") && t.value.len() == 10)
        {
            let (m, d) = (t.value[5..7].parse().ok(), t.value[8..10].parse().ok());
            // Paragraph by paragraph from the dateline's, so that the usual case (a year in
            // the lead) reads one paragraph, not the whole text.
            let first_year = |span: &Span| {
                let piece = &doc.text[span.clone()];
                let t = first_in_piece(piece, usize::MAX, true, |t| {
                    span.start + t.span.start >= dl.end
                        && t.value
                            .get(..4)
                            .is_some_and(|v| v.bytes().all(|b| b.is_ascii_digit()))
                })?;
                t.value.get(..4)?.parse::<i32>().ok()
            };
            let year = doc
                .paragraphs
                .iter()
                .filter(|p| p.end > dl.end)
                .find_map(first_year);
            if let (Some(y), Some(m), Some(d)) = (year, m, d) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return RefDate {
                        date: Some(date),
                        origin: DateOrigin::Dateline,
                        span: Some(dl.clone()),
                    };
                }
            }
        }
    }
    // A publication line: a full date in the first few hundred bytes.
    // A date that starts before byte 400 is wanted: the text up to the end of the sentence
    // that reaches past it is all that is read (a whole long lead paragraph otherwise).
    let sentence_past = doc
        .sentences
        .iter()
        .find(|s| s.span.end > TOP_DATE_LIMIT)
        .map_or(doc.text.len(), |s| s.span.end);
    let top_end = doc.paragraphs[..doc.paragraphs.len().min(3)]
        .last()
        .map_or(0, |p| p.end)
        .min(sentence_past)
        .min(doc.text.len());
    // Only a date that starts before TOP_DATE_LIMIT is wanted: the scan stops there.
    let top = first_in_piece(&doc.text[..top_end], TOP_DATE_LIMIT, false, |t| {
        absolute(t).is_some()
    });
    if let Some((t, d)) = top.and_then(|t| absolute(&t).map(|d| (t, d))) {
        // The evidence is the whole line when it is a short publication line
        // ("Published 6 March 2025"), else the date itself.
        let line = doc
            .paragraph_at(t.span.start)
            .map(|p| doc.paragraphs[p].clone())
            .filter(|p| p.len() <= 80)
            .unwrap_or(t.span);
        return RefDate {
            date: Some(d),
            origin: DateOrigin::Text,
            span: Some(line),
        };
    }
    RefDate {
        date: None,
        origin: DateOrigin::None,
        span: None,
    }
}

#[cfg(test)]
mod corpus_test;

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
    fn weekdays_resolve_by_tense() {
        // 2022-01-06 is a Thursday.
        assert_eq!(
            values("It struck on Thursday.", "2022-01-06")[0].1,
            "2022-01-06"
        );
        assert_eq!(
            values("Protests grew since Sunday.", "2022-01-06")[0].1,
            "2022-01-02"
        );
        assert_eq!(
            values("Troops clashed on Friday.", "2022-01-06")[0].1,
            "2021-12-31"
        );
        assert_eq!(
            values("Talks will resume on Friday.", "2022-01-06")[0].1,
            "2022-01-07"
        );
        assert_eq!(values("Talks ended Monday.", "")[0].1, "XXXX-WXX-1");
    }

    #[test]
    fn yearless_dates_take_the_nearest_year_or_stay_underspecified() {
        assert_eq!(values("until January 19", "2022-01-06")[0].1, "2022-01-19");
        assert_eq!(values("on Dec. 30", "2022-01-06")[0].1, "2021-12-30");
        assert_eq!(values("until January 19", "")[0].1, "XXXX-01-19");
        assert_eq!(
            values("The ban will remain until December 20.", "2022-01-06")[0].1,
            "2022-12-20"
        );
    }

    #[test]
    fn numeric_dates_follow_the_text_order() {
        let v = values("Filed 25/12/2021. Heard 05/01/2022.", "2022-01-06");
        assert_eq!(v[1], ("05/01/2022".to_string(), "2022-01-05".to_string()));
        let v = values("Filed 12/25/2021. Heard 05/01/2022.", "2022-01-06");
        assert_eq!(v[1], ("05/01/2022".to_string(), "2022-05-01".to_string()));
        let v = values("Heard 05/01/2022.", "2022-01-06");
        assert_eq!(v[0].1, "2022-XX-XX");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "é",
            "Jan",
            "Jan.",
            "5",
            "— 2022 —",
            "Thursday night\u{0}",
            "日本 2022年1月5日",
        ] {
            let _ = values(text, "2022-01-06");
            let _ = values(text, "");
        }
    }

    #[test]
    fn a_yearless_dateline_takes_the_first_year_of_the_text() {
        let lead = "Floods\n\nLIMA, Jan 6 (Wire) - Rivers rose on Thursday.";
        // The year in the lead paragraphs, and only far below them.
        for (rest, year) in [
            ("\n\nThe 2022 rains were the worst in years.", 2022),
            (
                "\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nThe 2021 floods were smaller.",
                2021,
            ),
        ] {
            let text = format!("{lead}{rest}");
            let doc = Document::new(&text);
            let r = reference_date(&doc, &Context::default());
            assert_eq!(r.date, NaiveDate::from_ymd_opt(year, 1, 6), "{text}");
            assert_eq!(r.origin, DateOrigin::Dateline);
        }
    }

    #[test]
    fn a_piece_without_a_slash_reads_as_with_its_dateline() {
        let r = NaiveDate::from_ymd_opt(2022, 1, 6);
        for piece in [
            "LIMA, 25 Aug (Wire) - Filed 05/01/2022, heard on Thursday.",
            "LIMA, Aug 25 (Wire) - Filed 05/01/2022, heard on Thursday.",
            "LIMA, 25 Aug (Wire) - Filed on 5 January, heard on Thursday.",
            "Head\n\nLIMA, Jan 6 (Wire) - Rivers rose on Thursday, 2022.",
            "Rivers rose on Thursday, 5 Jan 2022, and again on 6/1.",
        ] {
            let dateline = crate::document::dateline_of(piece).map(|d| &piece[d]);
            for r in [r, None] {
                let plain = scan::Scanner::new(piece, r, dateline).run();
                assert_eq!(extract_piece(piece, r), plain, "{piece}");
            }
        }
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
        // A dateline without a date under a publication line: the line is the evidence.
        let text = "Head\n\nPublished 6 March 2025\n\nLIMA, Peru - Troops clashed on Friday.";
        let doc = Document::new(text);
        let r = reference_date(&doc, &Context::default());
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2025, 3, 6));
        assert_eq!(r.origin, DateOrigin::Text);
        let span = r.span.clone().unwrap_or_default();
        assert_eq!(&text[span], "Published 6 March 2025");
        let doc = Document::new("Troops clashed on Friday.");
        assert_eq!(
            reference_date(&doc, &Context::default()).origin,
            DateOrigin::None
        );
    }
}
