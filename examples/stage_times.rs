//! Prints how long each stage takes on its first call (which includes building its word lists and tables)
//! and on a second call, for one article: `cargo run --release --example stage_times FILE`.
use std::time::Instant;

use crisis_extract::document::Document;
use crisis_extract::extract::{
    actors, crisis, dates, figures, locations, measures, quotes, timeline,
};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "samples/earthquake.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    for round in ["first", "second"] {
        let t = Instant::now();
        let doc = Document::new(&text);
        let lap = |name: &str, t: &mut Instant| {
            println!(
                "{round:>6} {name:<10} {:>8.2} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
            *t = Instant::now();
        };
        let mut t = t;
        lap("document", &mut t);
        let times = dates::extract(&doc, None);
        lap("dates", &mut t);
        let places = locations::extract(&doc);
        let locs = &places.locations;
        lap("locations", &mut t);
        let acts = actors::extract(&doc, locs);
        lap("actors", &mut t);
        let _q = quotes::extract(&doc, &acts);
        lap("quotes", &mut t);
        let f = figures::extract(&doc, &times);
        lap("figures", &mut t);
        let _m = measures::extract(&doc, &times, locs);
        lap("measures", &mut t);
        let _c = crisis::classify(&doc);
        lap("crisis", &mut t);
        let _t = timeline::build(&doc, &times);
        let _s = figures::summarize(&f);
        lap("timeline", &mut t);
    }
}
