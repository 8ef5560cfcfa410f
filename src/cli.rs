//! The command line, as clap sees it. Doc comments here are the `--help` text.
//!
//! Nothing past [`Args::into_config`] knows clap exists: the rest of the program works on the
//! plain, validated [`Config`].

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, ValueEnum};

use crate::config::{Batch, BatchInput, Config, Format};
use crate::input::Source;

const AFTER_HELP: &str = "\
Examples:
  crisis-extract article.txt
  crisis-extract article.txt --format timeline
  cat article.txt | crisis-extract --reference-date 2022-01-06 --format yaml
  crisis-extract article.txt | jq '.figures[] | select(.category==\"killed\")'
  crisis-extract article.txt --compact | jq -c '.summary'
  crisis-extract archive/ extra.txt > reports.jsonl          # batch: JSON Lines, with \"source\"
  zcat export.jsonl.gz | crisis-extract --jsonl-in --threads 2 > reports.jsonl

Exit codes:
  0  success (also for empty input, which gives an empty report)
  1  the input could not be used (unreadable, invalid UTF-8, binary)
  2  usage error (unknown option, bad --reference-date, --format yaml in batch mode)
  3  batch mode: some articles failed (each has an {\"source\", \"error\"} line); the others
     were reported

The reference date is --reference-date when given; otherwise the article's dateline or
publication line; otherwise none, and relative dates stay unresolved (XXXX-01-05).";

/// Turn a crisis news article into a structured, verifiable summary: crisis type, places, a
/// dated timeline, impact figures, official measures, actors and quotes, each fact with the
/// span of text it came from.
#[derive(Debug, Parser)]
#[command(name = "crisis-extract", version, about, after_help = AFTER_HELP)]
pub struct Args {
    /// The article to read (UTF-8 text). `-` or nothing reads standard input. Several files
    /// or a directory (walked recursively in sorted order, `.txt`, `.text` and `.md` files)
    /// switch to batch mode: one JSON line per article, with its `source`.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Batch mode over JSON Lines (`{"id": .., "text": .., "date": "YYYY-MM-DD"}` a line)
    /// read from FILE or, without FILE or with `-`, standard input. `date`, when present, is
    /// that article's reference date.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    pub jsonl_in: Option<PathBuf>,

    /// Batch mode (JSON Lines with `source`) even for a single FILE.
    #[arg(long)]
    pub batch: bool,

    /// Worker threads in batch mode (default: the number of available cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

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
    /// Validates and converts the arguments into the program's configuration. `terminal` says
    /// whether standard output and standard error are terminals. An `Err` is a usage error
    /// message (exit code 2).
    pub fn into_config(self, terminal: Terminals, no_color: bool) -> Result<Config, String> {
        let batch = self.batch_settings(terminal.stderr)?;
        let input = match self.files.first() {
            None => Source::Stdin,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p.clone()),
        };
        Ok(Config {
            batch,
            input,
            format: match self.format {
                FormatArg::Json => Format::Json,
                FormatArg::Yaml => Format::Yaml,
                FormatArg::Timeline => Format::Timeline,
            },
            reference_date: self.reference_date,
            compact: self.compact,
            lossy: self.lossy,
            color: terminal.stdout && !no_color,
        })
    }

    /// Batch mode when asked (`--jsonl-in`, `--batch`), or when there are several inputs or a
    /// directory; `None` for one article.
    fn batch_settings(&self, stderr_is_terminal: bool) -> Result<Option<Batch>, String> {
        let has_dir = self.files.iter().any(|p| p.is_dir());
        let inputs = match &self.jsonl_in {
            Some(_) if !self.files.is_empty() => {
                return Err("--jsonl-in reads articles from one JSON Lines stream; \
                            give no FILE arguments with it"
                    .to_string())
            }
            Some(p) if p.as_os_str() == "-" => BatchInput::JsonLines(Source::Stdin),
            Some(p) => BatchInput::JsonLines(Source::File(p.clone())),
            None if self.batch || self.files.len() > 1 || has_dir => {
                if self.files.iter().any(|p| p.as_os_str() == "-") {
                    return Err("standard input (-) cannot be one of several batch inputs; \
                                use --jsonl-in - for a stream of articles"
                        .to_string());
                }
                if self.files.is_empty() {
                    return Err("--batch needs FILE or directory arguments \
                                (or use --jsonl-in)"
                        .to_string());
                }
                BatchInput::Paths(self.files.clone())
            }
            None => return Ok(None),
        };
        if self.format != FormatArg::Json {
            return Err("batch mode prints JSON Lines only; \
                        --format yaml and --format timeline need a single FILE"
                .to_string());
        }
        let threads = match self.threads {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        Ok(Some(Batch {
            inputs,
            threads,
            progress: stderr_is_terminal,
        }))
    }
}

/// Which of the standard streams are terminals (colour, progress counter).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminals {
    /// Standard output is a terminal.
    pub stdout: bool,
    /// Standard error is a terminal.
    pub stderr: bool,
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
        let term = Terminals {
            stdout: true,
            stderr: true,
        };
        let c = args.into_config(term, true).unwrap();
        assert_eq!(c.input, Source::Stdin);
        assert_eq!(c.format, Format::Timeline);
        assert!(!c.color);
        assert!(c.batch.is_none());
    }

    fn config(args: &[&str]) -> Result<Config, String> {
        let mut all = vec!["crisis-extract"];
        all.extend_from_slice(args);
        Args::parse_from(all).into_config(Terminals::default(), false)
    }

    #[test]
    fn one_file_is_not_a_batch_but_two_files_a_dir_or_jsonl_are() {
        assert!(config(&["a.txt"]).unwrap().batch.is_none());
        let two = config(&["a.txt", "b.txt", "--threads", "3"]).unwrap();
        let b = two.batch.unwrap();
        assert_eq!(b.threads, 3);
        assert_eq!(
            b.inputs,
            BatchInput::Paths(vec!["a.txt".into(), "b.txt".into()])
        );
        assert!(config(&["src"]).unwrap().batch.is_some(), "a directory");
        assert!(config(&["a.txt", "--batch"]).unwrap().batch.is_some());
        let jl = config(&["--jsonl-in"]).unwrap().batch.unwrap();
        assert_eq!(jl.inputs, BatchInput::JsonLines(Source::Stdin));
        let jl = config(&["--jsonl-in", "x.jsonl"]).unwrap().batch.unwrap();
        assert_eq!(
            jl.inputs,
            BatchInput::JsonLines(Source::File("x.jsonl".into()))
        );
    }

    #[test]
    fn batch_refuses_other_formats_and_mixed_inputs() {
        for bad in [
            &["a.txt", "b.txt", "--format", "yaml"][..],
            &["--jsonl-in", "--format", "timeline"],
            &["--jsonl-in", "x.jsonl", "a.txt"],
            &["a.txt", "-"],
            &["--batch"],
        ] {
            assert!(config(bad).is_err(), "{bad:?}");
        }
        assert!(Args::try_parse_from(["crisis-extract", "a", "b", "--threads", "0"]).is_err());
    }
}
