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
    let doc = Document::new(text);
    let reference = dates::reference_date(&doc, ctx);
    let mut report = Report::empty(reference.to_model(text));

    let times = dates::extract(&doc, reference.date);
    let places = locations::extract(&doc);
    let locs = &places.locations;
    let acts = actors::extract(&doc, locs);

    report.quotes = quotes::extract(&doc, &acts);
    report.figures = figures::extract(&doc, &times);
    report.measures = measures::extract(&doc, &times, locs);

    let classification = crisis::classify(&doc);
    report.crisis.kind = classification.kind;
    report.crisis.candidates = classification.candidates;
    report.crisis.countries = crisis::countries(&doc, &places);

    report.timeline = timeline::build(&doc, &times);
    report.summary = figures::summarize(&report.figures);
    report.dates = times.into_iter().map(|t| t.into_model(text)).collect();
    report.locations = places.locations;
    report.actors = acts;
    report.into_code_points(text)
}
