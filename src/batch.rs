//! Batch mode: many articles in, one JSON line out per article, in input order.
//!
//! Archives are large, so the work is spread over worker threads and memory stays bounded
//! however long the input is: a producer thread walks the paths (directories recursively, in
//! sorted order) or reads the JSON Lines stream one line at a time; workers read, decode and
//! extract (the articles waiting for a worker together, stage by stage:
//! [`crate::pipeline::run_many`]); the calling thread writes the results back in input order. A fixed number of
//! tickets circulates between the writer and the producer, so at most `window` articles are
//! in flight (queued, being extracted, or waiting in the reorder buffer) at any time; a
//! multi-gigabyte JSON Lines file therefore runs in the memory of a few articles.
//!
//! A bad article never stops the batch: it gives `{"source": .., "error": ".."}` and the
//! others go on; [`Summary::failed`] lets the binary choose its exit code. Nothing is dropped
//! silently (blank JSON Lines are not articles and are skipped).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, TryRecvError};
use std::sync::{Mutex, TryLockError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde_json::Value;

use crate::config::{Batch, BatchInput, Format};
use crate::input::{self, Source};
use crate::{extract, output, pipeline, Context};

/// File extensions read when walking a directory (ASCII case-insensitive). Files named
/// explicitly on the command line are read whatever their extension.
pub const EXTENSIONS: [&str; 3] = ["txt", "text", "md"];

/// Show the progress counter only once this many articles are done ("many inputs").
const PROGRESS_AFTER: usize = 20;

/// Settings of one batch run besides its inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Worker threads (at least 1 is used).
    pub threads: usize,
    /// Repair invalid UTF-8 and accept NUL bytes (`--lossy`).
    pub lossy: bool,
    /// `--reference-date`: the reference date of articles that do not carry their own.
    pub reference_date: Option<NaiveDate>,
    /// Write a `\r` progress counter to standard error.
    pub progress: bool,
}

impl Options {
    /// Options from a batch configuration and the global flags.
    pub fn new(batch: &Batch, lossy: bool, reference_date: Option<NaiveDate>) -> Options {
        Options {
            threads: batch.threads,
            lossy,
            reference_date,
            progress: batch.progress,
        }
    }
}

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines written (articles, including failed ones).
    pub articles: usize,
    /// Articles that gave an error line.
    pub failed: usize,
}

/// One unit of work, in input order.
enum Job {
    /// A file to read.
    File(PathBuf),
    /// One JSON Lines record; `name` is `stream:line`, the source when it has no `id`.
    Line { name: String, bytes: Vec<u8> },
    /// An input that failed before it became an article (unreadable directory, read error in
    /// the stream).
    Failed { source: Value, error: String },
}

/// A finished article: its output line (without newline) and any warning for stderr.
struct Done {
    line: String,
    failed: bool,
    warning: Option<String>,
}

/// Runs a batch over `inputs`, writing one JSON line per article to `out`. Fails only when
/// the whole input cannot be used (the JSON Lines file cannot be opened) or `out` fails.
pub fn run(inputs: &BatchInput, opts: &Options, out: &mut dyn Write) -> io::Result<Summary> {
    let jsonl = match inputs {
        BatchInput::JsonLines(Source::File(p)) => Some(JsonLines::open_file(p)?),
        BatchInput::JsonLines(Source::Stdin) => Some(JsonLines::stdin()),
        BatchInput::Paths(_) => None,
    };
    let threads = opts.threads.max(1);
    // Enough to keep every worker busy while the writer waits for a slow article, and while
    // a worker holds up to `HAND_OVER` results of its own, with a chunk of `CHUNK` waiting
    // for each.
    let window = threads * (CHUNK + 8);
    let (job_tx, job_rx) = sync_channel::<(usize, Job)>(window);
    let (res_tx, res_rx) = sync_channel::<Vec<(usize, Done)>>(window);
    let (ticket_tx, ticket_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        // The channel holds exactly `window` tickets: these sends cannot block or fail.
        let _ = ticket_tx.send(());
    }
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut index = 0;
            let mut send = |job: Job| {
                // Wait for a ticket: bounds the articles in flight. An error means the
                // writer stopped (its output failed): stop producing.
                if ticket_rx.recv().is_err() || job_tx.send((index, job)).is_err() {
                    return false;
                }
                index += 1;
                true
            };
            match (inputs, jsonl) {
                (_, Some(lines)) => lines.produce(&mut send),
                (BatchInput::Paths(paths), None) => produce_paths(paths, &mut send),
                (BatchInput::JsonLines(_), None) => {}
            }
        });
        for _ in 0..threads {
            let res_tx = res_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || work(job_rx, &res_tx, opts));
        }
        drop(res_tx);
        write_in_order(res_rx, ticket_tx, opts.progress, out)
    })
}

