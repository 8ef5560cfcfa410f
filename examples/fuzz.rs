//! A stable-toolchain fuzzer, equivalent to the cargo-fuzz target in `fuzz/` for machines
//! without nightly Rust: it mutates the seed corpus (`fuzz/corpus/extract/`) at random —
//! bit flips, inserted bytes and tricky tokens, deleted, duplicated and spliced ranges — and
//! checks every result like the property tests do: no panic, every span equals its input
//! slice, JSON parses, YAML reads back to the same value, the timeline renders, and no input
//! takes more than a second per 100 KB. Inputs that fail are written to `fuzz/artifacts/`.
//!
//! `cargo run --release --example fuzz -- [SECONDS] [SEED]` (default 60 s, seed from clock).

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;

use common::Rng;
use std::path::Path;
use std::time::{Duration, Instant};

/// Tokens that the extractors care about, inserted whole.
const DICT: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    " -- ",
    ", ",
    ". ",
    "killed",
    "injured",
    "at least",
    "more than",
    "people",
    "said",
    "on Monday",
    "January 5",
    "2022",
    "25 Aug 88",
    "1,462",
    "12",
    "two",
    "curfew",
    "state of emergency",
    "until",
    "from 11pm to 7am",
    "Interior Minister Ana Velez",
    "Velez",
    "Mr.",
    "Dr.",
    "U.S.",
    "in",
    "Peru",
    "Almaty",
    "the town of",
    "police",
    "according to",
    "\u{200b}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "🌊",
    "👨‍👩‍👧",
    "قتل",
    "погибли",
    "地震",
    "e\u{301}",
    "\0",
    "\u{1b}[",
    "\u{fffd}",
    "\u{2028}",
    "…",
    "—",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let corpus = read_corpus(Path::new("fuzz/corpus/extract"));
    if corpus.is_empty() {
        eprintln!("fuzz: no seeds in fuzz/corpus/extract (run from the repository root)");
        std::process::exit(1);
    }
    // Panics are caught and reported with their input; keep the default message short.
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    let mut rng = Rng::new(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut failures, mut bytes) = (0u64, 0u64, 0u64);
    let start = Instant::now();
    while Instant::now() < deadline {
        let mut input = corpus[rng.below(corpus.len())].clone();
        for _ in 0..1 + rng.below(8) {
            mutate(&mut input, &corpus, &mut rng);
        }
        let text = String::from_utf8_lossy(&input).into_owned();
        let t = Instant::now();
        let ok = std::panic::catch_unwind(|| {
            common::check(&text);
        })
        .is_ok();
        let took = t.elapsed();
        let slow = took > Duration::from_secs(1) * (1 + text.len() as u32 / 100_000);
        if !ok || slow {
            failures += 1;
            let kind = if ok { "slow" } else { "crash" };
            let _ = fs::create_dir_all("fuzz/artifacts");
            let path = format!("fuzz/artifacts/{kind}-{seed}-{runs}");
            let _ = fs::write(&path, &input);
            eprintln!("{kind} ({took:?}): input saved to {path}");
        }
        runs += 1;
        bytes += input.len() as u64;
    }
    println!(
        "fuzz: {runs} inputs ({:.1} MB) in {:.0} s, seed {seed}, {failures} failures",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    if failures > 0 {
        std::process::exit(1);
    }
}

fn read_corpus(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| fs::read(p).ok()).collect()
}

fn mutate(input: &mut Vec<u8>, corpus: &[Vec<u8>], rng: &mut Rng) {
    let len = input.len();
    let at = rng.below(len + 1);
    match rng.below(9) {
        0 if len > 0 => {
            let i = rng.below(len);
            input[i] ^= 1 << rng.below(8);
        }
        1 => input.insert(at, rng.next() as u8),
        2 | 3 => {
            let tok = DICT[rng.below(DICT.len())].as_bytes();
            let most = if rng.below(10) == 0 { 2000 } else { 3 };
            let n = 1 + rng.below(most);
            let piece: Vec<u8> = tok.repeat(n);
            input.splice(at..at, piece);
        }
        4 if len > 0 => {
            let end = (at + rng.below(200)).min(len);
            input.drain(at.min(end)..end);
        }
        5 if len > 0 => {
            let end = (at + rng.below(500)).min(len);
            let piece = input[at.min(end)..end].to_vec();
            input.splice(at..at, piece);
        }
        6 => {
            let other = &corpus[rng.below(corpus.len())];
            let from = rng.below(other.len() + 1);
            let end = (from + rng.below(1000)).min(other.len());
            input.splice(at..at, other[from..end].iter().copied());
        }
        7 => input.truncate(at),
        _ if len > 0 => {
            // Change the case of a range: all-caps wire copy and odd capitals.
            let end = (at + rng.below(300)).min(len);
            let upper = rng.below(2) == 0;
            for b in &mut input[at.min(end)..end] {
                *b = if upper {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                };
            }
        }
        _ => input.extend_from_slice(b" killed 5 people."),
    }
    // Keep inputs small enough for many runs a second.
    input.truncate(256 << 10);
}
