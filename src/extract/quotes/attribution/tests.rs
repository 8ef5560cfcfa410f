//! The scanners against the regular expressions they replace (the reference, built here
//! only), on hand-picked attributions and on many generated ones.

use super::{after, before};
use crate::testing::Rng;
use regex::bytes::Regex;

const VERBS: &str = r"said|says|added|adds|told(?:\s+[a-z]+(?:\s+[a-z]+)??)?|explained|stated|noted|wrote|tweeted|posted|recalled|recalls|warned|urged|asked|continued|concluded|insisted|declared|announced|testified|replied|cried|shouted|screamed|remembered|argued|stressed|acknowledged";
const ATTR_CHAR: &str = r"(?:[^,.;!?\n]|\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Capt|Maj|Cpl|St|Jr|Sr|Prof|Rev)\.)";

fn after_regex() -> Regex {
    Regex::new(&format!(
        r"(?-u)^[\s,]*(?:(?:{VERBS})\s+(?P<a>(?:{ATTR_CHAR}|\.[A-Za-z])*?[a-z0-9)])\s*(?:[,.;!?]|$)|(?P<b>{ATTR_CHAR}+?)\s+(?:{VERBS})\b)"
    ))
    .unwrap()
}

fn before_regex() -> Regex {
    Regex::new(&format!(
        r#"(?-u)(?:^|[,;]\s*|\band\s+)(?:(?P<a>(?:[A-Z]|[Tt]he\s|[Aa]n?\s)(?:[^,;!?\n])*?|he|she|they|we|I)\s+(?:{VERBS})\b[^\n]*|according\s+to\s+(?P<b>{ATTR_CHAR}+?)[\s,:]*)$"#
    ))
    .unwrap()
}

fn reference(re: &Regex, h: &str) -> Option<String> {
    let c = re.captures(h.as_bytes())?;
    let m = c.name("a").or_else(|| c.name("b"))?;
    Some(String::from_utf8_lossy(m.as_bytes()).into_owned())
}

fn scanned(f: fn(&[u8]) -> Option<std::ops::Range<usize>>, h: &str) -> Option<String> {
    f(h.as_bytes()).map(|m| String::from_utf8_lossy(&h.as_bytes()[m]).into_owned())
}

#[test]
fn after_names_the_speaker() {
    let cases = [
        (", said Ana Velez, a nurse.", Some("Ana Velez")),
        (
            " said the U.S. Ambassador to the region.",
            Some("the U.S. Ambassador to the region"),
        ),
        (", Dr. Ruiz told reporters on Monday.", Some("Dr. Ruiz")),
        (", told reporters Ana Velez.", Some("Ana Velez")),
        (", the minister said.", Some("the minister")),
        (". The army has not commented.", None),
        (" she said at a press conference in Kano.", Some("she")),
    ];
    for (h, want) in cases {
        assert_eq!(scanned(after, h).as_deref(), want, "{h:?}");
    }
}

#[test]
fn before_names_the_speaker() {
    let cases = [
        ("Governor Ade Bello said: ", Some("Governor Ade Bello")),
        ("The mayor told reporters the town had ", Some("The mayor")),
        ("Water is scarce, according to Oxfam, ", Some("Oxfam")),
        ("Rescuers dug all night, and she said ", Some("she")),
        (
            "Police fired tear gas; a witness said it was ",
            Some("a witness"),
        ),
        ("the convoy was hit ", None),
        ("according to U.S. officials: ", Some("U.S. officials")),
    ];
    for (h, want) in cases {
        assert_eq!(scanned(before, h).as_deref(), want, "{h:?}");
    }
}

/// Pieces of attribution-like text: names, verbs, abbreviations, punctuation, white space,
/// non-ASCII, and near-misses of the verbs and of "and" / "according to".
const PIECES: [&str; 48] = [
    "said",
    "says",
    "told",
    "reporters",
    "the",
    "The",
    "a",
    "A",
    "an",
    "An",
    "and",
    "andy",
    "according",
    "to",
    "he",
    "she",
    "they",
    "we",
    "I",
    "Mr",
    "Mrs",
    "U",
    "S",
    "Dr",
    "Ana",
    "Velez",
    "x",
    ")",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "\n",
    " ",
    "  ",
    "\t",
    "é",
    "’",
    "1",
    "saidx",
    "toldX",
    "added",
    "warned",
    "_",
    "St",
    "reporters\n",
];

fn generated(rng: &mut Rng) -> String {
    let len = 1 + rng.next() % 14;
    let mut s = String::new();
    for _ in 0..len {
        let p = rng.pick(&PIECES);
        s.push_str(p);
        // Words mostly come with a space between them.
        if rng.next() % 3 != 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn scanners_agree_with_the_patterns_on_generated_text() {
    let (re_after, re_before) = (after_regex(), before_regex());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let n: usize = crate::testing::cases("ATTR_CASES", 40_000);
    let mut matched = (0, 0);
    for _ in 0..n {
        let h = generated(&mut rng);
        let (want_after, want_before) = (reference(&re_after, &h), reference(&re_before, &h));
        matched.0 += usize::from(want_after.is_some());
        matched.1 += usize::from(want_before.is_some());
        assert_eq!(scanned(after, &h), want_after, "after {h:?}");
        assert_eq!(scanned(before, &h), want_before, "before {h:?}");
    }
    // The generator must reach both patterns often enough for the comparison to mean something.
    eprintln!("MATCHED {matched:?} of {n}");
    assert!(
        matched.0 * 20 > n && matched.1 * 20 > n,
        "{matched:?} of {n} match"
    );
}

#[test]
fn long_runs_stay_linear() {
    // Thousands of "and" in one clause, or of spaces after "according to", must not make
    // the search quadratic (each body would rescan the clause).
    let ands = "and ".repeat(50_000) + "then";
    assert_eq!(before(ands.as_bytes()), None);
    let spaces = format!("according to{}x", " ".repeat(50_000));
    assert!(before(spaces.as_bytes()).is_some());
    let dots = "A.".repeat(50_000);
    assert_eq!(after(dots.as_bytes()), None);
}
