//! The scanners against the regular expressions they replace (the reference, built here
//! only), on hand-picked attributions and on many generated ones.

use super::{after, before, verb_after_space, verb_at, verb_at_plain, VERBS as VERB_LIST};
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
const PIECES: [&str; 54] = [
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
    "stated",
    "urged",
    "acknowledged",
    "recalls",
    "sai",
    "crie",
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
    // Texts where the second form of `after` is settled by `verb_after_space` alone.
    let mut no_verb = 0;
    for _ in 0..n {
        let h = generated(&mut rng);
        let lead = h
            .bytes()
            .take_while(|&b| b.is_ascii_whitespace() || b == b',');
        no_verb += usize::from(!verb_after_space(h.as_bytes(), lead.count()));
        let (want_after, want_before) = (reference(&re_after, &h), reference(&re_before, &h));
        matched.0 += usize::from(want_after.is_some());
        matched.1 += usize::from(want_before.is_some());
        assert_eq!(scanned(after, &h), want_after, "after {h:?}");
        assert_eq!(scanned(before, &h), want_before, "before {h:?}");
    }
    // The generator must reach both patterns often enough for the comparison to mean something.
    eprintln!("MATCHED {matched:?} of {n}, {no_verb} without a verb after white space");
    assert!(
        matched.0 * 20 > n && matched.1 * 20 > n && no_verb * 5 > n,
        "{matched:?} of {n} match, {no_verb} without a verb"
    );
}

/// `verb_at` compares only the verbs that share the first byte, in any order: sound only
/// because no verb is a prefix of another (then at most one matches anywhere).
#[test]
fn verb_at_agrees_with_the_list_order() {
    for a in VERB_LIST {
        for b in VERB_LIST {
            assert!(a == b || !b.starts_with(a), "{a} is a prefix of {b}");
        }
        assert!(a.len() >= 4, "{a}");
    }
    let mut rng = Rng(0x5EED_0000_0000_7E4B);
    let mut found = 0;
    for _ in 0..crate::testing::cases("ATTR_CASES", 40_000) {
        let h = generated(&mut rng);
        for y in 0..=h.len() + 1 {
            let want = verb_at_plain(h.as_bytes(), y);
            found += usize::from(want.is_some());
            assert_eq!(verb_at(h.as_bytes(), y), want, "{h:?} at {y}");
        }
    }
    for v in VERB_LIST {
        let h = format!(" {v}");
        assert_eq!(verb_at(h.as_bytes(), 1), Some(v.len()), "{v}");
        assert_eq!(verb_at(&h.as_bytes()[..h.len() - 1], 1), None, "{v}");
    }
    assert!(found > 1000, "{found}");
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
