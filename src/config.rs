//! The program's settings after the command line was parsed and validated.
//!
//! One article gives one report in the chosen format; several inputs (files, directories or
//! a JSON Lines stream) give [`Batch`] settings and JSON Lines output.

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
    /// Batch mode (several inputs, a directory, `--jsonl-in` or `--batch`); `None` for one
    /// article, in which case [`Config::input`] is the article.
    pub batch: Option<Batch>,
}

/// Settings of a batch run: where the articles come from and how many threads extract them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The articles, in output order.
    pub inputs: BatchInput,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Show a progress counter on standard error (it is a terminal).
    pub progress: bool,
}

/// Where a batch's articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchInput {
    /// Files and directories (walked recursively in sorted order), as given.
    Paths(Vec<std::path::PathBuf>),
    /// A JSON Lines stream, one `{"id", "text", "date"}` object a line.
    JsonLines(Source),
}