/// Results a worker gathers before it hands them to the writer, while more jobs are waiting:
/// waking the writer (and, through the tickets it returns, the producer) costs a system
/// call and a switch of threads, a few per cent of an article's time when done per article.
/// A worker that finds no job waiting hands over what it holds at once, so output still
/// flows, and the window leaves room for what the workers hold.
const HAND_OVER: usize = 4;

/// Articles a worker extracts together when that many are waiting
/// ([`pipeline::run_many`]: each extractor runs over all of them before the next, which finds
/// the processor's caches its own), and at most this many bytes of text together, so that
/// the memory a worker holds stays that of a few articles.
const CHUNK: usize = 16;
const CHUNK_BYTES: usize = 256 << 10;

/// A worker: takes jobs until there are none, the first as it comes and then those already
/// waiting, up to a [`CHUNK`], extracts them together, and hands over results in input
/// order of its own, [`HAND_OVER`] at a time or whenever no job is waiting.
fn work(
    jobs: &Mutex<Receiver<(usize, Job)>>,
    results: &std::sync::mpsc::SyncSender<Vec<(usize, Done)>>,
    opts: &Options,
) {
    let mut held: Vec<(usize, Done)> = Vec::with_capacity(HAND_OVER);
    let mut chunk: Vec<(usize, Article)> = Vec::with_capacity(CHUNK);
    loop {
        let next = match waiting(jobs) {
            Ok(job) => Some(job),
            Err(TryRecvError::Disconnected) => None,
            Err(TryRecvError::Empty) => {
                // Nothing waiting: hand over what is held before blocking for the next.
                if !held.is_empty() && results.send(std::mem::take(&mut held)).is_err() {
                    return;
                }
                jobs.lock().unwrap_or_else(|e| e.into_inner()).recv().ok()
            }
        };
        let Some(first) = next else { break };
        let mut bytes = 0;
        let mut next = Some(first);
        while let Some((i, job)) = next.take() {
            match prepare(job, opts) {
                Ok(article) => {
                    bytes += article.text.text.len();
                    chunk.push((i, article));
                }
                Err(done) => held.push((i, done)),
            }
            if chunk.len() < CHUNK && bytes < CHUNK_BYTES {
                next = waiting(jobs).ok();
            }
        }
        extract_chunk(&mut chunk, &mut held);
        if held.len() >= HAND_OVER && results.send(std::mem::take(&mut held)).is_err() {
            return;
        }
    }
    if !held.is_empty() {
        let _ = results.send(held);
    }
}

/// The next job if one is waiting, without blocking: a worker never blocks while it holds
/// results (the writer may be waiting for one of them), so a queue another worker is
/// waiting on counts as empty.
fn waiting(jobs: &Mutex<Receiver<(usize, Job)>>) -> Result<(usize, Job), TryRecvError> {
    match jobs.try_lock() {
        Ok(queue) => queue.try_recv(),
        Err(TryLockError::Poisoned(e)) => e.into_inner().try_recv(),
        Err(TryLockError::WouldBlock) => Err(TryRecvError::Empty),
    }
}

