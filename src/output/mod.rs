//! Renderers: each turns a finished [`Report`] into text. They never extract, filter or
//! reorder — what the report holds is what is printed.

mod json;
mod timeline;
mod yaml;

use crate::config::{Config, Format};
use crate::model::Report;

pub use yaml::to_yaml;

/// How to print a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Which format.
    pub format: Format,
    /// JSON on one line.
    pub compact: bool,
    /// ANSI colour in the timeline format.
    pub color: bool,
}

impl From<&Config> for Options {
    fn from(c: &Config) -> Options {
        Options {
            format: c.format,
            compact: c.compact,
            color: c.color,
        }
    }
}

/// Renders `report` in the chosen format, ending with a newline.
pub fn render(report: &Report, opts: &Options) -> String {
    match opts.format {
        Format::Json => json::render(report, opts.compact),
        Format::Yaml => yaml::render(report),
        Format::Timeline => timeline::render(report, opts.color),
    }
}
