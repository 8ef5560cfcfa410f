//! The YAML renderer: the same value as the JSON report, in block style.
//!
//! Our own small writer rather than a YAML library, because what matters here is quoting:
//! a string is written plain only when every YAML 1.1 and 1.2 parser reads it back as the
//! same string (`no`, `null`, `1e3`, `2022-01-05`, `: `, a leading `-` or `#` are quoted);
//! everything else is double-quoted with escapes for every character YAML may not carry
//! raw (controls, line and paragraph separators, BOM, non-characters).

use std::fmt::Write as _;

use serde_json::Value;

use crate::model::Report;

/// Renders the report as a YAML document.
pub fn render(report: &Report) -> String {
    // A Report always serializes (see the JSON renderer); the fallback keeps this total.
    let value = serde_json::to_value(report).unwrap_or(Value::Null);
    to_yaml(&value)
}

/// Renders any JSON value as a YAML document that parses back into exactly that value.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(m) if !m.is_empty() => write_map(&mut out, m, 0),
        Value::Array(a) if !a.is_empty() => write_seq(&mut out, a, 0),
        v => {
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn is_block(v: &Value) -> bool {
    matches!(v, Value::Object(m) if !m.is_empty()) || matches!(v, Value::Array(a) if !a.is_empty())
}

fn write_map(out: &mut String, m: &serde_json::Map<String, Value>, level: usize) {
    for (k, v) in m {
        indent(out, level);
        out.push_str(&string(k));
        out.push(':');
        write_value_after_key(out, v, level);
    }
}

fn write_value_after_key(out: &mut String, v: &Value, level: usize) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_map(out, m, level + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            write_seq(out, a, level + 2);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
}

fn write_seq(out: &mut String, a: &[Value], level: usize) {
    for v in a {
        indent(out, level);
        out.push_str("- ");
        match v {
            Value::Object(m) if !m.is_empty() => {
                // Keys after the first line up under it, two columns in.
                let mut first = true;
                for (k, val) in m {
                    if !first {
                        indent(out, level + 2);
                    }
                    first = false;
                    out.push_str(&string(k));
                    out.push(':');
                    write_value_after_key(out, val, level + 2);
                }
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                write_seq(out, inner, level + 2);
            }
            _ => {
                debug_assert!(!is_block(v));
                out.push_str(&scalar(v));
                out.push('\n');
            }
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(_) => "[]".to_string(),
        Value::Object(_) => "{}".to_string(),
    }
}

/// Words that some YAML parser reads as a boolean or null.
const RESERVED: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "none",
];

/// A string as a YAML scalar: plain when that is unambiguous, else double-quoted.
pub(crate) fn string(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Starts with a letter, holds only letters, digits, spaces and harmless punctuation, ends
    // with neither space nor punctuation that could start something, and is no reserved word.
    first.is_ascii_alphabetic()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, ' ' | '_' | '.' | '(' | ')' | '\'' | '/' | ',' | '-')
        })
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str())
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = if (c as u32) <= 0xFFFF {
                    write!(out, "\\u{:04X}", c as u32)
                } else {
                    write!(out, "\\U{:08X}", c as u32)
                };
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters outside YAML's printable set, and those some parsers treat as line breaks.
fn needs_escape(c: char) -> bool {
    let u = c as u32;
    u < 0x20
        || (0x7F..=0x9F).contains(&u)
        || matches!(u, 0x2028 | 0x2029 | 0xFEFF | 0xFFFE | 0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risky_strings_are_quoted() {
        for s in [
            "no",
            "Yes",
            "null",
            "~",
            "1e3",
            "12",
            "2022-01-05",
            "a: b",
            "- x",
            "# c",
            "x #y",
            "",
            " lead",
            "trail ",
            "multi\nline",
            "tab\there",
            "@at",
            "`tick",
            "!tag",
            "&a",
            "*b",
            "[x]",
            "{x}",
            "|",
            ">",
            "%d",
            "a  b",
            "ON",
            "None",
        ] {
            assert!(string(s).starts_with('"'), "{s:?} -> {}", string(s));
        }
    }

    #[test]
    fn ordinary_words_stay_plain() {
        for s in [
            "killed",
            "civil_unrest",
            "St. Joseph",
            "O'Brien",
            "people",
            "Nur-Sultan",
        ] {
            assert_eq!(string(s), s);
        }
    }

    #[test]
    fn escapes_what_yaml_cannot_carry() {
        assert_eq!(quoted("a\u{1b}b\u{2028}"), "\"a\\u001Bb\\u2028\"");
        assert_eq!(quoted("\u{85}"), "\"\\u0085\"");
    }
}
