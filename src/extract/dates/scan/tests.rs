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

/// Texts longer than a block of [`cut`] (64 bytes), with words across the blocks' edges:
/// tokens, anchors and the slash flag as the byte-by-byte reference and [`is_anchor`] give.
#[test]
fn cut_by_blocks_agrees_with_the_reference() {
    const MORE: &[&str] = &[
        "Tuesday",
        "days",
        "quarter",
        "2021",
        "ago",
        "the",
        "announced",
        "Ⅻé",
        "x2021y",
        "  ",
    ];
    let mut rng = Rng(0x5eed_da7f);
    let (mut across, mut anchors_found) = (0, 0);
    let (mut t, mut anchors) = (Vec::new(), Vec::new());
    for _ in 0..cases("DATES_TOKENIZER_CASES", 20_000) / 4 {
        let n = (rng.next() % 120) as usize;
        let text: String = (0..n)
            .map(|_| {
                if rng.next() % 3 == 0 {
                    rng.pick(MORE)
                } else {
                    rng.pick(PIECES)
                }
            })
            .collect();
        let reference = tokenize_reference(&text);
        let slash = cut::<true>(&text, &mut t, &mut anchors);
        assert!(same_tokens(&t, &reference), "{text:?}");
        assert!(same_tokens(&tokenize(&text), &reference), "{text:?}");
        assert_eq!(slash, text.contains('/'), "{text:?}");
        let expected: Vec<u32> = (0..reference.len())
            .filter(|&k| match reference[k].kind {
                K::Num => true,
                K::Word => is_anchor(&text[reference[k].s..reference[k].e]),
                K::Punct(_) => false,
            })
            .map(|k| k as u32)
            .collect();
        assert_eq!(anchors, expected, "{text:?}");
        anchors_found += anchors.len();
        across += reference
            .iter()
            .filter(|x| x.s / 64 != (x.e - 1) / 64)
            .count();
    }
    // The blocks' edges and the anchors are exercised, not passed by.
    assert!(across > 1_000, "{across}");
    assert!(anchors_found > 1_000, "{anchors_found}");
}

#[test]
fn ymd_writes_days_as_chrono_does() {
    let mut rng = Rng(0xda7e_0001);
    let days = (0..cases("DATES_YMD_CASES", 5_000)).map(|_| {
        let n = (rng.next() % 8_000_000) as i64;
        NaiveDate::from_ymd_opt(-9999, 1, 1).and_then(|d| d.checked_add_signed(Duration::days(n)))
    });
    let edges = [
        (0, 1, 1),
        (9999, 12, 31),
        (10000, 1, 1),
        (-1, 12, 31),
        (2024, 2, 29),
    ]
    .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    for d in days.chain(edges).flatten() {
        assert_eq!(ymd(d), d.format("%Y-%m-%d").to_string());
    }
}

/// [`is_anchor`] without its first-and-last-letter filter.
fn is_anchor_reference(w: &str) -> bool {
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let mut buf = [0u8; 16];
    let Some(l) = lower(w, &mut buf) else {
        return false;
    };
    let l = l.strip_suffix(b"s").filter(|x| x.len() > 2).unwrap_or(l);
    ANCHORS.contains(packed::key(l))
}

/// Whether [`ANCHOR_GATE`] alone turns the word away (a word that starts with a digit is an
/// anchor before it is looked at).
fn anchor_gate_turns_away(w: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    !first.is_ascii_digit() && !anchor_gate(w.len(), first, last)
}

#[test]
fn anchor_filter_turns_away_no_anchor() {
    let words: Vec<String> = ANCHOR_WORDS
        .iter()
        .chain(CALENDAR_WORDS)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    let mut rng = Rng(0xa4c4_0001);
    let mut gated = 0;
    for _ in 0..cases("DATES_ANCHOR_CASES", 20_000) {
        let base = &words[(rng.next() % words.len() as u64) as usize];
        let mut w: String = match rng.next() % 4 {
            0 => base.to_uppercase(),
            1 => format!("{}s", base),
            2 => base.chars().rev().collect(),
            _ => base.clone(),
        };
        // Change one byte now and then: a letter, an 's', a digit or a non-ASCII letter.
        if rng.next() % 2 == 0 && !w.is_empty() {
            let k = (rng.next() % w.len() as u64) as usize;
            let c = rng.pick(&["x", "s", "S", "7", "é", "a"]);
            w = format!("{}{}{}", &w[..k], c, &w[k + 1..]);
        }
        assert_eq!(is_anchor(&w), is_anchor_reference(&w), "{w:?}");
        // The gate of length and first and last letters alone turns many words away.
        gated += usize::from(anchor_gate_turns_away(w.as_bytes()));
    }
    let total = cases("DATES_ANCHOR_CASES", 20_000);
    assert!(gated * 10 > total, "{gated} of {total}");
    for w in [
        "", "s", "Days", "DECADES", "quarters", "the", "ago", "Sept", "1999", "yearss",
    ] {
        assert_eq!(is_anchor(w), is_anchor_reference(w), "{w:?}");
    }
}

