//! The program's settings after the command line was parsed and validated.

use chrono::NaiveDate;

use crate::input::Source;

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON, the contract.
    Json,
    /// YAML 1.2 with the same content as the JSON.
    Yaml,
    /// A plain-language briefing.
    Timeline,
}

/// Everything the binary needs to run, independent of clap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The article to read.
    pub input: Source,
    /// Output format.
    pub format: Format,
    /// `--reference-date`, when given.
    pub reference_date: Option<NaiveDate>,
    /// JSON on one line.
    pub compact: bool,
    /// Repair invalid UTF-8 and accept NUL bytes instead of refusing.
    pub lossy: bool,
    /// Colour in the timeline format (stdout is a terminal and NO_COLOR is unset).
    pub color: bool,
}