/// Receives results in any order and writes them in input order, returning a ticket to the
/// producer for each line written.
fn write_in_order(
    results: Receiver<Vec<(usize, Done)>>,
    tickets: std::sync::mpsc::SyncSender<()>,
    progress: bool,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0;
    let mut summary = Summary::default();
    let mut counter = Progress::new(progress);
    loop {
        let batch = match results.try_recv() {
            Ok(r) => r,
            Err(TryRecvError::Empty) => {
                // Nothing ready: let a reader downstream see what is done so far.
                out.flush()?;
                match results.recv() {
                    Ok(r) => r,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        pending.extend(batch);
        while let Some(done) = pending.remove(&next) {
            if let Some(w) = &done.warning {
                counter.clear();
                eprintln!("crisis-extract: warning: {w}");
            }
            out.write_all(done.line.as_bytes())?;
            out.write_all(b"\n")?;
            summary.articles += 1;
            summary.failed += usize::from(done.failed);
            next += 1;
            // The producer may have stopped already; a lost ticket is then harmless.
            let _ = tickets.send(());
            counter.update(&summary);
        }
    }
    out.flush()?;
    counter.finish(&summary);
    Ok(summary)
}

/// The `\r` counter on standard error.
struct Progress {
    enabled: bool,
    shown: bool,
    last: Instant,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        Progress {
            enabled,
            shown: false,
            last: Instant::now(),
        }
    }

    fn update(&mut self, s: &Summary) {
        if self.enabled
            && s.articles >= PROGRESS_AFTER
            && self.last.elapsed() >= Duration::from_millis(100)
        {
            self.draw(s);
        }
    }

    fn draw(&mut self, s: &Summary) {
        eprint!("\r{} articles, {} failed", s.articles, s.failed);
        self.shown = true;
        self.last = Instant::now();
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }

    fn finish(&mut self, s: &Summary) {
        if self.shown {
            self.draw(s);
            eprintln!();
        }
    }
}

/// An article read and decoded, ready to extract.
struct Article {
    source: Value,
    text: input::Text,
    reference_date: Option<NaiveDate>,
    warning: Option<String>,
}

/// Reads and decodes one job: the article, or the error line it gives.
fn prepare(job: Job, opts: &Options) -> Result<Article, Done> {
    let (source, outcome) = match job {
        Job::Failed { source, error } => (source, Err(error)),
        Job::File(path) => {
            let source = Value::String(path.display().to_string());
            let outcome = input::read(&Source::File(path), opts.lossy)
                .map(|t| (t, opts.reference_date))
                .map_err(|e| e.to_string());
            (source, outcome)
        }
        Job::Line { name, bytes } => parse_line(&name, &bytes, opts),
    };
    match outcome {
        Ok((text, reference_date)) => Ok(Article {
            warning: repair_warning(&source, &text),
            source,
            text,
            reference_date,
        }),
        Err(error) => Err(error_line(&source, error)),
    }
}

/// The JSON of a report, compact, as batch mode writes it.
fn render(report: &crate::Report) -> String {
    let opts = output::Options {
        format: Format::Json,
        compact: true,
        color: false,
    };
    output::render(report, &opts)
}

/// Extracts the articles of `chunk` together (emptying it) and adds their lines to `held`.
/// A panic in the extractors (a bug) becomes an error line instead of stalling the batch:
/// when the chunk fails, its articles are extracted again one at a time, so that only the
/// article that fails gives one.
fn extract_chunk(chunk: &mut Vec<(usize, Article)>, held: &mut Vec<(usize, Done)>) {
    if chunk.is_empty() {
        return;
    }
    let contexts: Vec<Context> = chunk
        .iter()
        .map(|(_, a)| Context {
            reference_date: a.reference_date,
        })
        .collect();
    let articles: Vec<(&str, &Context)> = chunk
        .iter()
        .zip(&contexts)
        .map(|((_, a), ctx)| (a.text.text.as_str(), ctx))
        .collect();
    let rendered = panic::catch_unwind(AssertUnwindSafe(|| {
        let reports = pipeline::run_many(&articles);
        reports.iter().map(render).collect::<Vec<String>>()
    }));
    drop(articles);
    match rendered {
        Ok(lines) if lines.len() == chunk.len() => {
            for ((i, a), json) in chunk.drain(..).zip(lines) {
                held.push((i, done(a.source, &json, a.warning)));
            }
        }
        _ => {
            for (i, a) in chunk.drain(..) {
                held.push((i, extract_one(a)));
            }
        }
    }
}

/// Extracts one article on its own, a panic becoming its error line.
fn extract_one(a: Article) -> Done {
    let ctx = Context {
        reference_date: a.reference_date,
    };
    let rendered = panic::catch_unwind(AssertUnwindSafe(|| render(&extract(&a.text.text, &ctx))));
    match rendered {
        Ok(json) => done(a.source, &json, a.warning),
        Err(_) => error_line(
            &a.source,
            "internal error while extracting (please report)".into(),
        ),
    }
}

fn done(source: Value, json: &str, warning: Option<String>) -> Done {
    Done {
        line: with_source(&source, json),
        failed: false,
        warning,
    }
}

/// `{"source": .., <the report's fields>}`: the report's own fields stay exactly as in
/// single-article mode, `source` comes first.
fn with_source(source: &Value, report_json: &str) -> String {
    let body = report_json.trim_end();
    let fields = body.strip_prefix('{').unwrap_or(body);
    let sep = if fields.starts_with('}') { "" } else { "," };
    format!("{{\"source\":{source}{sep}{fields}")
}

fn error_line(source: &Value, error: String) -> Done {
    let v = serde_json::json!({ "source": source, "error": error });
    Done {
        line: v.to_string(),
        failed: true,
        warning: None,
    }
}

fn repair_warning(source: &Value, text: &input::Text) -> Option<String> {
    let name = match source {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match (text.replaced, text.had_nul) {
        (0, false) => None,
        (0, true) => Some(format!(
            "{name}: input contains NUL bytes; read anyway (--lossy)"
        )),
        (n, _) => Some(format!(
            "{name}: replaced {n} invalid UTF-8 sequence(s) with U+FFFD"
        )),
    }
}

type Parsed = Result<(input::Text, Option<NaiveDate>), String>;

/// Parses one JSON line into an article; the source is its `id` (string or number, as
/// given) or else `stream:line`.
fn parse_line(name: &str, bytes: &[u8], opts: &Options) -> (Value, Parsed) {
    let fallback = Value::String(name.to_string());
    let lossy_copy;
    let bytes = match (std::str::from_utf8(bytes), opts.lossy) {
        (Ok(_), _) => bytes,
        (Err(e), false) => {
            let msg = format!(
                "line is not valid UTF-8: invalid byte sequence at byte offset {} \
                 (use --lossy to replace bad bytes)",
                e.valid_up_to()
            );
            return (fallback, Err(msg));
        }
        (Err(_), true) => {
            lossy_copy = String::from_utf8_lossy(bytes).into_owned();
            lossy_copy.as_bytes()
        }
    };
    // Read as a map first, so that a record with a bad field keeps its id as source.
    // Unknown fields are ignored.
    let mut record = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return (fallback, Err("bad JSON line: not an object".to_string())),
        Err(e) => return (fallback, Err(format!("bad JSON line: {e}"))),
    };
    let source = match record.remove("id") {
        Some(v @ (Value::String(_) | Value::Number(_))) => v,
        _ => fallback,
    };
    let text = match record.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return (source, Err("\"text\" is not a string".to_string())),
        None => return (source, Err("missing \"text\" (a string)".to_string())),
    };
    let date = match record.get("date") {
        None | Some(Value::Null) => opts.reference_date,
        Some(Value::String(d)) => match parse_record_date(d) {
            Ok(d) => Some(d),
            Err(e) => return (source, Err(e)),
        },
        Some(other) => return (source, Err(format!("\"date\" {other} is not a string"))),
    };
    let decoded = input::decode(&source_name(&source), text.into_bytes(), opts.lossy)
        .map(|t| (t, date))
        .map_err(|e| e.to_string());
    (source, decoded)
}

fn source_name(source: &Value) -> String {
    match source {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A record's `date`: `YYYY-MM-DD`, optionally followed by a time (`T12:00:00Z` or
/// ` 12:00`), as news APIs export it.
fn parse_record_date(s: &str) -> Result<NaiveDate, String> {
    let day = s.get(..10).unwrap_or(s);
    let rest = s.get(10..).unwrap_or("");
    let shape = day.len() == 10 && day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-';
    let time_ok = rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ');
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) if shape && time_ok => Ok(d),
        _ => Err(format!(
            "\"date\" {s:?} is not a calendar date in the form YYYY-MM-DD"
        )),
    }
}

/// A JSON Lines stream, read one line at a time.
struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
}