/// Words and marks that date expressions are made of, with counts and common words between.
const DATE_VOCABULARY: &[&str] = &[
    "1",
    "5",
    "12",
    "24",
    "30",
    "31",
    "100",
    "930",
    "0930",
    "1400",
    "2022",
    "1999",
    "3000",
    "five",
    "twenty",
    "days",
    "day",
    "weeks",
    "years",
    "year",
    "hours",
    "hour",
    "minutes",
    "decades",
    "ago",
    "more",
    "than",
    "the",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "-",
    ":",
    "/",
    ".",
    ",",
    "'",
    "s",
    "a",
    "p",
    "m",
    "am",
    "PM",
    "hrs",
    "hr",
    "January",
    "Jan",
    "May",
    "5th",
    "of",
    "at",
    "about",
    "around",
    "in",
    "since",
    "people",
    "killed",
    "said",
    "will",
    "fiscal",
    "quarter",
    "third",
    "summer",
    "Monday",
    "morning",
    "night",
    "o",
    "clock",
    "$",
    "#",
    "%",
    "old",
    "or",
    "so",
    "earlier",
    "before",
    "later",
    "few",
    "couple",
    "half",
    "and",
    "to",
    "th",
    "GMT",
    "local",
    "time",
    "90s",
    "1990s",
    "today",
    "tonight",
    "every",
    "week",
    "month",
    "Sept",
    "Thursday",
    "Friday",
    "that",
    "noon",
    "dawn",
    "weekend",
    "daily",
    "each",
    "Christmas",
    "New",
    "Year",
    "previous",
    "following",
    "coming",
    "past",
    "yesterday",
    "March",
    "11pm",
    "3rd",
    "first",
    "end",
    "beginning",
    "same",
    "now",
    "current",
    "Spring",
    "December",
    "an",
    "middle",
    "start",
    "latest",
    "recent",
    "period",
    "future",
    "near",
    "nineties",
    "winter",
    "A",
    "The",
];

/// The rules of [`Scanner::at`] in order, for reading [`Scanner::cannot_start`]'s bits.
const RULE_ORDER: [&str; 19] = [
    "iso_date",
    "numeric_date",
    "clock_time",
    "month_day",
    "day_month",
    "month_year",
    "weekday",
    "relative_day",
    "anchored_day",
    "weekend",
    "holiday",
    "this_period",
    "ago",
    "quarter",
    "year",
    "month_alone",
    "duration",
    "set",
    "vague",
];

#[test]
fn gates_lose_no_expression() {
    let mut rng = Rng(0x9a7e_0001);
    let reference = NaiveDate::from_ymd_opt(2023, 3, 9);
    let total = cases("DATES_GATE_CASES", 20_000);
    // Texts with an expression that starts at a number, and numbers the gate turned away.
    let (mut from_number, mut turned_away, mut past_skipped) = (0, 0, 0);
    // "the" and "a" before a word no rule reads after them, turned away whole.
    let mut articles_gated = 0;
    for n in 0..total {
        let words = 2 + (rng.next() % 10) as usize;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(rng.pick(DATE_VOCABULARY));
            if rng.next() % 4 != 0 {
                text.push(' ');
            }
        }
        let r = if n % 2 == 0 { reference } else { None };
        let scanner = Scanner::new(&text, r, None);
        turned_away += (0..scanner.t.len())
            .filter(|&i| scanner.t[i].kind == K::Num && !scanner.number_may_start(i))
            .count();
        let skips: Vec<(usize, u32)> = (0..scanner.t.len())
            .map(|i| (scanner.t[i].s, scanner.cannot_start(i)))
            .collect();
        articles_gated += (0..scanner.t.len())
            .filter(|&i| {
                ["the", "a", "an"].iter().any(|a| scanner.is(i, a))
                    && scanner.cannot_start(i) == ALL_RULES
            })
            .count();
        let gated = scanner.run_with(true);
        let all = Scanner::new(&text, r, None).run_with(false);
        assert_eq!(gated, all, "{text:?}");
        // Expressions found at a word after the word gate passed over earlier rules.
        past_skipped += gated
            .iter()
            .filter(|t| {
                let r = RULE_ORDER.iter().position(|n| *n == t.rule).unwrap_or(0);
                skips
                    .iter()
                    .any(|&(s, skip)| s == t.span.start && skip & ((1 << r) - 1) & !3 != 0)
            })
            .count();
        from_number += usize::from(
            gated
                .iter()
                .any(|t| text.as_bytes()[t.span.start].is_ascii_digit()),
        );
    }
    // The comparison means something only if both happen often.
    assert!(from_number * 10 > total, "{from_number} of {total}");
    assert!(turned_away * 10 > total, "{turned_away} of {total}");
    assert!(past_skipped * 10 > total, "{past_skipped} of {total}");
    assert!(articles_gated * 10 > total, "{articles_gated} of {total}");
}

