//! The fast paths of the scanner checked against the plain forms they replaced.

use super::*;
use crate::testing::{cases, Rng};

/// The tokenizer as first written, a byte at a time with the `u8` class methods: the
/// reference [`tokenize`] (one table look-up a byte) is checked against.
fn tokenize_reference(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            let s = i;
            let mut digits = true;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                digits &= b[i].is_ascii_digit();
                i += 1;
            }
            let kind = if digits { K::Num } else { K::Word };
            out.push(Tok { s, e: i, kind });
        } else {
            if !c.is_ascii_whitespace() {
                out.push(Tok {
                    s: i,
                    e: i + 1,
                    kind: K::Punct(c),
                });
            }
            i += 1;
        }
    }
    out
}

fn same_tokens(a: &[Tok], b: &[Tok]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.s == y.s && x.e == y.e && x.kind == y.kind)
}

/// Pieces of text the generated inputs are made of: words, numbers, mixed tokens, every kind
/// of white space and punctuation, non-ASCII letters.
const PIECES: &[&str] = &[
    "March", "5th", "2022", "12", "a", " ", "  ", "\t", "\n", "\r\n", "\x0B", "\x0C", ".", ",",
    "-", "/", ":", "'", "’", "é", "北京", "Ⅻ", "\u{a0}", "3a", "b4", "_", "$", "(", ")", "\"",
    "\0", "~",
];

#[test]
fn tokenizer_agrees_with_the_byte_by_byte_reference() {
    for text in [
        "",
        " ",
        "Jan. 5, 2022",
        "2022-01-05T10:30",
        "five\u{a0}days",
        "x\x0By",
    ] {
        assert!(
            same_tokens(&tokenize(text), &tokenize_reference(text)),
            "{text:?}"
        );
    }
    let mut rng = Rng(0x5eed_da7e);
    for _ in 0..cases("DATES_TOKENIZER_CASES", 20_000) {
        let n = (rng.next() % 12) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        assert!(
            same_tokens(&tokenize(&text), &tokenize_reference(&text)),
            "{text:?}"
        );
    }
}