impl JsonLines {
    fn open_file(p: &Path) -> io::Result<JsonLines> {
        let file = File::open(p)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", p.display())))?;
        Ok(JsonLines {
            name: p.display().to_string(),
            reader: Box::new(BufReader::with_capacity(1 << 16, file)),
        })
    }

    fn stdin() -> JsonLines {
        JsonLines {
            name: "<stdin>".to_string(),
            reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        }
    }

    fn produce(mut self, send: &mut dyn FnMut(Job) -> bool) {
        let mut line_no = 0usize;
        loop {
            let mut bytes = Vec::new();
            line_no += 1;
            let name = format!("{}:{line_no}", self.name);
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) => {
                    let error = format!("cannot read {}: {e}", self.name);
                    send(Job::Failed {
                        source: Value::String(name),
                        error,
                    });
                    return;
                }
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !send(Job::Line { name, bytes }) {
                return;
            }
        }
    }
}

/// Sends every path: files as given, directories walked.
fn produce_paths(paths: &[PathBuf], send: &mut dyn FnMut(Job) -> bool) {
    for p in paths {
        if !p.is_dir() {
            if !send(Job::File(p.clone())) {
                return;
            }
            continue;
        }
        for entry in Walk::new(p) {
            let job = match entry {
                Ok(file) => Job::File(file),
                Err((dir, e)) => Job::Failed {
                    source: Value::String(dir.display().to_string()),
                    error: format!("cannot read directory {}: {e}", dir.display()),
                },
            };
            if !send(job) {
                return;
            }
        }
    }
}

