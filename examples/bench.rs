//! The benchmark behind the numbers in README ("Benchmark"): throughput per extractor and for
//! the whole pipeline, whole-process time of one short article, peak memory, batch throughput
//! on 1 and 2 threads, and how cost grows with article size.
//!
//! `cargo build --release && cargo run --release --example bench` (from the repository root;
//! it runs `target/release/crisis-extract` for the process measurements). `--huge` adds a
//! 100 MB single-line article and a 100 MB JSON Lines batch (slow: tens of seconds).
//! `--quick` measures only the per-stage throughput, over a 2 MB corpus. `--stage NAME` (with
//! `--quick` or not) runs one stage (or `pipeline`, the whole one article at a time, or `many`,
//! the whole 16 articles at a time as batch mode runs it) alone over the corpus ten times, for
//! a profiler (`perf record target/release/examples/bench --quick --stage actors`) or for
//! alternate runs of two versions. `--samples DIR` builds
//! the corpus from the `*.txt` of another directory (your own articles) instead of `samples/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crisis_extract::document::Document;
use crisis_extract::extract::{
    actors, crisis, dates, figures, locations, measures, quotes, timeline,
};
use crisis_extract::output::{self, Options};
use crisis_extract::{config::Format, extract, pipeline, Context};

/// The binary's allocator (src/main.rs), so that the in-process rows measure what the
/// `crisis-extract` process runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MB: f64 = 1024.0 * 1024.0;
const BIN: &str = "target/release/crisis-extract";

fn main() {
    let huge = std::env::args().any(|a| a == "--huge");
    // `--quick`: a 2 MB corpus and the per-stage throughput only (for working on one stage).
    let quick = std::env::args().any(|a| a == "--quick");
    let target = if quick { 2 << 20 } else { 10 << 20 };
    let samples = read_samples();
    if samples.is_empty() {
        eprintln!("bench: no samples/*.txt here; run from the repository root");
        std::process::exit(1);
    }
    // The corpus: the samples, round after round, up to about 10 MB.
    let mut corpus: Vec<&str> = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for s in &samples {
            corpus.push(s);
            bytes += s.len();
        }
    }
    println!(
        "corpus: {} articles from {} samples, {:.1} MB",
        corpus.len(),
        samples.len(),
        bytes as f64 / MB
    );
    // Warm up: build every word list and table once.
    let _ = extract(samples[0], &Context::default());

    if let Some(stage) = arg_after("--stage") {
        one_stage(&stage, &corpus, bytes);
        return;
    }
    println!("\n== throughput, one thread (MB/s over the corpus)");
    stages(&corpus, bytes);
    if quick {
        return;
    }
    let t = Stopwatch::start();
    for a in &corpus {
        std::hint::black_box(extract(a, &Context::default()));
    }
    let pipeline = t.elapsed();
    let json = Options {
        format: Format::Json,
        compact: true,
        color: false,
    };
    let t = Stopwatch::start();
    for a in &corpus {
        let r = extract(a, &Context::default());
        std::hint::black_box(output::render(&r, &json));
    }
    let with_json = t.elapsed();
    let t = Stopwatch::start();
    many(&corpus);
    let by_16 = t.elapsed();
    row_with_cpu("whole pipeline (extract)", bytes, pipeline);
    row_with_cpu("pipeline, 16 articles at a time", bytes, by_16);
    row_with_cpu("pipeline + JSON output", bytes, with_json);

    println!("\n== linearity (one article made of the samples, cut at a char boundary)");
    let big: String = corpus.concat();
    let small = cut(&big, 10 << 10);
    let large = cut(&big, 10 << 20);
    // Three rounds, each the 10 KB article's median over 30 runs and one run of the 10 MB
    // one, taken back to back: this host's speed swings by a third within minutes, and a
    // ratio of two times taken together is steadier than one of times taken apart. The
    // median round is printed.
    let mut rounds: Vec<(f64, Duration, Duration)> = (0..3)
        .map(|_| {
            let t_small = median_time(30, || {
                std::hint::black_box(extract(small, &Context::default()));
            });
            let t_large = median_time(1, || {
                std::hint::black_box(extract(large, &Context::default()));
            });
            let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
            (ratio, t_small, t_large)
        })
        .collect();
    rounds.sort_by(|a, b| a.0.total_cmp(&b.0));
    let all: Vec<String> = rounds.iter().map(|r| format!("{:.0}", r.0)).collect();
    let (ratio, t_small, t_large) = rounds[1];
    println!(
        "10 KB: {:.2} ms   10 MB: {:.0} ms   ratio {ratio:.0} (size ratio 1024; median of \
         three back-to-back rounds: {})",
        ms(t_small),
        ms(t_large),
        all.join(", ")
    );
    if huge {
        let line = cut(&big.repeat(10), 100 << 20).replace(['\n', '\r'], " ");
        let t = Instant::now();
        let r = extract(&line, &Context::default());
        println!(
            "100 MB on one line: {:.1} s ({} figures, {} quotes)",
            t.elapsed().as_secs_f64(),
            r.figures.len(),
            r.quotes.len()
        );
    }
    println!(
        "peak memory of this benchmark process (VmHWM): {}",
        vm_hwm().unwrap_or_else(|| "unknown".into())
    );

    if !Path::new(BIN).exists() {
        println!("\n{BIN} not found: `cargo build --release` for the process measurements");
        return;
    }
    process_measurements(&samples, huge);
}

