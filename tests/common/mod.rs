//! Checks shared by the robustness and property tests (and the stable fuzzer): every span in
//! a report equals its input slice (in code points), and every renderer prints something a
//! parser reads back.

#![allow(dead_code)] // each test file uses a part

use crisis_extract::config::Format;
use crisis_extract::output::{self, Options};
use crisis_extract::{extract, Context, Report};
use serde_json::Value;

/// Extracts `text` and checks the report: spans, JSON, YAML round trip, timeline. Returns
/// the report as a JSON value.
pub fn check(text: &str) -> Value {
    let report = extract(text, &Context::default());
    check_report(text, &report)
}

/// The checks of [`check`] on a report already made from `text`.
pub fn check_report(text: &str, report: &Report) -> Value {
    let json = render(report, Format::Json);
    let value: Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("JSON output does not parse ({e}) for input {text:?}"));
    let chars: Vec<char> = text.chars().collect();
    let n = check_spans(&value, &chars, "$");
    assert!(n <= 10 * chars.len() + 10, "suspiciously many spans: {n}");
    let yaml = render(report, Format::Yaml);
    let back: Value = serde_yaml::from_str(&yaml)
        .unwrap_or_else(|e| panic!("YAML output does not parse ({e}):\n{yaml}"));
    assert_eq!(back, value, "YAML does not round-trip for input {text:?}");
    let timeline = render(report, Format::Timeline);
    assert!(timeline.ends_with('\n'));
    assert!(
        !timeline.contains('\u{1b}'),
        "escape sequence reached the timeline"
    );
    value
}

pub fn render(report: &Report, format: Format) -> String {
    output::render(
        report,
        &Options {
            format,
            compact: false,
            color: false,
        },
    )
}

/// Walks the JSON value; every object with `text`, `start`, `end` is a span and must equal
/// the input's code points `start..end`. Returns how many spans were checked.
pub fn check_spans(v: &Value, chars: &[char], path: &str) -> usize {
    match v {
        Value::Object(m) => {
            let mut n = 0;
            if let (Some(Value::String(t)), Some(s), Some(e)) =
                (m.get("text"), m.get("start"), m.get("end"))
            {
                if let (Some(s), Some(e)) = (s.as_u64(), e.as_u64()) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(
                        s <= e && e <= chars.len(),
                        "{path}: span {s}..{e} outside 0..{}",
                        chars.len()
                    );
                    let slice: String = chars[s..e].iter().collect();
                    assert_eq!(&slice, t, "{path}: span {s}..{e} is not its text");
                    n += 1;
                }
            }
            for (k, x) in m {
                n += check_spans(x, chars, &format!("{path}.{k}"));
            }
            n
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| check_spans(x, chars, &format!("{path}[{i}]")))
            .sum(),
        _ => 0,
    }
}

/// The samples' texts, sorted by file name.
pub fn samples() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"))
        .expect("samples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("sample"))
        .collect()
}

/// A tiny deterministic random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, pool: &[&'a str]) -> &'a str {
        pool[self.below(pool.len())]
    }
}
