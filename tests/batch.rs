//! Batch mode as a user runs it: several files, directories, JSON Lines, errors in place,
//! exit code 3, threads giving the same output as one thread.

mod run;

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Output, Stdio};

use serde_json::Value;

use run::{bin, run_with_stdin};

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ce-batch-it-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const ARTICLE: &str = "Floods killed 12 people in the town of Rivera on Monday, officials said.\n";

#[test]
fn files_and_directories_give_one_line_each_in_order() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("b/sub")).unwrap();
    fs::write(dir.join("b/sub/z.txt"), ARTICLE).unwrap();
    fs::write(dir.join("b/a.md"), ARTICLE).unwrap();
    fs::write(dir.join("b/c.TEXT"), ARTICLE).unwrap();
    fs::write(dir.join("b/skip.json"), "{}").unwrap();
    fs::write(dir.join("b/.hidden.txt"), ARTICLE).unwrap();
    fs::write(dir.join("first.dat"), ARTICLE).unwrap();
    let o = bin()
        .arg(dir.join("first.dat"))
        .arg(dir.join("b"))
        .output()
        .unwrap();
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(0));
    let got: Vec<String> = lines(&o)
        .iter()
        .map(|v| v["source"].as_str().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = ["first.dat", "b/a.md", "b/c.TEXT", "b/sub/z.txt"]
        .iter()
        .map(|p| dir.join(p).display().to_string())
        .collect();
    assert_eq!(got, want);
    for v in lines(&o) {
        assert_eq!(v["crisis"]["type"], "flood", "{v}");
    }
}

#[test]
fn report_fields_are_those_of_single_mode_plus_source() {
    let single = bin()
        .args(["samples/cyclone.txt", "--compact"])
        .output()
        .unwrap();
    let single: Value = serde_json::from_slice(&single.stdout).unwrap();
    let o = bin()
        .args(["samples/cyclone.txt", "--batch"])
        .output()
        .unwrap();
    let mut batch = lines(&o).remove(0);
    let obj = batch.as_object_mut().unwrap();
    assert_eq!(obj.keys().next().map(String::as_str), Some("source"));
    obj.remove("source");
    assert_eq!(batch, single);
}

#[test]
fn bad_articles_give_error_lines_and_exit_3() {
    let dir = scratch("bad");
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("b.txt"), b"Floods\xff hit.").unwrap();
    fs::write(dir.join("c.txt"), b"\x7fELF\0\0\0binary").unwrap();
    fs::write(dir.join("d.txt"), ARTICLE).unwrap();
    let missing = dir.join("missing.txt");
    let o = bin().arg(&dir).arg(&missing).output().unwrap();
    let lossy = bin().arg(&dir).arg("--lossy").output().unwrap();
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(3));
    let v = lines(&o);
    assert_eq!(v.len(), 5);
    assert!(v[0]["figures"].is_array());
    assert!(
        v[1]["error"].as_str().unwrap().contains("byte offset 6"),
        "{}",
        v[1]
    );
    assert!(
        v[2]["error"].as_str().unwrap().contains("binary"),
        "{}",
        v[2]
    );
    assert!(v[3]["figures"].is_array());
    assert!(
        v[4]["error"].as_str().unwrap().contains("missing.txt"),
        "{}",
        v[4]
    );
    assert_eq!(lossy.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&lossy.stderr).contains("replaced 1 invalid"));
}

#[test]
fn jsonl_ids_dates_and_errors() {
    let input = concat!(
        r#"{"id": "a-1", "text": "Protests began on Sunday in the capital.", "date": "2022-01-06"}"#,
        "\n\n",
        r#"{"id": 2, "text": "Nothing happened.", "date": "2022-01-06T08:00:00Z"}"#,
        "\n",
        "{\"id\": 3, \"text\": 5}\n",
        r#"{"text": "No id here."}"#,
        "\n",
        r#"{"id": 4, "text": "x", "date": "yesterday"}"#,
        "\n",
        r#"{"id": 5, "text": "Floods."}"#, // last line without newline
    );
    let o = run_with_stdin(
        &["--jsonl-in", "--reference-date", "2020-05-05"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(3));
    let v = lines(&o);
    assert_eq!(v.len(), 6);
    assert_eq!(v[0]["source"], "a-1");
    assert_eq!(v[0]["reference_date"]["date"], "2022-01-06");
    let began = &v[0]["dates"][0];
    assert_eq!(began["value"], "2022-01-02", "{began}");
    assert_eq!(v[1]["source"], 2);
    assert_eq!(v[1]["reference_date"]["date"], "2022-01-06");
    assert_eq!(v[2]["source"], 3);
    assert!(v[2]["error"].as_str().unwrap().contains("not a string"));
    assert_eq!(v[3]["source"], "<stdin>:5");
    assert!(v[3]["figures"].is_array());
    assert!(v[4]["error"].as_str().unwrap().contains("yesterday"));
    assert_eq!(v[5]["source"], 5);
    assert_eq!(
        v[5]["reference_date"]["date"], "2020-05-05",
        "--reference-date is the default"
    );
}

#[test]
fn threads_do_not_change_the_output() {
    let mut input = String::new();
    for (i, f) in fs::read_dir("samples").unwrap().enumerate() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let text = fs::read_to_string(&p).unwrap();
            input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
            input.push('\n');
        }
    }
    let input = input.repeat(3);
    let one = run_with_stdin(&["--jsonl-in", "-", "--threads", "1"], input.as_bytes());
    let four = run_with_stdin(&["--jsonl-in", "-", "--threads", "4"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert!(one.stdout == four.stdout, "4 threads changed the output");
    assert_eq!(lines(&one).len(), input.lines().count());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[
            "samples/cyclone.txt",
            "samples/bombing.txt",
            "--format",
            "timeline",
        ][..],
        &["--jsonl-in", "x.jsonl", "samples/cyclone.txt"],
        &["samples", "--threads", "0"],
    ] {
        let o = bin().args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn closed_pipe_stops_quietly() {
    let mut input = String::new();
    for i in 0..2000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Floods hit the town.\"}}\n"
        ));
    }
    let mut child = bin()
        .args(["--jsonl-in", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    drop(child.stdout.take()); // the reader goes away at once
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