/// The value after `flag` on the command line.
fn arg_after(flag: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == flag)?;
    args.get(i + 1).cloned()
}

/// Runs one stage ten times (`BENCH_REPS`) over the corpus, with what it needs prepared beforehand, and
/// prints its throughput: a clean profile of that stage.
fn one_stage(name: &str, corpus: &[&str], bytes: usize) {
    let docs: Vec<Document> = corpus.iter().map(|a| Document::new(a)).collect();
    let refs: Vec<_> = docs
        .iter()
        .map(|d| dates::reference_date(d, &Context::default()).date)
        .collect();
    let times: Vec<_> = docs
        .iter()
        .zip(&refs)
        .map(|(d, r)| dates::extract(d, *r))
        .collect();
    let places: Vec<_> = docs.iter().map(locations::extract).collect();
    let acts: Vec<_> = docs
        .iter()
        .zip(&places)
        .map(|(d, p)| actors::extract(d, &p.locations))
        .collect();
    // BENCH_REPS=1 for an instruction-counting profiler (valgrind --tool=callgrind).
    let reps: usize = std::env::var("BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let t = Stopwatch::start();
    for _ in 0..reps {
        for (i, d) in docs.iter().enumerate() {
            match name {
                "document" => drop(std::hint::black_box(Document::new(corpus[i]))),
                "dates" => {
                    let r = dates::reference_date(d, &Context::default()).date;
                    drop(std::hint::black_box(dates::extract(d, r)));
                }
                "locations" => drop(std::hint::black_box(locations::extract(d))),
                "actors" => drop(std::hint::black_box(actors::extract(
                    d,
                    &places[i].locations,
                ))),
                "quotes" => drop(std::hint::black_box(quotes::extract(d, &acts[i]))),
                "figures" => drop(std::hint::black_box(figures::extract(d, &times[i]))),
                "measures" => drop(std::hint::black_box(measures::extract(
                    d,
                    &times[i],
                    &places[i].locations,
                ))),
                "crisis" => {
                    std::hint::black_box(crisis::classify(d));
                    std::hint::black_box(crisis::countries(d, &places[i]));
                }
                "timeline" => drop(std::hint::black_box(timeline::build(d, &times[i]))),
                "pipeline" => drop(std::hint::black_box(extract(
                    corpus[i],
                    &Context::default(),
                ))),
                "many" => {
                    if i % MANY == 0 {
                        many(&corpus[i..(i + MANY).min(corpus.len())]);
                    }
                }
                other => {
                    eprintln!("bench: unknown stage {other}");
                    std::process::exit(2);
                }
            }
        }
    }
    row_with_cpu(name, bytes * reps, t.elapsed());
}

/// Articles extracted together by [`pipeline::run_many`], as batch mode takes them when
/// they are waiting.
const MANY: usize = 16;

/// The corpus through [`pipeline::run_many`], [`MANY`] articles at a time.
fn many(corpus: &[&str]) {
    let ctx = Context::default();
    for chunk in corpus.chunks(MANY) {
        let articles: Vec<(&str, &Context)> = chunk.iter().map(|a| (*a, &ctx)).collect();
        std::hint::black_box(pipeline::run_many(&articles));
    }
}

/// Per-stage throughput over the corpus, as the pipeline calls them.
fn stages(corpus: &[&str], bytes: usize) {
    let mut t = [Duration::ZERO; 9];
    let names = [
        "document",
        "dates",
        "locations",
        "actors",
        "quotes",
        "figures",
        "measures",
        "crisis",
        "timeline+sum",
    ];
    for a in corpus {
        let mut lap = Instant::now();
        let mut mark = |i: usize| {
            t[i] += lap.elapsed();
            lap = Instant::now();
        };
        let doc = Document::new(a);
        mark(0);
        // As the pipeline: the reference date first (relative dates resolve against it, and
        // the timeline summarizes only resolved events).
        let reference = dates::reference_date(&doc, &Context::default()).date;
        let times = dates::extract(&doc, reference);
        mark(1);
        let places = locations::extract(&doc);
        let locs = &places.locations;
        mark(2);
        let acts = actors::extract(&doc, locs);
        mark(3);
        std::hint::black_box(quotes::extract(&doc, &acts));
        mark(4);
        let f = figures::extract(&doc, &times);
        mark(5);
        std::hint::black_box(measures::extract(&doc, &times, locs));
        mark(6);
        std::hint::black_box(crisis::classify(&doc));
        std::hint::black_box(crisis::countries(&doc, &places));
        mark(7);
        std::hint::black_box(timeline::build(&doc, &times));
        std::hint::black_box(figures::summarize(&f));
        mark(8);
    }
    for (name, d) in names.iter().zip(t) {
        row(name, bytes, d);
    }
}

fn process_measurements(samples: &[&str], huge: bool) {
    println!("\n== whole process ({BIN})");
    let short = "samples/shooting.txt";
    let size = fs::metadata(short).map(|m| m.len()).unwrap_or(0);
    let runs: Vec<Duration> = (0..50).filter_map(|_| time_process(&[short])).collect();
    if let Some(m) = median(runs) {
        println!(
            "{short} ({size} bytes): median {:.2} ms over 50 runs",
            ms(m)
        );
    }
    println!(
        "peak RSS of that run: {}",
        peak_rss(&[short]).unwrap_or_else(|| "unknown (no /usr/bin/time)".into())
    );

    println!("\n== batch (--jsonl-in, the samples repeated to about 10 MB, output discarded)");
    let dir = std::env::temp_dir().join(format!("crisis-bench-{}", std::process::id()));
    if fs::create_dir_all(&dir).is_err() {
        println!("cannot create {}", dir.display());
        return;
    }
    let jsonl = dir.join("corpus.jsonl");
    let mb10 = write_jsonl(&jsonl, samples, 10 << 20);
    let mut base = None;
    for threads in ["1", "2"] {
        let args = ["--jsonl-in", path_str(&jsonl), "--threads", threads];
        let Some(t) = time_process(&args) else {
            continue;
        };
        let speedup = base.map_or(String::new(), |b: Duration| {
            format!("  speed-up {:.2}x", b.as_secs_f64() / t.as_secs_f64())
        });
        base.get_or_insert(t);
        println!(
            "{threads} thread(s): {:.2} s, {:.1} MB/s{speedup}  peak RSS {}",
            t.as_secs_f64(),
            mb10 as f64 / MB / t.as_secs_f64(),
            peak_rss(&args).unwrap_or_default()
        );
    }
    if huge {
        let big = dir.join("big.jsonl");
        let n = write_jsonl(&big, samples, 100 << 20);
        let args = ["--jsonl-in", path_str(&big), "--threads", "2"];
        if let Some(t) = time_process(&args) {
            println!(
                "{:.0} MB JSON Lines, 2 threads: {:.1} s, peak RSS {}",
                n as f64 / MB,
                t.as_secs_f64(),
                peak_rss(&args).unwrap_or_default()
            );
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

fn read_samples() -> Vec<&'static str> {
    let dir = arg_after("--samples").unwrap_or_else(|| "samples".into());
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| fs::read_to_string(p).ok())
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect()
}

/// Writes `{"id", "text"}` lines from the samples until `target` bytes of text; returns the
/// bytes written.
fn write_jsonl(path: &Path, samples: &[&str], target: usize) -> usize {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < target {
        let text = samples[i % samples.len()];
        out.push_str(&serde_json::json!({ "id": i, "text": text }).to_string());
        out.push('\n');
        i += 1;
    }
    let _ = fs::write(path, &out);
    out.len()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// Wall time of one run of the binary, output discarded.
fn time_process(args: &[&str]) -> Option<Duration> {
    let t = Instant::now();
    let status = Command::new(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let d = t.elapsed();
    // 3 = some articles failed, still a complete run.
    matches!(status.code(), Some(0 | 3)).then_some(d)
}

/// Peak resident memory of one run, from `/usr/bin/time -f %M` (getrusage's ru_maxrss).
fn peak_rss(args: &[&str]) -> Option<String> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(BIN)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let kb: f64 = err.lines().last()?.trim().parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

fn vm_hwm() -> Option<String> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    median(times).unwrap_or_default()
}

fn median(mut v: Vec<Duration>) -> Option<Duration> {
    v.sort();
    v.get(v.len() / 2).copied()
}

/// The longest prefix of `s` of at most `n` bytes that ends on a char boundary.
fn cut(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn row(name: &str, bytes: usize, d: Duration) {
    println!(
        "{name:<26} {:>9.1} MB/s  ({:.2} s)",
        bytes as f64 / MB / d.as_secs_f64().max(1e-9),
        d.as_secs_f64()
    );
}

/// [`row`] with the throughput per second this thread ran on a processor as well: other
/// processes on the machine lengthen the time by the clock (the thread waits its turn) but
/// not this one, so it is the closer measure of throughput per core.
fn row_with_cpu(name: &str, bytes: usize, (wall, cpu): (Duration, Option<Duration>)) {
    let per_cpu = cpu.map_or_else(
        || "on-processor time unknown".to_string(),
        |c| {
            format!(
                "{:.1} MB/s per processor second ({:.2} s)",
                bytes as f64 / MB / c.as_secs_f64().max(1e-9),
                c.as_secs_f64()
            )
        },
    );
    println!(
        "{name:<26} {:>9.1} MB/s  ({:.2} s)   {per_cpu}",
        bytes as f64 / MB / wall.as_secs_f64().max(1e-9),
        wall.as_secs_f64()
    );
}

/// A stopwatch of the clock and of this thread's time on a processor.
struct Stopwatch {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch {
            wall: Instant::now(),
            cpu: cpu_time(),
        }
    }

    fn elapsed(&self) -> (Duration, Option<Duration>) {
        let cpu = cpu_time().zip(self.cpu).map(|(now, then)| now - then);
        (self.wall.elapsed(), cpu)
    }
}

/// How long this thread has run on a processor (Linux: the first field of
/// `/proc/thread-self/schedstat`, in nanoseconds); time spent waiting for one is not counted.
fn cpu_time() -> Option<Duration> {
    let stat = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
