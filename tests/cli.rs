//! The binary as a user runs it: inputs, errors, exit codes, pipes.

mod run;

use run::{bin, run_with_stdin};

use std::io::{Read, Write};
use std::process::{Output, Stdio};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

#[test]
fn missing_file_names_the_path_and_exits_1() {
    let o = bin().arg("/no/such/article.txt").output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("crisis-extract: ") && e.contains("/no/such/article.txt"),
        "{e}"
    );
    assert!(!e.contains("panicked"), "{e}");
}

#[test]
fn directory_is_read_as_a_batch() {
    // A directory is walked (batch mode, tests/batch.rs): one JSON line per article.
    let o = bin().arg("samples").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = String::from_utf8_lossy(&o.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    assert!(first.starts_with("{\"source\":\"samples/"), "{first}");
}

#[test]
fn invalid_utf8_reports_the_byte_offset() {
    let o = run_with_stdin(&[], b"Floods hit\xff the town.");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("byte offset 10"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn lossy_repairs_and_says_so() {
    let o = run_with_stdin(&["--lossy"], b"Floods hit\xff the town.");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("replaced 1 invalid UTF-8"),
        "{}",
        stderr(&o)
    );
    assert_eq!(json(&o)["schema_version"], 1);
}

#[test]
fn binary_input_is_refused_unless_lossy() {
    let o = run_with_stdin(&[], b"abc\0def");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    let o = run_with_stdin(&["--lossy"], b"Two people\0 were killed.");
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("NUL"), "{}", stderr(&o));
}

#[test]
fn empty_input_is_a_valid_empty_report() {
    for input in [&b""[..], b"   \n\n\t "] {
        let o = run_with_stdin(&[], input);
        assert_eq!(o.status.code(), Some(0));
        let v = json(&o);
        for key in [
            "figures",
            "locations",
            "dates",
            "timeline",
            "measures",
            "actors",
            "quotes",
        ] {
            assert_eq!(v[key], serde_json::json!([]), "{key}");
        }
        assert_eq!(v["summary"], serde_json::json!({}));
        assert_eq!(v["crisis"]["type"], "other");
        assert_eq!(v["reference_date"]["origin"], "none");
    }
}

#[test]
fn bom_is_dropped_and_crlf_reads_like_lf() {
    let lf = "Protest in the capital\n\nThousands of protesters marched on Tuesday.\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = json(&run_with_stdin(
        &["--reference-date", "2022-01-06"],
        lf.as_bytes(),
    ));
    let b = json(&run_with_stdin(
        &["--reference-date", "2022-01-06"],
        crlf.as_bytes(),
    ));
    assert_eq!(a["crisis"], b["crisis"]);
    assert_eq!(a["dates"][0]["value"], b["dates"][0]["value"]);
    // With the BOM gone, offsets index the text as given minus the BOM.
    let start = b["dates"][0]["start"].as_u64().unwrap() as usize;
    let text: Vec<char> = crlf.trim_start_matches('\u{feff}').chars().collect();
    let end = b["dates"][0]["end"].as_u64().unwrap() as usize;
    assert_eq!(
        text[start..end].iter().collect::<String>(),
        b["dates"][0]["text"].as_str().unwrap()
    );
}

#[test]
fn bad_reference_date_is_a_usage_error() {
    for bad in ["2022-13-01", "yesterday"] {
        let o = run_with_stdin(&["--reference-date", bad], b"text");
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let e = stderr(&o);
        assert!(e.contains(bad) && e.contains("YYYY-MM-DD"), "{e}");
    }
}

#[test]
fn reference_date_option_wins() {
    let o = run_with_stdin(
        &["--reference-date", "2022-01-06"],
        b"GENEVA, 5 Jan 2021 (Wire) - Protests began on Sunday.",
    );
    let v = json(&o);
    assert_eq!(v["reference_date"]["date"], "2022-01-06");
    assert_eq!(v["reference_date"]["origin"], "option");
}

#[test]
fn compact_json_is_one_line_and_pretty_is_not() {
    let text = b"Two people were killed in a flood on Monday.";
    let c = run_with_stdin(&["--compact"], text);
    assert_eq!(String::from_utf8_lossy(&c.stdout).lines().count(), 1);
    let p = run_with_stdin(&[], text);
    assert!(String::from_utf8_lossy(&p.stdout).lines().count() > 10);
    assert_eq!(json(&c), json(&p));
}

#[test]
fn file_and_dash_and_stdin_agree() {
    let from_file = bin().arg("samples/earthquake.txt").output().unwrap();
    let text = std::fs::read("samples/earthquake.txt").unwrap();
    let from_dash = run_with_stdin(&["-"], &text);
    let from_stdin = run_with_stdin(&[], &text);
    assert_eq!(from_file.stdout, from_dash.stdout);
    assert_eq!(from_file.stdout, from_stdin.stdout);
}

#[test]
fn closed_pipe_ends_quietly() {
    // A large report into a pipe whose reader goes away after the first bytes.
    let mut article = String::new();
    for i in 0..3000 {
        article.push_str(&format!(
            "Police said {i} protesters were arrested on Monday in the capital.\n\n"
        ));
    }
    let mut child = bin()
        .arg("--reference-date")
        .arg("2022-01-06")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(article.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    let _ = stdout.read(&mut first);
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    let _ = writer.join();
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
    assert_eq!(status.code(), Some(0));
}

#[test]
fn help_has_examples_and_exit_codes() {
    let o = bin().arg("--help").output().unwrap();
    let h = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(
        h.contains("Examples:") && h.contains("Exit codes:") && h.contains("--reference-date"),
        "{h}"
    );
    let v = bin().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("crisis-extract "));
}

#[test]
fn timeline_format_has_no_escape_codes_in_a_pipe() {
    let o = run_with_stdin(
        &["--format", "timeline", "--reference-date", "2022-01-06"],
        "Riots\n\nProtesters \u{1b}[31m clashed with police on Tuesday.\u{7}\n".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(!t.contains('\u{1b}') && !t.contains('\u{7}'), "{t:?}");
    assert!(t.contains("Tue 4 Jan 2022"), "{t}");
}
