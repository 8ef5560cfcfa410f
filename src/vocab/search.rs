//! Plain substring searches for short texts (a clause, a summary being rewritten).
//!
//! `str::find` with a string pattern sets up a two-way searcher on every call; over a
//! 150-byte summary that set-up costs more than the search. These look at each byte once per
//! needle, and the `_ci` forms compare ASCII-case-insensitively (the needle given in lower
//! case) without lower-casing a copy of the text. A match of a valid UTF-8 needle in valid
//! UTF-8 always starts and ends on character boundaries, so the offsets slice the text.

/// Does `needle` occur in `hay` at byte `at`? The first byte is compared before the rest
/// (a call to `memcmp` per position costs more than the search of a short text).
#[inline]
fn eq_at(hay: &[u8], at: usize, needle: &[u8], ci: bool) -> bool {
    let Some(w) = hay.get(at..at + needle.len()) else {
        return false;
    };
    let same = |a: u8, b: u8| a == b || (ci && a.to_ascii_lowercase() == b);
    match needle.first() {
        None => true,
        Some(&first) => {
            same(w[0], first) && w[1..].iter().zip(&needle[1..]).all(|(&a, &b)| same(a, b))
        }
    }
}

/// The offsets where `needle` could start in `hay`.
#[inline]
fn positions(hay: &str, needle: &str) -> std::ops::Range<usize> {
    0..(hay.len() + 1).saturating_sub(needle.len())
}

/// The first `needle` in `hay`.
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    positions(hay, needle).find(|&i| eq_at(h, i, n, false))
}

/// The last `needle` in `hay`.
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    positions(hay, needle)
        .rev()
        .find(|&i| eq_at(h, i, n, false))
}

/// The first `needle` (lower case) in `hay`, ASCII case ignored.
#[inline]
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    positions(hay, needle).find(|&i| eq_at(h, i, n, true))
}

/// The last `needle` (lower case) in `hay`, ASCII case ignored.
#[inline]
pub fn rfind_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    positions(hay, needle).rev().find(|&i| eq_at(h, i, n, true))
}

/// The first place where one of `needles` starts in `hay`, and which one (the first listed
/// when several start there), in one pass: a byte that starts no needle costs one bit test.
#[inline]
pub fn find_any(hay: &str, needles: &[&str]) -> Option<(usize, usize)> {
    let mut firsts = [0u64; 4];
    for n in needles {
        if let Some(&b) = n.as_bytes().first() {
            firsts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    let h = hay.as_bytes();
    h.iter().enumerate().find_map(|(i, &b)| {
        if firsts[usize::from(b >> 6)] & 1 << (b & 63) == 0 {
            return None;
        }
        needles
            .iter()
            .position(|n| !n.is_empty() && eq_at(h, i, n.as_bytes(), false))
            .map(|k| (i, k))
    })
}

/// Does `hay` start with `prefix` (lower case), ASCII case ignored?
#[inline]
pub fn starts_with_ci(hay: &str, prefix: &str) -> bool {
    eq_at(hay.as_bytes(), 0, prefix.as_bytes(), true)
}

/// `hay` without `suffix` (lower case) at its end, ASCII case ignored.
#[inline]
pub fn strip_suffix_ci<'a>(hay: &'a str, suffix: &str) -> Option<&'a str> {
    let at = hay.len().checked_sub(suffix.len())?;
    (eq_at(hay.as_bytes(), at, suffix.as_bytes(), true) && hay.is_char_boundary(at))
        .then(|| &hay[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_agree_with_the_standard_library() {
        let hays = [
            "",
            "a",
            "Police said that, police said",
            "é, who é, which",
            "--",
        ];
        let needles = ["", "a", "said", ", w", "é", "--", "police said that x"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
                let lower = h.to_ascii_lowercase();
                assert_eq!(find_ci(h, n), lower.find(n), "{h:?} {n:?}");
                assert_eq!(rfind_ci(h, n), lower.rfind(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn case_is_ignored_only_where_asked() {
        assert_eq!(find_ci("Officials SAID it", "said"), Some(10));
        assert_eq!(find("Officials SAID it", "said"), None);
        assert!(starts_with_ci("According to police", "according to"));
        assert!(!starts_with_ci("Accord", "according"));
        assert_eq!(
            strip_suffix_ci("the mayor Said", "said"),
            Some("the mayor ")
        );
        assert_eq!(strip_suffix_ci("said", "the mayor said"), None);
    }

    #[test]
    fn the_first_of_several_needles() {
        assert_eq!(
            find_any("a, which b, who c", &[", who ", ", which "]),
            Some((1, 1))
        );
        assert_eq!(find_any("nothing here", &[", who "]), None);
        assert_eq!(find_any("ab", &["", "b"]), Some((1, 1)));
    }
}
