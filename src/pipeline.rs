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
    report.dates = times.iter().map(|t| t.to_model(text)).collect();
    report.locations = places.locations;
    report.actors = acts;
    report.into_code_points(text)
}

/// A short article that reaches every rule that compiles something: used by [`warm_up`].
const WARM_TEXT: &str = "Floods and protests: 12 killed as curfew imposed\n\n\
LAGOS, Nigeria (Reuters) - At least 12 people were killed and 30 injured on Monday when \
protesters clashed with police in Lagos, the Interior Ministry said. A state of emergency \
was declared and a curfew from 10pm to 6am was imposed until Friday, officials said.\n\n\
\"We will restore order in the city,\" Governor Ade Bello told reporters on Tuesday. \
Hundreds of families were evacuated and 40 houses were destroyed by floods last week.\n";

/// Builds every extractor's automata and regexes once, on a short built-in article, running
/// the stages from last to first.
///
/// A one-article run spends most of its time compiling what the extractors match with; the
/// binary calls this on a second thread at start-up, so that while the main thread reads
/// the input and runs the first stages, the later stages are being prepared (a stage both
/// threads reach at once is built once: the other thread waits for it). Calling it has no
/// effect on any result.
pub fn warm_up() {
    let doc = Document::new(WARM_TEXT);
    let times = dates::extract(&doc, None);
    let _ = timeline::build(&doc, &times);
    let _ = crisis::classify(&doc);
    let _ = measures::extract(&doc, &times, &[]);
    let figures = figures::extract(&doc, &times);
    let _ = figures::summarize(&figures);
    let _ = quotes::extract(&doc, &[]);
    let places = locations::extract(&doc);
    let _ = crisis::countries(&doc, &places);
    let _ = actors::extract(&doc, &places.locations);
}
