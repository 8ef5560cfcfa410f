//! Quantities as news writes them: "1,200", "1.5 million", "twelve", "dozens", "at least 30".
//!
//! [`QUANTITY_PATTERN`] finds them inside a larger regex; [`parse_quantity`] turns the matched
//! text into a value and bounds. Vague quantities become lower bounds (dozens → min 24) as the
//! labelling guidelines say.

/// Modifier, then a number in digits (with a scale) or words, or a vague quantity.
pub const QUANTITY_PATTERN: &str = r"(?:(?:at least|more than|over|almost|nearly|up to|about|around|some|an estimated|approximately|roughly|fewer than|less than|close to)\s+)?(?:\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:million|m|billion|thousand))?\b|(?:(?:at least|more than|over|almost|nearly|up to|about|around|some|an estimated|approximately|roughly|fewer than|less than|close to)\s+)?(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|a hundred|a thousand)(?:[\s-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million))*)\b|(?:a dozen|dozens|scores|hundreds of thousands|hundreds|tens of thousands|thousands|millions|several|a couple of|a couple)\b";

/// A parsed quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The number as stated, or `None` for a vague quantity.
    pub value: Option<u64>,
    /// Lower bound, when the wording implies one.
    pub min: Option<u64>,
    /// Upper bound, when the wording implies one.
    pub max: Option<u64>,
    /// True for hedged wording ("about").
    pub approximate: bool,
}

fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// "one hundred and twenty-three" → 123.
fn words_to_number(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for w in s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        match w {
            "and" => continue,
            "hundred" => current = current.max(1) * 100,
            "thousand" => {
                total += current.max(1) * 1000;
                current = 0;
            }
            "million" => {
                total += current.max(1) * 1_000_000;
                current = 0;
            }
            w => current += word_value(w)?,
        }
        any = true;
    }
    any.then_some(total + current)
}

fn vague(s: &str) -> Option<(Option<u64>, u64)> {
    Some(match s {
        "a dozen" => (Some(12), 12),
        "a couple" | "a couple of" => (Some(2), 2),
        "dozens" => (None, 24),
        "scores" => (None, 40),
        "hundreds" => (None, 200),
        "thousands" => (None, 2000),
        "tens of thousands" => (None, 20_000),
        "hundreds of thousands" => (None, 200_000),
        "millions" => (None, 2_000_000),
        "several" => (None, 3),
        _ => return None,
    })
}

/// Parses a quantity matched by [`QUANTITY_PATTERN`].
pub fn parse_quantity(raw: &str) -> Option<Quantity> {
    let lower = raw.to_lowercase();
    let s = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    const MODS: &[(&str, char)] = &[
        ("at least ", '>'),
        ("more than ", '>'),
        ("over ", '>'),
        ("almost ", '<'),
        ("nearly ", '<'),
        ("up to ", '<'),
        ("fewer than ", '<'),
        ("less than ", '<'),
        ("close to ", '<'),
        ("about ", '~'),
        ("around ", '~'),
        ("some ", '~'),
        ("an estimated ", '~'),
        ("approximately ", '~'),
        ("roughly ", '~'),
    ];
    let (modifier, rest) = MODS
        .iter()
        .find_map(|(m, k)| s.strip_prefix(m).map(|r| (Some(*k), r)))
        .unwrap_or((None, s.as_str()));

    if let Some((value, min)) = vague(rest) {
        return Some(Quantity {
            value,
            min: Some(min),
            max: value,
            approximate: value.is_none(),
        });
    }
    let n = if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let (num, scale) = match rest.find(|c: char| c.is_ascii_alphabetic()) {
            Some(i) => (rest[..i].trim(), rest[i..].trim()),
            None => (rest, ""),
        };
        let digits: String = num.chars().filter(|c| *c != ',' && *c != ' ').collect();
        let x: f64 = digits.parse().ok()?;
        let mult = match scale {
            "" => 1.0,
            "thousand" => 1e3,
            "million" | "m" => 1e6,
            "billion" => 1e9,
            _ => return None,
        };
        if digits.contains('.') && mult == 1.0 {
            return None;
        }
        (x * mult).round() as u64
    } else {
        words_to_number(rest.strip_prefix("a ").unwrap_or(rest))?
    };
    let (min, max, approximate) = match modifier {
        Some('>') => (Some(n), None, false),
        Some('<') => (None, Some(n), false),
        Some('~') => (None, None, true),
        _ => (Some(n), Some(n), false),
    };
    Some(Quantity {
        value: if modifier == Some('>') { None } else { Some(n) },
        min,
        max,
        approximate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> (Option<u64>, Option<u64>, Option<u64>) {
        let q = parse_quantity(s).unwrap_or_else(|| panic!("{s}"));
        (q.value, q.min, q.max)
    }

    #[test]
    fn digits_words_and_scales() {
        assert_eq!(q("1,000"), (Some(1000), Some(1000), Some(1000)));
        assert_eq!(
            q("1.5 million"),
            (Some(1_500_000), Some(1_500_000), Some(1_500_000))
        );
        assert_eq!(q("twelve"), (Some(12), Some(12), Some(12)));
        assert_eq!(
            q("one hundred and twenty-three"),
            (Some(123), Some(123), Some(123))
        );
        assert_eq!(q("a dozen"), (Some(12), Some(12), Some(12)));
    }

    #[test]
    fn modifiers_become_bounds() {
        assert_eq!(q("at least 12"), (None, Some(12), None));
        assert_eq!(q("almost 1,000"), (Some(1000), None, Some(1000)));
        assert_eq!(q("dozens"), (None, Some(24), None));
        assert!(parse_quantity("about 50").unwrap().approximate);
    }
}
