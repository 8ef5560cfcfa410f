//! Vocabulary as data: word lists embedded with `include_str!`, one entry a line.
//!
//! Lists that only grow (trigger words, titles, organization words) live in plain UTF-8 files
//! next to the extractor that uses them. Lines starting with `#` are comments; blank lines are
//! ignored. A list becomes, once, at first use, a [`WordList`] (membership of single words), a
//! [`WordPhrases`] (phrases found word by word in a text) or, for short fixed lists asked for
//! every word, a compile-time [`packed::Set`]. [`search`] holds the plain substring searches
//! used on short texts (a clause or a summary being rewritten), [`ascii`] the byte classes of the
//! hand-written scanners, [`swar`] the byte tests made eight bytes at a time by the scans that
//! read every byte of an article.

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
pub mod swar;
mod word_phrases;
/// Where a lower-case phrase matches at a word start as a [`WordPhrases`] phrase does.
pub(crate) use word_phrases::match_at as phrase_end;
pub use word_phrases::{word_starts, WordPhrases};

/// A fast hash for short words (FxHash-like), for the maps and sets keyed by words: they are
/// asked once per token, and the default SipHash (with its random seed) would cost more than
/// the rest of the look-up.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`WordHasher`]s.
pub type WordBuildHasher = std::hash::BuildHasherDefault<WordHasher>;

/// A list of single words for membership tests: a small open-addressing hash table keyed by
/// the ASCII-case-folded word, built in one pass (no sorting at start-up) and asked with no
/// allocation (hot paths ask it for every word of an article).
pub struct WordList {
    /// The distinct entries.
    words: Vec<&'static str>,
    /// Index + 1 into `words` (0: empty), at the slot of the folded hash, then the next ones.
    slots: Box<[u32]>,
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

/// The hash of a word's ASCII-lowercased bytes (FNV-1a, then a multiplicative mix): its top
/// 12 bits choose the filter bit, its middle bits the table slot.
fn folded_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
    }
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn filter_bit(h: u64) -> (usize, u64) {
    let h = h >> 52;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl WordList {
    /// The set of `list`'s entries.
    pub fn new(list: impl IntoIterator<Item = &'static str>) -> WordList {
        let list: Vec<&'static str> = list.into_iter().collect();
        // At most half full, so that a miss ends at an empty slot soon.
        let size = (list.len() * 2).next_power_of_two().max(8);
        let mut set = WordList {
            words: Vec::with_capacity(list.len()),
            slots: vec![0u32; size].into_boxed_slice(),
            ends: Box::new([[0u32; 2]; 32]),
            filter: Box::new([0u64; 64]),
        };
        for w in list {
            let h = folded_hash(w);
            if set.probe(h, |e| e == w) {
                continue;
            }
            let mask = set.slots.len() - 1;
            let mut i = set.slot_of(h);
            while set.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            set.words.push(w);
            set.slots[i] = set.words.len() as u32;
            let (fi, bit) = filter_bit(h);
            set.filter[fi] |= bit;
            if !w.is_empty() {
                let (n, first, last) = ends_of(w.as_bytes());
                set.ends[n][0] |= first;
                set.ends[n][1] |= last;
            }
        }
        set
    }

    fn slot_of(&self, h: u64) -> usize {
        (h >> 20) as usize & (self.slots.len() - 1)
    }

    /// Whether an entry with the folded hash `h` satisfies `same`.
    fn probe(&self, h: u64, same: impl Fn(&str) -> bool) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(h);
        loop {
            match self.slots[i] {
                0 => return false,
                n if same(self.words[n as usize - 1]) => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The folded hash of `w` when the cheap filters let it by.
    fn may_contain(&self, w: &str) -> Option<u64> {
        if !w.is_empty() {
            let (n, first, last) = ends_of(w.as_bytes());
            if self.ends[n][0] & first == 0 || self.ends[n][1] & last == 0 {
                return None;
            }
        }
        let h = folded_hash(w);
        let (i, bit) = filter_bit(h);
        (self.filter[i] & bit != 0).then_some(h)
    }

    /// Whether `w` is in the set, ignoring the case of ASCII letters.
    pub fn contains_ci(&self, w: &str) -> bool {
        self.may_contain(w)
            .is_some_and(|h| self.probe(h, |e| e.eq_ignore_ascii_case(w)))
    }

    /// Whether `w` is in the set exactly as written.
    pub fn contains(&self, w: &str) -> bool {
        self.may_contain(w)
            .is_some_and(|h| self.probe(h, |e| e == w))
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