/// A lazy, sorted, recursive walk of a directory: regular files (or symbolic links to them)
/// with one of [`EXTENSIONS`]; hidden entries (`.name`) and symbolic links to directories
/// (which could loop) are skipped. Each level is read and sorted by name when reached.
pub struct Walk {
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    pending_dir: Option<PathBuf>,
}

impl Walk {
    /// A walk of `dir`.
    pub fn new(dir: &Path) -> Walk {
        Walk {
            stack: Vec::new(),
            pending_dir: Some(dir.to_path_buf()),
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, (PathBuf, io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(dir) = self.pending_dir.take() {
                match sorted_entries(&dir) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(e) => return Some(Err((dir, e))),
                }
            }
            let top = self.stack.last_mut()?;
            let Some(path) = top.next() else {
                self.stack.pop();
                continue;
            };
            let hidden = path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            let Ok(meta) = fs::symlink_metadata(&path) else {
                // Vanished since the listing, or unreadable: let the read report it.
                return Some(Ok(path));
            };
            if meta.is_dir() {
                self.pending_dir = Some(path);
            } else if has_text_extension(&path)
                && (meta.is_file() || (meta.is_symlink() && path.is_file()))
            {
                return Some(Ok(path));
            }
        }
    }
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// Whether `path` ends in one of [`EXTENSIONS`].
pub fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `jsonl` to `in.jsonl` in a new temporary directory named after `name` and the
    /// process; returns the directory (for the caller to remove) and the file.
    fn temp_jsonl(name: &str, jsonl: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("in.jsonl");
        fs::write(&path, jsonl).unwrap();
        (dir, path)
    }

    fn opts() -> Options {
        Options {
            threads: 2,
            lossy: false,
            reference_date: None,
            progress: false,
        }
    }

    #[test]
    fn source_comes_first_and_report_fields_stay() {
        let line = with_source(&Value::from("a.txt"), "{\"schema_version\":1}\n");
        assert_eq!(line, "{\"source\":\"a.txt\",\"schema_version\":1}");
        assert_eq!(with_source(&Value::from(7), "{}"), "{\"source\":7}");
    }