#[test]
fn texts_that_cannot_name_a_year_name_none() {
    // What `may_name_year` promises: read without a reference date, a text it turns away
    // yields no value that starts with four digits.
    let words: Vec<&str> = DATE_VOCABULARY
        .iter()
        .copied()
        .chain([
            "nineteen", "ninety", "two", "thousand", "88", "25", "Aug", "Dec.",
        ])
        .collect();
    let mut rng = Rng(0x4ea2_0002);
    let (mut turned_away, mut years) = (0, 0);
    for _ in 0..cases("DATES_YEAR_CASES", 20_000) {
        let text: String = (0..8)
            .map(|_| {
                let sep = if rng.next() % 4 == 0 { "" } else { " " };
                format!("{}{sep}", rng.pick(&words))
            })
            .collect();
        let year_values = Scanner::new(&text, None, None)
            .run()
            .into_iter()
            .filter(|t| {
                t.value
                    .get(..4)
                    .is_some_and(|v| v.bytes().all(|b| b.is_ascii_digit()))
            })
            .count();
        years += year_values;
        if !may_name_year(&text) {
            turned_away += 1;
            assert_eq!(year_values, 0, "{text:?}");
        }
    }
    // Both are common (year values: about one text in ten), or the test proves nothing.
    let total = cases("DATES_YEAR_CASES", 20_000);
    assert!(turned_away * 20 > total, "{turned_away}");
    assert!(years * 20 > total, "{years}");
}

#[test]
fn lowered_words_are_the_ascii_lowercase_or_nothing() {
    let expected = |w: &str| {
        if w.len() <= 16 && w.is_ascii() {
            w.to_ascii_lowercase()
        } else {
            String::new()
        }
    };
    let mut rng = Rng(0x10e2_0001);
    for _ in 0..cases("DATES_LOWER_CASES", 5_000) {
        let w: String = (0..(rng.next() % 6))
            .map(|_| rng.pick(&["a", "B", "7", "é", "-", "seventeen", "THE", "Night"]))
            .collect();
        let mut buf = [0u8; 16];
        assert_eq!(lower_str(&w, &mut buf), expected(&w), "{w:?}");
        let t = Scanner::new(&w, None, None);
        for i in 0..t.t.len() {
            assert_eq!(t.lw(i).as_str(), expected(t.w(i)), "{w:?} at {i}");
        }
    }
}

/// [`word_number`] as first written: a case-blind compare with each number word in turn.
fn word_number_reference(w: &str) -> Option<u32> {
    const W: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = W.iter().position(|x| w.eq_ignore_ascii_case(x)) {
        return Some(i as u32);
    }
    const T: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    T.iter()
        .position(|x| w.eq_ignore_ascii_case(x))
        .map(|i| (i as u32 + 2) * 10)
}

/// The number tokens' values as first read, with `str::parse`: the reference
/// [`digits_value`] (and so [`Scanner::num`], [`Scanner::year4`], [`Scanner::day_num`]) is
/// checked against.
fn digits_value_reference(w: &str) -> Option<u32> {
    w.parse().ok()
}

