//! A curfew's daily hours ("from 11pm to 7am", "from 22:00 until 06.00"), as a hand-written
//! scanner.
//!
//! It was a regular expression (kept in the tests as the reference the scanner is checked
//! against); the scanner finds the same leftmost match with the same parts:
//!
//! ```text
//! (?i)\bfrom\s+ CLOCK \s+(?:to|until|till)\s+ CLOCK
//! CLOCK = (\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?
//! ```
//!
//! (classes are ASCII, see [`crate::vocab::ascii`]).

use crate::vocab::ascii::{boundary, skip_space};
use crate::vocab::search::starts_with_ci;

/// The parts of a clock time as written: hour, minutes, "am"/"pm".
struct Clock<'a> {
    hour: &'a str,
    minute: Option<&'a str>,
    half: Option<&'a str>,
}

impl Clock<'_> {
    /// As `HH:MM` on a 24-hour clock, when it is a valid time.
    fn to_24h(&self) -> Option<String> {
        let mut h: u32 = self.hour.parse().ok()?;
        let m: u32 = self.minute.map_or(Some(0), |m| m.parse().ok())?;
        match self.half.map(|s| s.to_ascii_lowercase().replace('.', "")) {
            Some(p) if p == "pm" && h < 12 => h += 12,
            Some(p) if p == "am" && h == 12 => h = 0,
            _ => {}
        }
        (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
    }
}

/// The daily hours named in `sentence` (the first "from … to …" with clock times), as
/// `HH:MM` on a 24-hour clock: `(from, to)`, each `None` when not a valid time.
pub fn daily(sentence: &str) -> (Option<String>, Option<String>) {
    let h = sentence.as_bytes();
    let found = (0..h.len()).find_map(|i| {
        let from = h[i..]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"from"));
        if !(from && boundary(h, i)) {
            return None;
        }
        from_to(sentence, i + 4)
    });
    match found {
        Some((from, to)) => (from.to_24h(), to.to_24h()),
        None => (None, None),
    }
}

/// The rest of the pattern after "from" at `p`.
fn from_to(s: &str, p: usize) -> Option<(Clock<'_>, Clock<'_>)> {
    let h = s.as_bytes();
    let start = skip_space(h, p);
    if start == p {
        return None;
    }
    let (from, end) = clock(s, start)?;
    let connector = skip_space(h, end);
    if connector == end {
        return None;
    }
    // (After white space, so on a character boundary.)
    let word = ["to", "until", "till"]
        .into_iter()
        .find(|w| starts_with_ci(&s[connector..], w))?;
    let second = skip_space(h, connector + word.len());
    if second == connector + word.len() {
        return None;
    }
    let (to, _) = clock(s, second)?;
    Some((from, to))
}

/// A CLOCK at `i`: its parts and where it ends (after the minutes, or after "am"/"pm" when
/// there is one; the white space before "am" is part of it).
fn clock(s: &str, i: usize) -> Option<(Clock<'_>, usize)> {
    let h = s.as_bytes();
    let digits = h[i..]
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    let mut end = i + digits;
    let mut minute = None;
    if matches!(h.get(end), Some(b':' | b'.'))
        && h.get(end + 1..end + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
    {
        minute = Some(&s[end + 1..end + 3]);
        end += 3;
    }
    let half_at = skip_space(h, end);
    let half = half_end(h, half_at).map(|e| {
        end = e;
        &s[half_at..e]
    });
    let clock = Clock {
        hour: &s[i..i + digits],
        minute,
        half,
    };
    Some((clock, end))
}

/// `a\.?m\.?|p\.?m\.?` (any case) at `i`: where it ends.
fn half_end(h: &[u8], i: usize) -> Option<usize> {
    if !matches!(h.get(i).map(|b| b | 0x20), Some(b'a' | b'p')) {
        return None;
    }
    let mut j = i + 1;
    if h.get(j) == Some(&b'.') {
        j += 1;
    }
    if h.get(j).map(|b| b | 0x20) != Some(b'm') {
        return None;
    }
    j += 1;
    if h.get(j) == Some(&b'.') {
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests;
