//! Whole-article tests: every `samples/NAME.txt` is extracted and rendered in the three
//! formats, and compared with `samples/NAME.json`, `.yaml` and `.timeline` beside it.
//!
//! After a deliberate change, rewrite the expectations with
//! `UPDATE_EXPECTED=1 cargo test --test samples` and review the diff in git.

use std::fs;
use std::path::{Path, PathBuf};

use crisis_extract::config::Format;
use crisis_extract::output::{render, Options};
use crisis_extract::{extract, Context};

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir("samples")
        .expect("samples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// A readable diff: the first differing lines with their numbers.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            out.push_str(&format!(
                "line {}:\n  - {}\n  + {}\n",
                i + 1,
                x.unwrap_or("<none>"),
                y.unwrap_or("<none>")
            ));
            shown += 1;
            if shown == 15 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    out
}

fn check(path: &Path, ext: &str, actual: &str, failures: &mut Vec<String>) {
    let expected_path = path.with_extension(ext);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        fs::write(&expected_path, actual).expect("write expectation");
        return;
    }
    match fs::read_to_string(&expected_path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{}:\n{}",
            expected_path.display(),
            diff(&expected, actual)
        )),
        Err(e) => failures.push(format!(
            "{}: {e} (run with UPDATE_EXPECTED=1 to create it)",
            expected_path.display()
        )),
    }
}

#[test]
fn samples_match_their_expected_outputs() {
    let paths = samples();
    assert!(
        paths.len() >= 10,
        "samples/ should hold at least 10 articles"
    );
    let mut failures = Vec::new();
    for path in &paths {
        let text = fs::read_to_string(path).expect("sample is UTF-8");
        let report = extract(&text, &Context::default());
        for (format, ext) in [
            (Format::Json, "json"),
            (Format::Yaml, "yaml"),
            (Format::Timeline, "timeline"),
        ] {
            let opts = Options {
                format,
                compact: false,
                color: false,
            };
            check(path, ext, &render(&report, &opts), &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "{} output(s) differ (UPDATE_EXPECTED=1 rewrites them after a deliberate change):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
