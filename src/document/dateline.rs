//! The dateline pattern as a hand-written scanner.
//!
//! It was a regular expression (kept in the tests as the reference the scanner is checked
//! against); building it cost a sixth of a millisecond at every start of the process, on the
//! path of the first stage. The scanner returns the end of the match a backtracking engine
//! would return (greedy and lazy repetitions as written, alternatives in order):
//!
//! ```text
//! ^(?: WORD (?:[ /] WORD){0,3} (?:,[^\n(]+?)? \s* (?:\([^)\n]+\)\s*)? (?:—|–|--|-|:)
//!    | \([^)\n]+\) \s* (?:—|–|--|-) )
//! WORD = [A-Z](?:[A-Za-z.'-]|’)*
//! ```
//!
//! Classes are ASCII (see [`crate::vocab::ascii`]); the curly apostrophe and the dashes are
//! matched as their UTF-8 bytes, so a match ends after an ASCII byte or a whole dash.

use crate::vocab::ascii::skip_space;

const EM_DASH: &[u8] = "—".as_bytes();
const EN_DASH: &[u8] = "–".as_bytes();
const APOSTROPHE: &[u8] = "’".as_bytes();

/// The end of the dateline pattern's match at the start of `h`.
pub fn match_end(h: &[u8]) -> Option<usize> {
    match h.first()? {
        b'A'..=b'Z' => word_ends(h, 0).find_map(|e| more_words(h, e, 1)),
        b'(' => {
            let after = paren_end(h, 0)?;
            dash(h, skip_space(h, after), false)
        }
        _ => None,
    }
}

/// A character of a WORD after its capital: `[A-Za-z.'-]`.
fn is_word_byte(b: u8) -> bool {
    matches!(b, b'A'..=b'Z' | b'a'..=b'z' | b'.' | b'\'' | b'-')
}

/// The ends a WORD starting at `i` (a capital) can take, longest first (the order of a
/// greedy repetition): its characters are `[A-Za-z.'-]` and the curly apostrophe.
fn word_ends(h: &[u8], i: usize) -> impl Iterator<Item = usize> + '_ {
    let mut end = i + 1;
    loop {
        match h.get(end) {
            Some(&b) if is_word_byte(b) => end += 1,
            Some(_) if h[end..].starts_with(APOSTROPHE) => end += APOSTROPHE.len(),
            _ => break,
        }
    }
    // Step back one character at a time (the apostrophe's last byte is no word byte).
    std::iter::successors(Some(end), move |&p| {
        (p > i + 1).then(|| {
            if is_word_byte(h[p - 1]) {
                p - 1
            } else {
                p - APOSTROPHE.len()
            }
        })
    })
}

/// After `count` words ending at `p`: one more word (up to four in all, tried first), else
/// the rest of the pattern.
fn more_words(h: &[u8], p: usize, count: usize) -> Option<usize> {
    if count < 4
        && matches!(h.get(p), Some(b' ' | b'/'))
        && h.get(p + 1).is_some_and(u8::is_ascii_uppercase)
    {
        let deeper = word_ends(h, p + 1).find_map(|e| more_words(h, e, count + 1));
        if deeper.is_some() {
            return deeper;
        }
    }
    tail(h, p)
}

/// `(?:,[^\n(]+?)? \s* (?:\([^)\n]+\)\s*)? (?:—|–|--|-|:)` at `p`.
fn tail(h: &[u8], p: usize) -> Option<usize> {
    if h.get(p) == Some(&b',') {
        // The lazy run: the shortest one after which the rest matches. The rest only looks
        // past white space, so a run of white space is tried once.
        let stop = h[p + 1..]
            .iter()
            .position(|&b| b == b'\n' || b == b'(')
            .map_or(h.len(), |i| p + 1 + i);
        let mut q = p + 2;
        while q <= stop {
            let s = skip_space(h, q);
            if let Some(end) = after_space(h, s) {
                return Some(end);
            }
            q = s.max(q) + 1;
        }
    }
    after_space(h, skip_space(h, p))
}