#[test]
fn number_values_match_the_parser() {
    // Every number of one to four digits, leading zeros included.
    let mut checked = 0;
    for len in 1..=4u32 {
        for n in 0..10u32.pow(len) {
            let w = format!("{n:0width$}", width = len as usize);
            assert_eq!(
                Some(digits_value(w.as_bytes())),
                digits_value_reference(&w),
                "{w}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 11_110);
    // Through the scanner, on generated text: every number token of at most four digits
    // reaches the digit-by-digit form, and reads as the parser reads it.
    let words = [
        "5", "05", "31", "0930", "2022", "12345", "7th", "Jan", "x1", "the", ",", "/",
    ];
    let mut rng = Rng(0x6d17_0001);
    let mut numbers = 0;
    for _ in 0..cases("DATES_NUMBER_CASES", 2_000) {
        let text: String = (0..8)
            .map(|_| {
                let sep = if rng.next() % 3 == 0 { "" } else { " " };
                format!("{}{sep}", rng.pick(&words))
            })
            .collect();
        let s = Scanner::new(&text, None, None);
        for i in 0..s.t.len() {
            let (t, w) = (s.t[i], s.w(i));
            let plain = (t.kind == K::Num && w.len() <= 4)
                .then(|| digits_value_reference(w))
                .flatten();
            numbers += usize::from(plain.is_some());
            assert_eq!(s.num(i), plain, "{text:?} {i}");
            let year = plain
                .filter(|_| w.len() == 4)
                .map(|y| y as i32)
                .filter(|y| (1000..=2199).contains(y));
            assert_eq!(s.year4(i), year, "{text:?} {i}");
            if t.kind == K::Num && w.len() <= 2 {
                assert_eq!(
                    s.day_num(i).is_some(),
                    plain.is_some_and(|d| (1..=31).contains(&d))
                        && !(s.tight(i)
                            && matches!(s.t.get(i + 1), Some(n) if matches!(n.kind, K::Punct(b':' | b'.' | b',')))
                            && s.t.get(i + 2).is_some_and(|n| n.kind == K::Num)
                            && s.tight(i + 1)),
                    "{text:?} {i}"
                );
            }
        }
    }
    // The generated text has many numbers, or the comparison proves little.
    assert!(numbers > cases("DATES_NUMBER_CASES", 2_000), "{numbers}");
}

/// The year of a yearless month-day as first chosen: the candidates in a `Vec`, and the
/// clause's tense always read. The reference [`nearest_year`] is checked against.
fn nearest_year_reference(r: NaiveDate, m: u32, d: u32, tense: Option<bool>) -> Option<NaiveDate> {
    let cands: Vec<NaiveDate> = [r.year() - 1, r.year(), r.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    let nearest = *cands.iter().min_by_key(|x| (**x - r).num_days().abs())?;
    let past = cands.iter().rev().find(|x| **x <= r).copied();
    let future = cands.iter().find(|x| **x >= r - Duration::days(7)).copied();
    Some(match tense {
        Some(true) if nearest >= r - Duration::days(14) => nearest,
        Some(true) => future.unwrap_or(nearest),
        Some(false) if nearest > r + Duration::days(30) || nearest < r => past.unwrap_or(nearest),
        _ if nearest > r + Duration::days(60) => past.unwrap_or(nearest),
        _ => nearest,
    })
}

#[test]
fn nearest_year_agrees_with_the_reference() {
    // Every month-day (29 February too) against references over three years (leap years
    // on either side), with each tense.
    let (mut unread, mut read) = (0, 0);
    let mut r = NaiveDate::from_ymd_opt(2019, 11, 3).unwrap_or_default();
    while r.year() < 2023 {
        for m in 1..=12 {
            for d in 1..=31 {
                for tense in [Some(true), Some(false), None] {
                    let mut asked = false;
                    let got = nearest_year(r, m, d, || {
                        asked = true;
                        tense
                    });
                    assert_eq!(got, nearest_year_reference(r, m, d, tense), "{r} {m} {d}");
                    if got.is_some() {
                        if asked {
                            read += 1;
                        } else {
                            unread += 1;
                        }
                    }
                }
            }
        }
        r += Duration::days(5);
    }
    // Both happen often (here, over days spread across the year, the tense is passed over
    // for about one in eight; in a news report most dates are days before its date), or
    // the comparison proves little.
    let total = unread + read;
    assert!(unread * 10 > total && read * 10 > total, "{unread} {read}");
}

#[test]
fn word_numbers_match_the_plain_compare() {
    let words = [
        "zero",
        "one",
        "Two",
        "THREE",
        "seventeen",
        "Twenty",
        "thirty",
        "ninety",
        "nine",
        "ten",
        "hundred",
        "",
        "on",
        "ones",
        "twentyone",
        "é",
        "fifty-five",
    ];
    let mut rng = Rng(0x3a3b_0001);
    let mut numbers = 0;
    for _ in 0..cases("DATES_NUMBER_CASES", 5_000) {
        let mut w = rng.pick(&words).to_string();
        // Change the case or one byte now and then.
        match rng.next() % 4 {
            0 => w = w.to_uppercase(),
            1 if !w.is_empty() && w.is_ascii() => {
                let k = (rng.next() % w.len() as u64) as usize;
                let c = rng.pick(&["x", "E", "n", "7", "é"]);
                w = format!("{}{}{}", &w[..k], c, &w[k + 1..]);
            }
            _ => {}
        }
        numbers += usize::from(word_number(&w).is_some());
        assert_eq!(word_number(&w), word_number_reference(&w), "{w:?}");
    }
    // Both answers are common, or the comparison proves little.
    let total = cases("DATES_NUMBER_CASES", 5_000);
    assert!(numbers * 4 > total && numbers * 4 < total * 3, "{numbers}");
}

#[test]
fn anchors_of_generated_words_are_often_found() {
    // The shape index must accept real anchors, not only turn words away: count both.
    let (mut yes, mut no) = (0, 0);
    let mut rng = Rng(0xa4c4_0002);
    for _ in 0..2_000 {
        let base = rng.pick(&[
            "day",
            "Days",
            "JANUARY",
            "mondays",
            "the",
            "said",
            "Christmas",
        ]);
        let w = if rng.next() % 2 == 0 {
            base.to_string()
        } else {
            format!("{base}s")
        };
        let a = is_anchor(&w);
        assert_eq!(a, is_anchor_reference(&w), "{w:?}");
        if a {
            yes += 1;
        } else {
            no += 1;
        }
    }
    assert!(yes > 500 && no > 500, "{yes} {no}");
}

#[test]
fn the_rule_constants_name_the_rules_in_cascade_order() {
    let named = [
        (rule::ISO_DATE, "iso_date"),
        (rule::NUMERIC_DATE, "numeric_date"),
        (rule::CLOCK_TIME, "clock_time"),
        (rule::MONTH_DAY, "month_day"),
        (rule::DAY_MONTH, "day_month"),
        (rule::MONTH_YEAR, "month_year"),
        (rule::WEEKDAY, "weekday"),
        (rule::RELATIVE_DAY, "relative_day"),
        (rule::ANCHORED_DAY, "anchored_day"),
        (rule::WEEKEND, "weekend"),
        (rule::HOLIDAY, "holiday"),
        (rule::THIS_PERIOD, "this_period"),
        (rule::AGO, "ago"),
        (rule::QUARTER, "quarter"),
        (rule::YEAR, "year"),
        (rule::MONTH_ALONE, "month_alone"),
        (rule::DURATION, "duration"),
        (rule::SET, "set"),
        (rule::VAGUE, "vague"),
    ];
    for (r, name) in named {
        assert_eq!(RULE_ORDER[r as usize], name);
    }
    assert_eq!(RULE_NAMES, RULE_ORDER);
}

#[test]
fn first_is_the_first_of_the_full_run() {
    // `Scanner::first` (which stops early) against the whole run, filtered afterwards.
    let mut rng = Rng(0xf125_0001);
    let (mut found, mut cut_short) = (0, 0);
    for n in 0..cases("DATES_FIRST_CASES", 5_000) {
        let text: String = (0..(4 + rng.next() % 20))
            .map(|_| {
                let sep = if rng.next() % 4 == 0 { "" } else { " " };
                format!("{}{sep}", rng.pick(DATE_VOCABULARY))
            })
            .collect();
        let limit = (rng.next() % (text.len() as u64 + 1)) as usize;
        let wanted = |t: &TimeExpr| match n % 3 {
            0 => t.day.is_some(),
            1 => t.value.starts_with(|c: char| c.is_ascii_digit()),
            _ => true,
        };
        let all = Scanner::new(&text, None, None).run();
        let expected = all
            .iter()
            .find(|t| t.span.start < limit && wanted(t))
            .cloned();
        let got = Scanner::new(&text, None, None).first(limit, wanted);
        assert_eq!(got, expected, "{text:?} {limit}");
        found += usize::from(got.is_some());
        // Cases where expressions the full run found were never looked for.
        cut_short += usize::from(got.is_some_and(|g| all.last().is_some_and(|l| l.span != g.span)));
    }
    let total = cases("DATES_FIRST_CASES", 5_000);
    assert!(
        found * 10 > total && cut_short * 20 > total,
        "{found} {cut_short}"
    );
}

/// [`could_start`] without its shape filter: any word that starts with a digit, or whose
/// lowercase form is in the set.
fn could_start_reference(w: &str) -> bool {
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let mut buf = [0u8; 16];
    lower(w, &mut buf).is_some_and(|l| COULD_START.contains(packed::key(l)))
}

#[test]
fn start_filter_turns_away_no_starting_word() {
    let words: Vec<String> = COULD_START_WORDS
        .iter()
        .chain(CALENDAR_WORDS)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .chain(["5th", "2022", "said", "people", "The", "NEXT"].map(String::from))
        .collect();
    let mut rng = Rng(0x57a2_0001);
    let (mut yes, mut no) = (0, 0);
    for _ in 0..cases("DATES_START_CASES", 20_000) {
        let base = &words[(rng.next() % words.len() as u64) as usize];
        let mut w = match rng.next() % 3 {
            0 => base.to_uppercase(),
            1 => base.chars().rev().collect(),
            _ => base.clone(),
        };
        if rng.next() % 3 == 0 && !w.is_empty() && w.is_ascii() {
            let k = (rng.next() % w.len() as u64) as usize;
            let c = rng.pick(&["x", "s", "E", "7", "é", "a"]);
            w = format!("{}{}{}", &w[..k], c, &w[k + 1..]);
        }
        let mut buf = [0u8; 16];
        let got = could_start(&w, &mut buf).map(<[u8]>::to_vec);
        assert_eq!(got.is_some(), could_start_reference(&w), "{w:?}");
        if let Some(l) = got {
            let mut b2 = [0u8; 16];
            assert_eq!(l, lower(&w, &mut b2).unwrap_or(b""), "{w:?}");
            yes += 1;
        } else {
            no += 1;
        }
    }
    assert!(yes > 2_000 && no > 2_000, "{yes} {no}");
}

/// Only a numeric date ("05/01/2022") reads the day-month order, and it needs a slash: the
/// expressions of a text without one are the same whatever the order, so the scanner skips
/// working it out (and the dateline it would come from).
#[test]
fn the_day_month_order_matters_only_with_a_slash() {
    let mut rng = Rng(0xda7e_0d3f);
    let reference = NaiveDate::from_ymd_opt(2023, 3, 9);
    let datelines = [
        "LIMA, 25 Aug (Wire) -",
        "LIMA, Aug 25 (Wire) -",
        "LIMA (Wire) -",
    ];
    // Texts whose dateline would have settled the order: the skip changed it.
    let (mut texts, mut settled) = (0, 0);
    for n in 0..cases("DATES_ORDER_CASES", 5_000) {
        let words = 2 + (rng.next() % 10) as usize;
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(rng.pick(DATE_VOCABULARY));
            if rng.next() % 4 != 0 {
                text.push(' ');
            }
        }
        if text.contains('/') {
            continue;
        }
        texts += 1;
        let dateline = Some(datelines[n % datelines.len()]);
        let r = if n % 2 == 0 { reference } else { None };
        let skipped = Scanner::new(&text, r, dateline);
        assert_eq!(skipped.dmy, None);
        let skipped = skipped.run();
        // The plain form: the order as the text and its dateline give it.
        let plain = day_first(&text, &tokenize(&text), dateline);
        settled += usize::from(plain.is_some());
        for order in [plain, Some(true), Some(false)] {
            let mut scanner = Scanner::new(&text, r, dateline);
            scanner.dmy = order;
            assert_eq!(scanner.run(), skipped, "{text:?} {order:?}");
        }
    }
    assert!(texts > 2_000 && settled > 1_000, "{texts} {settled}");
}

/// [`cue_of`] as first written, one `match` over the words: the reference for the lists.
fn cue_of_reference(w: &[u8]) -> Cue {
    match w {
        b"will" | b"ll" | b"shall" | b"would" | b"due" | b"scheduled" | b"expected"
        | b"expects" | b"expect" | b"upcoming" | b"tomorrow" | b"plan" | b"plans" | b"planned"
        | b"planning" | b"supposed" | b"intends" | b"intend" | b"likely" | b"payable"
        | b"effective" | b"going" => Cue::Ahead,
        b"said" | b"says" | b"told" | b"announced" | b"reported" | b"was" | b"were" | b"had"
        | b"did" | b"last" | b"ago" | b"since" | b"yesterday" | b"rose" | b"fell" | b"began"
        | b"hit" | b"struck" | b"broke" | b"took" | b"came" | b"went" | b"fled" | b"met"
        | b"led" | b"saw" | b"made" | b"shot" | b"left" | b"held" | b"spoke" | b"won" | b"lost"
        | b"grew" | b"gave" | b"sent" | b"built" | b"fought" | b"brought" | b"paid" | b"sold"
        | b"bought" | b"got" | b"became" | b"ran" | b"found" | b"thought" | b"felt" | b"kept"
        | b"overtook" | b"swept" | b"tore" | b"blew" => Cue::Back,
        // b"-ed" is a past tense, but b"succeed", b"need" are not.
        _ if w.len() > 3 && w.ends_with(b"ed") && !w.ends_with(b"eed") => Cue::Back,
        _ => Cue::None,
    }
}

/// [`Scanner::tense`] as first written, lowercasing every word it passes: the reference for
/// [`may_tell_tense`].
fn tense_reference(s: &Scanner, i: usize) -> Option<bool> {
    let lo = i.saturating_sub(16);
    // "until Friday" looks ahead unless the clause has a past verb ("searched … until").
    let mut until = None;
    let mut j = i;
    // The lowercase word before the last word read, which is the next one read (the
    // previous step's `prev`), and the token it is of.
    let (mut pb, mut prev_len, mut prev_of) = ([0u8; 16], 0, usize::MAX);
    while j > lo {
        j -= 1;
        match s.t[j].kind {
            K::Punct(b'!' | b'?' | b';') => return until,
            K::Punct(b'.') if s.full_stop(j) => return until,
            K::Word => {
                let mut buf = [0u8; 16];
                let w_len = if prev_of == j {
                    buf = pb;
                    prev_len
                } else {
                    s.low(j, &mut buf).len()
                };
                let w = &buf[..w_len];
                prev_len = if j > 0 {
                    s.low(j - 1, &mut pb).len()
                } else {
                    0
                };
                prev_of = j.wrapping_sub(1);
                let prev = &pb[..prev_len];
                match w {
                    // "as soon as Tuesday", "as early as Friday".
                    b"soon" | b"early" if prev == b"as" && j + 1 < i && s.is(j + 1, "as") => {
                        return Some(true)
                    }
                    // "is to resume", "to be held".
                    b"to" if matches!(prev, b"is" | b"are" | b"set") => return Some(true),
                    b"be" if prev == b"to" => return Some(true),
                    b"until" | b"till" => until = Some(true),
                    _ => {}
                }
                match cue_of_reference(w) {
                    Cue::Ahead => return Some(!matches!(prev, b"had" | b"been")),
                    // "be paid", and names ("United States") are no past.
                    Cue::Back if matches!(prev, b"be" | b"been" | b"being") => {}
                    Cue::Back if w.ends_with(b"ed") && s.capital(j) => {}
                    // "postponed until Tuesday", "gave them until Friday": a deadline.
                    Cue::Back
                        if until.is_some()
                            && matches!(
                                w,
                                b"postponed"
                                    | b"extended"
                                    | b"delayed"
                                    | b"adjourned"
                                    | b"deferred"
                                    | b"gave"
                                    | b"given"
                            ) => {}
                    Cue::Back => return Some(false),
                    Cue::None => {}
                }
            }
            _ => {}
        }
    }
    until
}

/// Words of every case and shape, the cues and the tense words among them: the same cue as
/// the reference `match`, and none turned away by [`may_tell_tense`] that the reference
/// reads something from.
#[test]
fn cue_lists_and_tense_filter_agree_with_the_match() {
    let listed: Vec<String> = AHEAD_CUES
        .iter()
        .chain(BACK_CUES)
        .chain(TENSE_WORDS)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    let endings = ["ed", "eed", "ED", "s", "", "d", "ing"];
    let mut rng = Rng(0x7e45_e001);
    let mut telling = 0;
    for n in 0..cases("DATES_TENSE_CASES", 20_000) {
        let base = if n % 2 == 0 {
            listed[(rng.next() % listed.len() as u64) as usize].clone()
        } else {
            let len = 1 + rng.next() % 9;
            (0..len)
                .map(|_| char::from(b'a' + (rng.next() % 26) as u8))
                .collect()
        };
        let w = format!("{base}{}", rng.pick(&endings));
        let w = if n % 3 == 0 { rng.mixed_case(&w) } else { w };
        let mut buf = [0u8; 16];
        let l = lower(&w, &mut buf).unwrap_or(b"");
        assert_eq!(cue_of(l), cue_of_reference(l), "{w:?}");
        let tells = cue_of_reference(l) != Cue::None || TENSE_WORDS.contains(&l);
        assert!(!tells || may_tell_tense(w.as_bytes()), "{w:?}");
        telling += usize::from(tells);
    }
    assert!(telling > 1_000, "{telling}");
}

/// Clauses of tense words, cues and others: [`Scanner::tense`] at every token as the
/// reference gives it.
#[test]
fn tense_agrees_with_the_reference() {
    const WORDS: &[&str] = &[
        "will",
        "said",
        "Said",
        "as",
        "soon",
        "early",
        "is",
        "to",
        "be",
        "been",
        "had",
        "until",
        "postponed",
        "gave",
        "United",
        "succeed",
        "needed",
        "Friday",
        "the",
        "rain",
        "planned",
        "Jan",
        ".",
        "P",
        "!",
        "?",
        ";",
        ",",
        "talks",
        "WERE",
        "ll",
        "'",
    ];
    let mut rng = Rng(0x7e45_e002);
    let (mut ahead, mut back) = (0, 0);
    for _ in 0..cases("DATES_TENSE_CASES", 20_000) / 10 {
        let n = 1 + (rng.next() % 24) as usize;
        let text: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
        let text = text.join(" ");
        let s = Scanner::new(&text, None, None);
        for i in 0..=s.t.len() {
            let t = s.tense(i);
            assert_eq!(t, tense_reference(&s, i), "{text:?} at {i}");
            ahead += usize::from(t == Some(true));
            back += usize::from(t == Some(false));
        }
    }
    assert!(ahead > 1_000 && back > 1_000, "{ahead} {back}");
}

/// A run of five digits or more: a number [`may_name_year_in`] turns away and
/// [`may_name_year_bytes`] lets through.
fn has_five_digits(text: &str) -> bool {
    text.as_bytes()
        .windows(5)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

#[test]
fn the_byte_year_filter_turns_away_only_what_the_token_one_does() {
    for text in [
        "",
        "2022",
        "x2022",
        "12345",
        "a1234",
        "25 Aug 88",
        "Aug., 88",
        "Aug. , , 88",
        "Aug . , , 88",
        "Aug 88x",
        "Aug8 88",
        "the 88 of Aug",
        "May  \n\n  12",
        "é12 May 12",
        "Nineteen",
        "THOUSAND",
        "thousands",
        "xnineteen",
        "5/1",
        "Ⅻ1234",
    ] {
        let exact = may_name_year(text);
        let bytes = may_name_year_bytes(text);
        assert!(
            bytes == exact || (bytes && has_five_digits(text)),
            "{text:?}"
        );
    }
    const MORE: &[&str] = &[
        "Aug",
        "aug",
        "Sept.",
        "May",
        "December",
        "88",
        "25",
        "7",
        "123",
        "2021",
        "12345",
        "nineteen",
        "Thousand",
        "thousands",
        "ninetee",
        "x",
        "people",
        "  ",
        "\n\n",
        ", ",
        " Aug. 88 ",
        " nineteen ",
    ];
    // Words between them: most of a paragraph.
    const PLAIN: &[&str] = &["the river ", "rose ", "people ", "were ", "in ", "Lima, "];
    let mut rng = Rng(0x4ea2_0003);
    let (mut turned_away, mut let_through, mut across) = (0, 0, 0);
    // Texts that name a year only by a two-digit year after a month or a spelled year.
    let mut by_words = 0;
    for _ in 0..cases("DATES_YEAR_CASES", 20_000) {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n)
            .map(|_| {
                let piece = match rng.next() % 8 {
                    0 => rng.pick(MORE),
                    1 | 2 => rng.pick(PIECES),
                    _ => rng.pick(PLAIN),
                };
                // A slash settles it: in few texts.
                if piece == "/" && rng.next() % 8 != 0 {
                    " "
                } else {
                    piece
                }
            })
            .collect();
        let exact = may_name_year(&text);
        let bytes = may_name_year_bytes(&text);
        assert!(
            bytes == exact || (bytes && has_five_digits(&text)),
            "{text:?}"
        );
        if bytes {
            let_through += 1;
            by_words += usize::from(
                exact
                    && !text.contains('/')
                    && !(text.as_bytes().windows(4)).any(|w| w.iter().all(u8::is_ascii_digit)),
            );
        } else {
            turned_away += 1;
            across += usize::from(text.len() > 64);
        }
    }
    // Both answers are common, texts of more than one block are turned away, and texts are
    // let through for a two-digit year or a spelled one alone.
    let total = cases("DATES_YEAR_CASES", 20_000);
    assert!(turned_away * 10 > total, "{turned_away} of {total}");
    assert!(let_through * 10 > total, "{let_through} of {total}");
    assert!(across * 20 > total, "{across} of {total}");
    assert!(by_words * 20 > total, "{by_words} of {total}");
}
