//! The command line, as clap sees it. Doc comments here are the `--help` text.
//!
//! Nothing past [`Args::into_config`] knows clap exists: the rest of the program works on the
//! plain, validated [`Config`].

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};

use crate::config::{Config, Format};
use crate::input::Source;

const AFTER_HELP: &str = "\
Examples:
  crisis-extract article.txt
  crisis-extract article.txt --format timeline
  cat article.txt | crisis-extract --reference-date 2022-01-06 --format yaml
  crisis-extract article.txt | jq '.figures[] | select(.category==\"killed\")'
  crisis-extract article.txt --compact | jq -c '.summary'

Exit codes:
  0  success (also for empty input, which gives an empty report)
  1  the input could not be used (unreadable, invalid UTF-8, binary)
  2  usage error (unknown option, bad --reference-date)

The reference date is --reference-date when given; otherwise the article's dateline or
publication line; otherwise none, and relative dates stay unresolved (XXXX-01-05).";

/// Turn a crisis news article into a structured, verifiable summary: crisis type, places, a
/// dated timeline, impact figures, official measures, actors and quotes, each fact with the
/// span of text it came from.
#[derive(Debug, Parser)]
#[command(name = "crisis-extract", version, about, after_help = AFTER_HELP)]
pub struct Args {
    /// The article to read (UTF-8 text). `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,

    /// The article's date (YYYY-MM-DD): relative dates ("on Thursday") resolve against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,

    /// Print JSON on one line instead of pretty-printed.
    #[arg(long)]
    pub compact: bool,

    /// Replace invalid UTF-8 with U+FFFD (and accept NUL bytes) instead of refusing the input.
    #[arg(long)]
    pub lossy: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The report as JSON (the contract in docs/output-format.md).
    Json,
    /// The same report as YAML 1.2.
    Yaml,
    /// A briefing for a person: headline figures, dated events, measures.
    Timeline,
}

/// Parses a strict calendar date, with a message that says what was expected.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let ok_shape = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if ok_shape => Ok(d),
        _ => Err(format!(
            "'{s}' is not a calendar date in the form YYYY-MM-DD (for example 2022-01-06)"
        )),
    }
}

impl Args {
    /// Validates and converts the arguments into the program's configuration.
    pub fn into_config(self, stdout_is_terminal: bool, no_color: bool) -> Config {
        let input = match self.file {
            None => Source::Stdin,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p),
        };
        Config {
            input,
            format: match self.format {
                FormatArg::Json => Format::Json,
                FormatArg::Yaml => Format::Yaml,
                FormatArg::Timeline => Format::Timeline,
            },
            reference_date: self.reference_date,
            compact: self.compact,
            lossy: self.lossy,
            color: stdout_is_terminal && !no_color,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_date_must_be_a_real_iso_date() {
        assert!(parse_date("2022-01-06").is_ok());
        for bad in [
            "2022-13-01",
            "yesterday",
            "2022-1-6",
            "06/01/2022",
            "2022-02-30",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dash_means_stdin_and_colour_needs_a_terminal() {
        let args = Args::parse_from(["crisis-extract", "-", "--format", "timeline"]);
        let c = args.into_config(true, true);
        assert_eq!(c.input, Source::Stdin);
        assert_eq!(c.format, Format::Timeline);
        assert!(!c.color);
    }
}
