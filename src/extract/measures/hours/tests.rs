use super::{daily, Clock};
use crate::testing::Rng;
use regex::Regex;
use std::sync::LazyLock;

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\bfrom\s+(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s+(?:to|until|till)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?").unwrap()
});

fn reference(sentence: &str) -> (Option<String>, Option<String>) {
    let Some(c) = PATTERN.captures(sentence) else {
        return (None, None);
    };
    let part = |i: usize| c.get(i).map(|m| m.as_str());
    let clock = |i: usize| Clock {
        hour: &c[i],
        minute: part(i + 1),
        half: part(i + 2),
    };
    (clock(1).to_24h(), clock(4).to_24h())
}

#[test]
fn reads_daily_hours() {
    let cases = [
        ("a curfew from 11pm to 7am", ("23:00", "07:00")),
        (
            "A curfew from 22:00 until 06.00 was imposed",
            ("22:00", "06:00"),
        ),
        ("From 10 p.m. till 5 A.M. daily", ("22:00", "05:00")),
        ("curfew from 12 am to 12 pm", ("00:00", "12:00")),
    ];
    for (s, (from, to)) in cases {
        assert_eq!(daily(s), (Some(from.into()), Some(to.into())), "{s}");
    }
    assert_eq!(daily("from 25 to 7"), (None, Some("07:00".into())));
    assert_eq!(daily("a curfew from Monday to Friday"), (None, None));
    assert_eq!(daily("wherefrom 10 to 11"), (None, None));
}

/// The slots of a generated sentence, each with its choices (right forms and near-misses).
const SLOTS: [&[&str]; 15] = [
    &["", "a curfew ", "x", "wherefrom", "é ", "from 9 "],
    &["from", "From", "FROM", "fro", "fromage"],
    &["", " ", "  ", "\t", "\n"],
    &["1", "10", "123", "", "x", "05"],
    &["", ":30", ".05", ":3", ":", ".x"],
    &["", " ", "  "],
    &["", "pm", "a.m.", "P.M", "am", "a.m", "a.", "p.m.."],
    &["", " ", "\t"],
    &["to", "until", "till", "tomorrow", "TO", "x"],
    &["", " ", "  "],
    &["7", "12", "123", "", "x"],
    &["", ":30", ".45", ":3"],
    &["", " ", "  "],
    &["", "pm", "a.m.", "AM", "p.", "p.m"],
    &["", " daily", ",", " from 9 to 5"],
];

#[test]
fn agrees_with_the_pattern_on_generated_text() {
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let n: usize = crate::testing::cases("HOURS_CASES", 20_000);
    let mut matched = 0;
    for _ in 0..n {
        let mut s = String::new();
        for slot in SLOTS {
            s.push_str(rng.pick(slot));
        }
        let want = reference(&s);
        matched += usize::from(want.0.is_some());
        assert_eq!(daily(&s), want, "{s:?}");
    }
    // The generator must reach the pattern often enough for the comparison to mean something.
    eprintln!("MATCHED {matched} of {n}");
    assert!(
        matched * 10 > n,
        "only {matched} of {n} generated texts match"
    );
}
