//! Inputs that must neither crash nor hang, and whose every span stays valid: a long single
//! line, floods of quotation marks, deep parentheses, many forms of one trigger word, all-caps
//! wire copy, mixed scripts, bidirectional and zero-width controls, emoji, NUL bytes with
//! `--lossy`.
//!
//! Sizes are kept small enough for CI in the debug profile (each case well under 2 s); the
//! 100 MB single line is measured by `cargo run --release --example bench -- --huge`, and
//! the fuzz harness (`fuzz/`) explores the rest.

mod common;
mod run;

use std::time::{Duration, Instant};

use common::{check, samples};

/// Runs the checks and fails when the input took suspiciously long (a hang or a quadratic
/// blow-up shows up as seconds, not milliseconds).
fn check_fast(label: &str, text: &str) -> serde_json::Value {
    let t = Instant::now();
    let v = check(text);
    let took = t.elapsed();
    assert!(
        took < Duration::from_secs(20),
        "{label}: {} bytes took {took:?}",
        text.len()
    );
    v
}

fn corpus() -> String {
    samples().join("\n\n")
}

#[test]
fn a_long_single_line() {
    let base = corpus().replace(['\n', '\r'], " ");
    let mut line = String::new();
    while line.len() < 1 << 19 {
        line.push_str(&base);
        line.push(' ');
    }
    let v = check_fast("512 KB line", &line);
    assert!(v["figures"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn floods_of_quotation_marks() {
    check_fast("straight", &"\"".repeat(200_000));
    check_fast("curly", &"\u{201c}".repeat(100_000));
    check_fast("alternating", &"\u{201c}\u{201d}".repeat(50_000));
    let said = "\u{201c}We will stay,\u{201d} he said. \"No\" ".repeat(5_000);
    let v = check_fast("quotes with speakers", &said);
    assert!(v["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    check_fast("unclosed", &format!("\"{}", "word ".repeat(100_000)));
}

#[test]
fn deeply_nested_brackets() {
    let deep = format!(
        "{}At least 12 people were killed in Rivera, police said.{}",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    check_fast("parentheses", &deep);
    check_fast("brackets", &"[{(".repeat(30_000));
    check_fast("unbalanced", &")".repeat(100_000));
}

#[test]
fn many_forms_of_one_trigger_word() {
    // Each distinct word that a trigger with an open ending matches ("protest*") is tallied
    // once: 40,000 of them are a look-up each, not a scan of all the words seen before.
    let letters = b"abcdefghij";
    let mut text = String::from("Floods hit the region. ");
    for i in 0..40_000usize {
        text.push_str("protest");
        let mut n = i;
        for _ in 0..5 {
            text.push(char::from(letters[n % 10]));
            n /= 10;
        }
        text.push(' ');
    }
    check_fast("distinct endings", &text);
    // A non-ASCII form in capitals is the same word as in small letters, shown once.
    let caps = "Protesters marched. protestÉS protestés ".repeat(20_000);
    let v = check_fast("capitals", &caps);
    let triggers: Vec<&str> = v["crisis"]["candidates"][0]["triggers"]
        .as_array()
        .map(|t| t.iter().filter_map(|w| w.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        triggers.iter().filter(|&&w| w == "protestés").count(),
        1,
        "{triggers:?}"
    );
}

#[test]
fn all_caps_wire_copy() {
    let caps = corpus().to_uppercase();
    let v = check_fast("all caps", &caps);
    assert!(v["crisis"]["type"].is_string());
}

#[test]
fn mixed_scripts_controls_and_emoji() {
    let pieces = [
        "قتل 12 شخصا في الفيضانات يوم الاثنين.",
        "В результате землетрясения погибли 34 человека.",
        "地震造成至少34人死亡，212人受伤。",
        "\u{200f}\u{202e}At least 5 people\u{202c} were killed\u{200e} on Monday.",
        "Flood\u{200b}waters killed 1\u{200b}000 people; zero\u{200d}width\u{feff} joiners.",
        "🌊🌀 Cyclone kills 9 👨‍👩‍👧 family 🇵🇪 flags 🏳️‍🌈, officials said.",
        "e\u{301}\u{301}\u{301} combining marks and \u{fffd} replacement characters.",
        "Ｆｕｌｌｗｉｄｔｈ ２７ killed; Arabic-Indic ٢٧ killed; Devanagari २७ killed.",
    ];
    let mut text = String::new();
    for (i, p) in pieces.iter().cycle().take(400).enumerate() {
        text.push_str(p);
        text.push_str(if i % 3 == 0 { "\n\n" } else { " " });
    }
    check_fast("mixed", &text);
    // Each piece alone, and glued to an English article.
    let article = samples().into_iter().next().unwrap_or_default();
    for p in pieces {
        check_fast(p, p);
        check_fast(p, &format!("{p}\n{article}\n{p}"));
    }
}

#[test]
fn degenerate_inputs() {
    for text in [
        String::new(),
        " ".repeat(10_000),
        "\n".repeat(40_000),
        "\r\n".repeat(8_000),
        "\t".repeat(10_000),
        "9".repeat(80_000),
        "1,".repeat(40_000),
        "killed ".repeat(8_000),
        "a".repeat(80_000),
        "Mr. ".repeat(8_000),
        ". ".repeat(40_000),
        "—".repeat(8_000),
        "On Monday, ".repeat(8_000),
        "\u{0}".repeat(1_000),
        "\u{1b}[31m red \u{7}\u{8}".repeat(5_000),
    ] {
        check_fast(
            &format!("{:?}…", text.chars().take(8).collect::<String>()),
            &text,
        );
    }
}

#[test]
fn nul_bytes_with_lossy_through_the_binary() {
    let mut input = corpus().into_bytes();
    for i in (0..input.len()).step_by(97) {
        input[i] = 0;
    }
    input.extend_from_slice(b"\xff\xfe trailing garbage \xc3");
    let out = run::run_with_stdin(&["--lossy"], &input);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("NUL") && err.contains("replaced"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = String::from_utf8_lossy(&input);
    let chars: Vec<char> = text.chars().collect();
    assert!(common::check_spans(&v, &chars, "$") > 0);
}

/// Found by the fuzzer: a multi-byte space (no-break space U+00A0, line separator U+2028)
/// before a word that ends in a full stop crashed the sentence splitter (src/document.rs
/// stepped one byte past the space); fixed there, kept here as a regression test.
#[test]
fn multi_byte_space_before_a_full_stop() {
    check_fast("nbsp", "Floods hit\u{a0}town. Rain fell.");
    check_fast("line separator", "Floods hit\u{2028}town. Rain fell.");
}
