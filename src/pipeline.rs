//! The order of extraction, in one place.
//!
//! 1. The [`Document`] is built once: paragraphs, sentences, headline, dateline.
//! 2. The reference date is fixed first, because every relative date depends on it.
//! 3. Dates, locations and actors are independent of each other.
//! 4. Quotes need the actors (to name a speaker given by surname or pronoun); figures need
//!    the dates (to tell a background figure from a current one); measures need dates (start,
//!    end) and locations (areas).
//! 5. The crisis type and countries look at everything found before.
//! 6. The timeline needs the dates and the sentences; the summary needs all figures.
//! 7. Offsets become code points last, once, for the whole report.

use crate::context::Context;
use crate::document::Document;
use crate::extract::{actors, crisis, dates, figures, locations, measures, quotes, timeline};
use crate::model::Report;

/// Runs every extractor and refiner over `text`.
pub fn run(text: &str, ctx: &Context) -> Report {
    // One article in, one report out: the fallback is never taken, and were it ever, the
    // report would be empty rather than the process stopped.
    run_many(&[(text, ctx)]).pop().unwrap_or_else(|| {
        let reference = dates::reference_date(&Document::new(text), ctx);
        Report::empty(reference.to_model(text))
    })
}

/// The reports of several articles, each exactly as [`run`] makes it, made stage by stage:
/// each extractor runs over every article before the next extractor starts.
///
/// A short article passes through nine extractors, each with its own code, tables and word
/// lists; one after the other on a few kilobytes, each finds the processor's caches and
/// branch history filled by the others. Run over a handful of articles in a row, it finds
/// them its own from the second article on: on this machine the pipeline ran a quarter to a
/// third faster over 3 KB articles taken 16 at a time, doing the same work. Batch mode
/// hands the articles waiting for a worker over together (`batch`). Memory grows with the
/// articles held at once, so the caller bounds them.
pub fn run_many(articles: &[(&str, &Context)]) -> Vec<Report> {
    let docs: Vec<Document> = articles.iter().map(|(t, _)| Document::new(t)).collect();
    let each = || docs.iter().zip(articles);
    let references: Vec<_> = each()
        .map(|(doc, (_, ctx))| dates::reference_date(doc, ctx))
        .collect();
    let times: Vec<_> = docs
        .iter()
        .zip(&references)
        .map(|(doc, r)| dates::extract(doc, r.date))
        .collect();
    let places: Vec<_> = docs.iter().map(locations::extract).collect();
    let acts: Vec<_> = docs
        .iter()
        .zip(&places)
        .map(|(doc, p)| actors::extract(doc, &p.locations))
        .collect();
    let quoted: Vec<_> = docs
        .iter()
        .zip(&acts)
        .map(|(doc, a)| quotes::extract(doc, a))
        .collect();
    let counted: Vec<_> = docs
        .iter()
        .zip(&times)
        .map(|(doc, t)| figures::extract(doc, t))
        .collect();
    let ordered: Vec<_> = docs
        .iter()
        .zip(times.iter().zip(&places))
        .map(|(doc, (t, p))| measures::extract(doc, t, &p.locations))
        .collect();
    let kinds: Vec<_> = docs
        .iter()
        .zip(&places)
        .map(|(doc, p)| (crisis::classify(doc), crisis::countries(doc, p)))
        .collect();
    let timelines: Vec<_> = docs
        .iter()
        .zip(&times)
        .map(|(doc, t)| timeline::build(doc, t))
        .collect();
    // Each article's parts, in turn (every list has one per article).
    let parts = references
        .into_iter()
        .zip(times)
        .zip(places.into_iter().zip(acts))
        .zip(quoted.into_iter().zip(counted))
        .zip(ordered.into_iter().zip(kinds))
        .zip(timelines)
        .zip(articles);
    let mut reports = Vec::with_capacity(articles.len());
    for (
        (((((reference, times), (places, acts)), (quoted, counted)), (ordered, kind)), timeline),
        (text, _),
    ) in parts
    {
        let mut report = Report::empty(reference.to_model(text));
        report.quotes = quoted;
        report.figures = counted;
        report.measures = ordered;
        let (classification, countries) = kind;
        report.crisis.kind = classification.kind;
        report.crisis.candidates = classification.candidates;
        report.crisis.countries = countries;
        report.timeline = timeline;
        report.summary = figures::summarize(&report.figures);
        report.dates = times.into_iter().map(|t| t.into_model(text)).collect();
        report.locations = places.locations;
        report.actors = acts;
        reports.push(report.into_code_points(text));
    }
    reports
}
