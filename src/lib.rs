//! # crisis-extract
//!
//! Turns a crisis news article into a structured, verifiable summary: the kind of crisis and
//! where it happens, a dated timeline, impact figures with their qualifiers, groups and
//! sources, official measures, actors and direct quotes — every fact with the exact span of
//! text it came from.
//!
//! ## Architecture
//!
//! The binary (`src/main.rs`) is glue: it reads one input ([`input`]), turns the command line
//! into a plain [`Config`](config::Config), calls [`extract`] and hands the [`Report`] to a
//! renderer in [`output`]. Everything else is this library, which tests and benchmarks call
//! directly.
//!
//! [`extract`] builds a [`Document`](document::Document) — the text as read, never rewritten,
//! with its paragraphs, sentences, headline and dateline — and runs the pipeline in
//! [`pipeline`]: independent rule-based extractors (one folder each under [`extract`](mod@extract)),
//! then small refiners that each do one job (resolve dates, attach sources, merge, sum). Each
//! extractor is pure and deterministic: it sees the document and a [`Context`] (the reference
//! date and options), never does I/O and never reads the clock.
//!
//! Extractors produce the serde structs of [`model`] with byte offsets; the pipeline converts
//! every offset to Unicode code points once, at the end, so that `evidence.text ==
//! input[start:end]` holds for Python and jq users. Renderers are pure functions of the
//! report: they never extract, filter or reorder.

pub mod batch;
pub mod cli;
pub mod config;
pub mod context;
pub mod document;
pub mod extract;
pub mod input;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod vocab;

#[cfg(test)]
mod testing;

pub use context::Context;
pub use model::Report;

/// Extracts everything the tool knows how to find from one article.
///
/// `text` is the article as decoded from UTF-8 with any leading BOM removed. The result's
/// offsets are code points into `text`.
pub fn extract(text: &str, ctx: &Context) -> Report {
    pipeline::run(text, ctx)
}
