//! Vocabulary as data: word lists embedded with `include_str!`, one entry a line.
//!
//! Lists that only grow (trigger words, titles, organization words) live in plain UTF-8 files
//! next to the extractor that uses them. Lines starting with `#` are comments; blank lines are
//! ignored. A list becomes, once, at first use, a [`WordList`] (membership of single words), a
//! [`WordPhrases`] (phrases found word by word in a text) or, for short fixed lists asked for
//! every word, a compile-time [`packed::Set`]. [`search`] holds the plain substring searches
//! used on short texts (a clause or a summary being rewritten), [`ascii`] the byte classes of the
//! hand-written scanners.

/// The entries of an embedded list: trimmed, non-empty, comments skipped.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let v: Vec<&str> = entries("# header\n\nkilled\n  shot dead \n").collect();
        assert_eq!(v, vec!["killed", "shot dead"]);
    }
}

pub mod ascii;
pub mod packed;
pub mod search;
mod word_phrases;
pub use word_phrases::{word_starts, WordPhrases};

use std::cmp::Ordering;

/// A list of single words for membership tests: sorted once, then binary-searched with no
/// allocation per query (hot paths ask it for every word of an article).
pub struct WordList {
    words: Vec<&'static str>,
    /// Per word length (capped at 31), the first and the last letters the list's words of
    /// that length have (a bit each, by the low five bits of the lower-cased byte): most
    /// words of a text fail here, before anything is hashed.
    ends: Box<[[u32; 2]; 32]>,
    /// A 4096-bit filter of the words' case-folded hashes: most of the other words that are
    /// not in the list are turned away with one bit test, before any string comparison.
    filter: Box<[u64; 64]>,
}

/// The [`WordList::ends`] slot and bits of a non-empty word.
fn ends_of(w: &[u8]) -> (usize, u32, u32) {
    let bit = |b: u8| 1u32 << (b.to_ascii_lowercase() & 31);
    (w.len().min(31), bit(w[0]), bit(w[w.len() - 1]))
}

/// The filter bit of a word, from its ASCII-lowercased bytes (FNV-1a, then the top 12 bits).
fn folded_bit(w: &str) -> (usize, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
    }
    let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

/// Compares two strings with ASCII letters folded to lowercase.
fn cmp_ascii_ci(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl WordList {
    /// The set of `list`'s entries.
    pub fn new(list: impl IntoIterator<Item = &'static str>) -> WordList {
        let mut words: Vec<&'static str> = list.into_iter().collect();
        words.sort_by(|a, b| cmp_ascii_ci(a, b).then(a.cmp(b)));
        words.dedup();
        let mut filter = Box::new([0u64; 64]);
        let mut ends = Box::new([[0u32; 2]; 32]);
        for w in &words {
            let (i, bit) = folded_bit(w);
            filter[i] |= bit;
            if !w.is_empty() {
                let (n, first, last) = ends_of(w.as_bytes());
                ends[n][0] |= first;
                ends[n][1] |= last;
            }
        }
        WordList {
            words,
            ends,
            filter,
        }
    }

    fn may_contain(&self, w: &str) -> bool {
        if !w.is_empty() {
            let (n, first, last) = ends_of(w.as_bytes());
            if self.ends[n][0] & first == 0 || self.ends[n][1] & last == 0 {
                return false;
            }
        }
        let (i, bit) = folded_bit(w);
        self.filter[i] & bit != 0
    }

    /// Whether `w` is in the set, ignoring the case of ASCII letters.
    pub fn contains_ci(&self, w: &str) -> bool {
        self.may_contain(w) && self.words.binary_search_by(|e| cmp_ascii_ci(e, w)).is_ok()
    }

    /// Whether `w` is in the set exactly as written.
    pub fn contains(&self, w: &str) -> bool {
        if !self.may_contain(w) {
            return false;
        }
        let i = self
            .words
            .partition_point(|e| cmp_ascii_ci(e, w) == Ordering::Less);
        self.words[i..]
            .iter()
            .take_while(|e| cmp_ascii_ci(e, w) == Ordering::Equal)
            .any(|e| *e == w)
    }
}

#[cfg(test)]
mod word_set_tests {
    use super::*;

    #[test]
    fn case_folded_and_exact_membership() {
        let set = WordList::new(["Minister", "police", "UN", "un"]);
        assert!(set.contains_ci("MINISTER") && set.contains_ci("Police"));
        assert!(!set.contains_ci("minist") && !set.contains_ci("ministers"));
        assert!(set.contains("UN") && set.contains("un") && !set.contains("Un"));
        assert!(set.contains("Minister") && !set.contains("minister"));
    }

    #[test]
    fn the_length_and_end_letters_filter_turns_away_only_non_members() {
        let set = WordList::new(["town", "Épinal", "a-very-long-word-of-more-than-31-bytes"]);
        // Same length and end letters, other middle: the filter lets it by, the list does not.
        assert!(!set.contains_ci("tern") && set.contains_ci("TOWN"));
        // Only ASCII letters are folded.
        assert!(!set.contains_ci("épinal"));
        assert!(set.contains("Épinal") && !set.contains_ci("Epinal"));
        assert!(set.contains_ci("A-VERY-LONG-WORD-OF-MORE-THAN-31-BYTES"));
        assert!(!set.contains_ci("") && !set.contains_ci("towns"));
    }
}

/// One match of a [`WordPhrases`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character (after the whole word, for a stem).
    pub end: usize,
    /// Indices into the list the set was built from (borrowed: no allocation per match).
    pub entries: &'a [usize],
}
