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

/// A list of single words for membership tests, built in one pass (no sorting at start-up) and
/// asked with no allocation (hot paths ask it for every word of an article).
///
/// Laid out so that a question reads few cache lines (the lists are asked between look-ups
/// into much larger tables that evict them): most words are turned away by `ends`, 256 bytes
/// that stay cached; most others by one bit of `filter`; the rest read one slot of an
/// open-addressing table that holds the word itself (a word of at most 15 bytes), not a
/// pointer to it.
pub struct WordList {
    /// Per word length (capped at 31), the first and the last letters the list's words of
    /// that length have (a bit each, by the low five bits of the lower-cased byte): most
    /// words of a text fail here, before anything is hashed.
    ends: [[u32; 2]; 32],
    /// A filter of the words' case-folded hashes, about 16 bits per word (a power of two, at
    /// least 512): most of the other words that are not in the list are turned away with one
    /// bit test, before any slot is read.
    filter: Box<[u64]>,
    /// The entries, at the slot of their folded hash or the next free ones: an [`inline_key`]
    /// (byte 15 is the length, 1 to 15), or for an empty or longer word `LONG` in byte 15
    /// and its index in `long` in the low 32 bits; 0 for an empty slot. At most half full.
    slots: Box<[u128]>,
    /// The entries that are empty or longer than 15 bytes.
    long: Vec<&'static str>,
}

/// Byte 15 of a [`WordList`] slot that holds an index into `long`.
const LONG: u128 = 0xFF << 120;

/// The bit of a byte in [`WordList::ends`].
fn letter_bit(b: u8) -> u32 {
    1u32 << (b.to_ascii_lowercase() & 31)
}