/// `(?:\([^)\n]+\)\s*)? (?:—|–|--|-|:)` at `s` (after the white space).
fn after_space(h: &[u8], s: usize) -> Option<usize> {
    if h.get(s) == Some(&b'(') {
        if let Some(end) = paren_end(h, s).and_then(|a| dash(h, skip_space(h, a), true)) {
            return Some(end);
        }
    }
    dash(h, s, true)
}

/// `\([^)\n]+\)` at `s`: the position after the closing parenthesis.
fn paren_end(h: &[u8], s: usize) -> Option<usize> {
    let close = s + 1 + h[s + 1..].iter().position(|&b| b == b')' || b == b'\n')?;
    (h[close] == b')' && close > s + 1).then_some(close + 1)
}

/// A dash (em, en, double, single) or, with `colon`, a colon at `s`: the position after it.
fn dash(h: &[u8], s: usize, colon: bool) -> Option<usize> {
    let r = h.get(s..)?;
    if r.starts_with(EM_DASH) || r.starts_with(EN_DASH) {
        Some(s + 3)
    } else if r.starts_with(b"--") {
        Some(s + 2)
    } else if r.first() == Some(&b'-') || (colon && r.first() == Some(&b':')) {
        Some(s + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;
    use regex::bytes::Regex;

    fn reference() -> Regex {
        Regex::new(
            r"(?-u)^(?:[A-Z](?:[A-Za-z.'-]|\xE2\x80\x99)*(?:[ /][A-Z](?:[A-Za-z.'-]|\xE2\x80\x99)*){0,3}(?:,[^\n(]+?)?\s*(?:\([^)\n]+\)\s*)?(?:\xE2\x80\x94|\xE2\x80\x93|--|-|:)|\([^)\n]+\)\s*(?:\xE2\x80\x94|\xE2\x80\x93|--|-))",
        )
        .unwrap()
    }

    #[test]
    fn ends_after_the_dash() {
        let cases = [
            (
                "GENEVA, Switzerland (Reuters) - Aid",
                Some("GENEVA, Switzerland (Reuters) -"),
            ),
            ("PORT-AU-PRINCE — Rains", Some("PORT-AU-PRINCE —")),
            ("KYIV-based groups said", Some("KYIV-")),
            ("(AP) -- Police", Some("(AP) --")),
            ("SAN JOSÉ: x", None),
            ("Officials said on Monday", None),
        ];
        for (h, want) in cases {
            let got = match_end(h.as_bytes()).map(|e| &h[..e]);
            assert_eq!(got, want, "{h:?}");
        }
    }

    const PIECES: [&str; 30] = [
        "GENEVA", "A", "B.", "O'", "X-Y", "’", "Kyiv", " ", "/", ",", ", ", "(", ")", "(AP)", "\n",
        "\t", "-", "--", "—", "–", ":", "x", "é", "1", "Jan 6", "—x", " - ", "))", "((", "SAN",
    ];

    #[test]
    fn agrees_with_the_pattern_on_generated_text() {
        let re = reference();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let n: usize = crate::testing::cases("DATELINE_CASES", 40_000);
        let mut matched = 0;
        for _ in 0..n {
            let mut h = String::new();
            for _ in 0..1 + rng.next() % 12 {
                h.push_str(rng.pick(&PIECES));
            }
            let want = re.find(h.as_bytes()).map(|m| m.end());
            matched += usize::from(want.is_some());
            assert_eq!(match_end(h.as_bytes()), want, "{h:?}");
        }
        // The generator must reach the pattern often enough for the comparison to mean something.
        eprintln!("MATCHED {matched} of {n}");
        assert!(
            matched * 10 > n,
            "only {matched} of {n} generated texts match"
        );
    }

    #[test]
    fn long_inputs_stay_linear() {
        let spaces = format!("A,{}x", " ".repeat(100_000));
        assert_eq!(match_end(spaces.as_bytes()), None);
        let words = "AB-".repeat(50_000);
        assert_eq!(match_end(words.as_bytes()), Some(words.len()));
    }
}