    #[test]
    fn record_dates_accept_a_time_but_not_other_shapes() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 6);
        assert_eq!(parse_record_date("2022-01-06").ok(), d);
        assert_eq!(parse_record_date("2022-01-06T10:00:00Z").ok(), d);
        for bad in ["2022-1-6", "06/01/2022", "2022-01-06x", "2022-02-30", "é"] {
            assert!(parse_record_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lines_give_id_or_position_as_source_and_say_what_is_wrong() {
        let (s, r) = parse_line(
            "in:3",
            br#"{"id": 42, "text": "Floods.", "date": "2022-01-06"}"#,
            &opts(),
        );
        assert_eq!(s, Value::from(42));
        let (text, date) = r.unwrap();
        assert_eq!(text.text, "Floods.");
        assert_eq!(date, NaiveDate::from_ymd_opt(2022, 1, 6));
        let (s, r) = parse_line("in:4", br#"{"id": "x"}"#, &opts());
        assert_eq!(s, Value::from("x"));
        assert!(r.unwrap_err().contains("missing \"text\""));
        let (s, r) = parse_line("in:5", b"{not json", &opts());
        assert_eq!(s, Value::from("in:5"));
        assert!(r.unwrap_err().contains("bad JSON line"));
        let (_, r) = parse_line("in:6", b"{\"text\": \"a\xffb\"}", &opts());
        assert!(r.unwrap_err().contains("byte offset 11"));
        let (_, r) = parse_line("in:7", br#"{"text": "a\u0000b"}"#, &opts());
        assert!(r.unwrap_err().contains("NUL"));
    }

    #[test]
    fn output_is_in_input_order_with_errors_in_place() {
        let mut jsonl = String::new();
        for i in 0..40 {
            if i % 7 == 3 {
                jsonl.push_str("{broken\n\n");
            } else {
                let text = "Floods killed 3 people in the town. ".repeat(i % 5 + 1);
                jsonl.push_str(&format!("{{\"id\": {i}, \"text\": \"{text}\"}}\n"));
            }
        }
        let (dir, path) = temp_jsonl("ce-batch", &jsonl);
        let mut out = Vec::new();
        let inputs = BatchInput::JsonLines(Source::File(path.clone()));
        let summary = run(&inputs, &opts(), &mut out).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(summary.articles, 40);
        assert_eq!(summary.failed, 6);
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        for (i, v) in lines.iter().enumerate() {
            if i % 7 == 3 {
                assert!(v["error"].is_string(), "{v}");
            } else {
                assert_eq!(v["source"], Value::from(i), "{v}");
                assert_eq!(v["schema_version"], Value::from(1));
            }
        }
    }

    /// Workers hand over their results a few at a time: with any number of threads and
    /// articles of very uneven cost (so that workers wait on each other and on the writer),
    /// every batch ends, with the output of one thread. A hang fails after two minutes.
    #[test]
    fn workers_holding_results_never_stall_the_batch() {
        let mut jsonl = String::new();
        for i in 0..300 {
            let text =
                "Floods killed 3 people in the town of Sylhet on Monday. ".repeat(i % 23 * 3 + 1);
            jsonl.push_str(&format!("{{\"id\": {i}, \"text\": \"{text}\"}}\n"));
        }
        let (dir, path) = temp_jsonl("ce-batch-hold", &jsonl);
        let mut outputs = Vec::new();
        for threads in 1..=4 {
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            let path = path.clone();
            std::thread::spawn(move || {
                let mut out = Vec::new();
                let inputs = BatchInput::JsonLines(Source::File(path));
                let o = Options { threads, ..opts() };
                let summary = run(&inputs, &o, &mut out).unwrap();
                let _ = done_tx.send((summary, out));
            });
            let (summary, out) = done_rx
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|_| panic!("the batch on {threads} threads did not end"));
            assert_eq!(summary.articles, 300);
            outputs.push(out);
        }
        fs::remove_dir_all(&dir).unwrap();
        assert!(outputs.iter().all(|o| *o == outputs[0]));
    }

    #[test]
    fn extensions_are_case_insensitive() {
        assert!(has_text_extension(Path::new("a/b.TXT")));
        assert!(has_text_extension(Path::new("b.md")));
        assert!(!has_text_extension(Path::new("b.json")));
        assert!(!has_text_extension(Path::new("README")));
    }
}