/// A word of 1 to 15 bytes as an integer: its bytes little-endian from byte 0, its length in
/// byte 15 (so that two words have the same key only when they are equal).
fn inline_key(w: &[u8]) -> Option<u128> {
    let n = w.len();
    let le8 = |at: usize| {
        w.get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let le4 = |at: usize| {
        w.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(|b| u64::from(u32::from_le_bytes(b)))
    };
    // Overlapping loads: the bytes that two loads share are the same bytes.
    let (lo, hi) = match n {
        1..=3 => {
            let b = |i: usize| u64::from(w[i]) << (8 * i);
            (b(0) | b(n / 2) | b(n - 1), 0)
        }
        4..=7 => (le4(0)? | le4(n - 4)? << (8 * (n - 4)), 0),
        8 => (le8(0)?, 0),
        9..=15 => (le8(0)?, le8(n - 8)? >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// `x` with its ASCII upper-case letters lower-cased, eight bytes at a time (see
/// [`swar::ascii_alnum`] for the arithmetic).
fn fold8(x: u64) -> u64 {
    use swar::{splat, HIGH_BITS};
    let v = x & !HIGH_BITS;
    let upper = ((v | HIGH_BITS) - splat(b'A')) & ((splat(b'Z') | HIGH_BITS) - v) & !x & HIGH_BITS;
    x | upper >> 2
}

/// An [`inline_key`] with its ASCII letters lower-cased (its length byte is no letter).
fn fold(k: u128) -> u128 {
    u128::from(fold8(k as u64)) | u128::from(fold8((k >> 64) as u64)) << 64
}

/// The final mix of a word's hash: its low bits choose the filter bit, its top 32 bits the
/// slot.
fn mix(x: u64) -> u64 {
    let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let h = (h ^ (h >> 32)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 29)
}

/// The hash of a word's ASCII-lowercased bytes: of its folded [`inline_key`], else (an empty
/// or long word) FNV-1a.
fn folded_hash(w: &str, folded: Option<u128>) -> u64 {
    match folded {
        Some(k) => mix(k as u64 ^ ((k >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)),
        None => {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in w.bytes() {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
            }
            mix(h)
        }
    }
}

impl WordList {
    /// The set of `list`'s entries.
    pub fn new(list: impl IntoIterator<Item = &'static str>) -> WordList {
        let list: Vec<&'static str> = list.into_iter().collect();
        let bits = (list.len() * 16).next_power_of_two().max(512);
        // At most half full, so that a miss ends at an empty slot soon.
        let size = (list.len() * 2).next_power_of_two().max(8);
        let mut set = WordList {
            ends: [[0u32; 2]; 32],
            filter: vec![0u64; bits / 64].into_boxed_slice(),
            slots: vec![0u128; size].into_boxed_slice(),
            long: Vec::new(),
        };
        for w in list {
            if set.has(w, false) {
                continue;
            }
            let key = inline_key(w.as_bytes());
            let h = folded_hash(w, key.map(fold));
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                let n = w.len().min(31);
                set.ends[n][0] |= letter_bit(first);
                set.ends[n][1] |= letter_bit(last);
            }
            let (word, bit) = set.filter_bit(h);
            set.filter[word] |= bit;
            let entry = key.unwrap_or_else(|| {
                set.long.push(w);
                LONG | (set.long.len() - 1) as u128
            });
            let mask = set.slots.len() - 1;
            let mut i = set.slot_of(h);
            while set.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            set.slots[i] = entry;
        }
        set
    }

    /// The word of `filter` and the bit of a hash.
    fn filter_bit(&self, h: u64) -> (usize, u64) {
        let b = h as usize & (self.filter.len() * 64 - 1);
        (b >> 6, 1u64 << (b & 63))
    }

    fn slot_of(&self, h: u64) -> usize {
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// Whether the list may hold a word of `w`'s length, first and last letters (always for
    /// an empty word): most words of a text are turned away here. Inlined into the callers,
    /// with one branch: `b & 31` is the [`letter_bit`] index of `b` (lower-casing an ASCII
    /// letter changes only bit 5), and the two bits are tested together.
    #[inline]
    fn may_hold(&self, b: &[u8]) -> bool {
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => {
                let ends = self.ends[b.len().min(31)];
                (ends[0] >> (first & 31)) & (ends[1] >> (last & 31)) & 1 != 0
            }
            _ => true,
        }
    }

    /// Whether `w` is in the set, exactly or (`ci`) ignoring the case of ASCII letters, once
    /// [`WordList::may_hold`] has let it by (out of line: the few words that get here pay for
    /// the call, the many that do not pay nothing).
    #[inline(never)]
    fn has(&self, w: &str, ci: bool) -> bool {
        let b = w.as_bytes();
        let key = inline_key(b);
        let folded = key.map(fold);
        let h = folded_hash(w, folded);
        let (word, bit) = self.filter_bit(h);
        if self.filter[word] & bit == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(h);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return false;
            }
            let same = match (key, folded) {
                (Some(k), Some(f)) => {
                    if ci {
                        fold(s) == f
                    } else {
                        s == k
                    }
                }
                _ => {
                    s & LONG == LONG
                        && self.long.get(s as u32 as usize).is_some_and(|e| {
                            if ci {
                                e.eq_ignore_ascii_case(w)
                            } else {
                                *e == w
                            }
                        })
                }
            };
            if same {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether `w` is in the set, ignoring the case of ASCII letters.
    #[inline]
    pub fn contains_ci(&self, w: &str) -> bool {
        self.may_hold(w.as_bytes()) && self.has(w, true)
    }

    /// Whether `w` is in the set exactly as written.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.may_hold(w.as_bytes()) && self.has(w, false)
    }
}

#[cfg(test)]
mod word_set_tests {
    use super::*;
    use crate::testing::{cases, Rng};

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

    /// [`WordList`] as a plain list: every entry compared.
    fn reference(list: &[&str], w: &str, ci: bool) -> bool {
        list.iter().any(|e| {
            if ci {
                e.eq_ignore_ascii_case(w)
            } else {
                *e == w
            }
        })
    }

    #[test]
    fn inline_keys_are_the_bytes_and_the_length() {
        let plain = |w: &[u8]| {
            w.iter()
                .enumerate()
                .fold((w.len() as u128) << 120, |k, (i, &b)| {
                    k | u128::from(b) << (8 * i)
                })
        };
        let text = b"Abc\x00\xC3\xA9defGHIJKLMNOPqrs";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let w = &text[from..to];
                let want = (1..=15).contains(&w.len()).then(|| plain(w));
                assert_eq!(inline_key(w), want, "{w:?}");
            }
        }
        // Folding lower-cases ASCII letters only.
        let k = inline_key("AZaz@[`{É09".as_bytes());
        assert_eq!(k.map(fold), inline_key("azaz@[`{É09".as_bytes()));
    }

    /// Generated lists (some long enough to fill a larger table and filter) and words near
    /// their entries, against the plain list.
    #[test]
    fn membership_agrees_with_the_plain_list() {
        let alphabet = ["a", "B", "c", "D", "e", "é", "-", "Z", "x", "\u{0}", "1"];
        let mut rng = Rng(0x3017_0005);
        let word = |rng: &mut Rng| -> String {
            let n = rng.next() % 20;
            (0..n).map(|_| rng.pick(&alphabet)).collect()
        };
        let (mut hits, mut misses, mut long_hits, mut wide, mut turned) = (0, 0, 0, 0, 0);
        for round in 0..cases("WORDLIST_CASES", 60) {
            let n = if round % 6 == 0 {
                2000
            } else {
                rng.next() % 40
            };
            let list: Vec<&'static str> = (0..n)
                .map(|_| &*Box::leak(word(&mut rng).into_boxed_str()))
                .collect();
            let set = WordList::new(list.iter().copied());
            wide += usize::from(set.filter.len() > 8);
            for _ in 0..200 {
                let w = if !list.is_empty() && rng.next() % 2 == 0 {
                    // An entry, its case changed, or one byte of it dropped.
                    let e = rng.pick(&list);
                    match rng.next() % 3 {
                        0 => e.to_string(),
                        1 => e.to_ascii_uppercase(),
                        _ => e.chars().skip(1).collect(),
                    }
                } else {
                    word(&mut rng)
                };
                // The one-branch end-letters filter against the two tests it replaces.
                let b = w.as_bytes();
                let plain = match (b.first(), b.last()) {
                    (Some(&f), Some(&l)) => {
                        let ends = set.ends[b.len().min(31)];
                        ends[0] & letter_bit(f) != 0 && ends[1] & letter_bit(l) != 0
                    }
                    _ => true,
                };
                assert_eq!(set.may_hold(b), plain, "{w:?}");
                turned += usize::from(!plain);
                for ci in [false, true] {
                    let want = reference(&list, &w, ci);
                    let got = if ci {
                        set.contains_ci(&w)
                    } else {
                        set.contains(&w)
                    };
                    assert_eq!(got, want, "{w:?} ci {ci}");
                    hits += usize::from(want);
                    misses += usize::from(!want);
                    long_hits += usize::from(want && (w.is_empty() || w.len() > 15));
                }
            }
        }
        let rounds = cases("WORDLIST_CASES", 60);
        assert!(
            hits > rounds * 50 && misses > rounds * 50,
            "{hits} {misses}"
        );
        assert!(long_hits > rounds && wide > 0, "{long_hits} {wide}");
        // Many words are turned away by the end letters alone.
        assert!(turned > rounds * 20, "{turned}");
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
