//! The output contract: the JSON reads back into mirror structs that allow no unknown field,
//! every evidence span is the input's text at its code-point offsets, YAML parses back into
//! exactly the JSON value, and extraction is deterministic.

use std::fs;

use serde::Deserialize;
use serde_json::Value;

use crisis_extract::{extract, Context};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Report {
    schema_version: u32,
    reference_date: RefDate,
    crisis: Crisis,
    figures: Vec<Figure>,
    summary: std::collections::BTreeMap<String, Summary>,
    locations: Vec<Location>,
    dates: Vec<Date>,
    timeline: Vec<Event>,
    measures: Vec<Measure>,
    actors: Vec<Actor>,
    quotes: Vec<Quote>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct RefDate {
    date: Option<String>,
    origin: String,
    evidence: Option<Evidence>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Evidence {
    start: usize,
    end: usize,
    text: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Crisis {
    r#type: String,
    candidates: Vec<Candidate>,
    countries: Vec<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Candidate {
    r#type: String,
    score: f64,
    triggers: Vec<String>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Figure {
    category: String,
    count: Count,
    unit: String,
    group: Option<String>,
    source: Option<String>,
    hedged: bool,
    background: bool,
    evidence: Evidence,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Count {
    value: Option<u64>,
    min: Option<u64>,
    max: Option<u64>,
    approximate: bool,
    text: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Summary {
    value: Option<u64>,
    min: Option<u64>,
    max: Option<u64>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Location {
    name: String,
    kind: String,
    country: Option<String>,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    mentions: Vec<Evidence>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Date {
    text: String,
    r#type: String,
    value: String,
    start: usize,
    end: usize,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Event {
    date: String,
    summary: String,
    evidence: Evidence,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Measure {
    r#type: String,
    action: String,
    start: Option<String>,
    end: Option<String>,
    areas: Vec<String>,
    daily_from: Option<String>,
    daily_to: Option<String>,
    evidence: Evidence,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Actor {
    name: String,
    kind: String,
    title: Option<String>,
    mentions: Vec<Evidence>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Quote {
    speaker: Option<String>,
    text: String,
    evidence: Evidence,
}

fn sample_texts() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir("samples")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    // Non-ASCII text, so that code-point and byte offsets differ.
    v.push((
        "mixed scripts".into(),
        "Séisme à Düzce\n\nÇok güçlü — “Three people were killed on Monday,” said Ayşe Yılmaz in Düzce, Turkey. 地震 😢 Ten were injured.".into(),
    ));
    v
}

/// Checks every object with integer `start`, `end` and a string `text` (evidence and dates).
fn check_spans(v: &Value, chars: &[char], where_: &str, count: &mut usize) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("text").and_then(Value::as_str),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= chars.len(),
                    "{where_}: span {s}..{e} out of range"
                );
                let slice: String = chars[s..e].iter().collect();
                assert_eq!(slice, t, "{where_}: span {s}..{e}");
                *count += 1;
            }
            m.values()
                .for_each(|x| check_spans(x, chars, where_, count));
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, chars, where_, count)),
        _ => {}
    }
}

#[test]
fn json_matches_the_contract_and_spans_match_the_input() {
    for (name, text) in sample_texts() {
        let report = extract(&text, &Context::default());
        let json = serde_json::to_string(&report).unwrap();
        let mirror: Result<Report, _> = serde_json::from_str(&json);
        assert!(mirror.is_ok(), "{name}: {:?}", mirror.err());
        let chars: Vec<char> = text.chars().collect();
        let mut count = 0;
        check_spans(
            &serde_json::from_str(&json).unwrap(),
            &chars,
            &name,
            &mut count,
        );
        assert!(count > 0, "{name}: no spans at all");
    }
}

#[test]
fn yaml_reads_back_into_the_json_value() {
    for (name, text) in sample_texts() {
        let report = extract(&text, &Context::default());
        let json: Value = serde_json::to_value(&report).unwrap();
        let yaml = crisis_extract::output::to_yaml(&json);
        let back: Value =
            serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{name}: {e}\n{yaml}"));
        assert_eq!(back, json, "{name}");
    }
}

#[test]
fn yaml_quotes_every_string_a_parser_would_misread() {
    let strings = [
        "no",
        "yes",
        "Yes",
        "NO",
        "on",
        "off",
        "null",
        "Null",
        "~",
        "true",
        "1e3",
        "0x1F",
        "0o17",
        ".inf",
        "-.inf",
        ".nan",
        "12",
        "-3",
        "1_000",
        "2022-01-05",
        "12:30",
        "a: b",
        "a:b",
        "- item",
        "-",
        "# comment",
        "a #b",
        "",
        " ",
        " lead",
        "trail ",
        "line\nbreak",
        "\ttab",
        "quote\"inside",
        "back\\slash",
        "'single'",
        "@at",
        "`tick",
        "!tag",
        "&anchor",
        "*alias",
        "[list]",
        "{map}",
        "|",
        ">",
        "%dir",
        "?",
        "\u{1b}[31m",
        "\u{7f}",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "emoji 😢",
        "Ayşe",
        "“curly”",
        "a  b",
        "---",
        "...",
        "=",
    ];
    let value = Value::Array(
        strings
            .iter()
            .map(|s| Value::String(s.to_string()))
            .collect(),
    );
    let yaml = crisis_extract::output::to_yaml(&value);
    let back: Value = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    assert_eq!(back, value, "{yaml}");
    let nested = serde_json::json!({"a": [], "b": {}, "c": [[1, "no"], {"d": null}], "e": [{"f": [{"g": "x"}]}]});
    let back: Value = serde_yaml::from_str(&crisis_extract::output::to_yaml(&nested)).unwrap();
    assert_eq!(back, nested);
}

#[test]
fn extraction_is_deterministic() {
    for (name, text) in sample_texts() {
        let a = serde_json::to_string(&extract(&text, &Context::default())).unwrap();
        let b = serde_json::to_string(&extract(&text, &Context::default())).unwrap();
        assert_eq!(a, b, "{name}");
    }
}
