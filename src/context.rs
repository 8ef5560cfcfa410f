//! What an extraction may know besides the text: the reference date and options.
//!
//! A `Context` is built once per article by the caller (the CLI, a test, a benchmark); the
//! extractors never read the clock or the environment, so the same text and context always
//! give the same report.

use chrono::NaiveDate;

/// Per-article settings for [`crate::extract`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The article's date, when the caller knows it (`--reference-date`). When `None`, the
    /// dates extractor looks for a dateline or publication line in the text.
    pub reference_date: Option<NaiveDate>,
}

impl Context {
    /// A context with a known reference date.
    pub fn with_reference_date(date: NaiveDate) -> Context {
        Context {
            reference_date: Some(date),
        }
    }
}
