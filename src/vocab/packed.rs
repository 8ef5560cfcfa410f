//! Short words as integers, for membership tests that run on every word of an article.
//!
//! A word of at most 16 ASCII bytes, lowercased, packed into a `u128` is one integer compare
//! away from any other; a list of such words made into a [`Set`] at compile time answers "is
//! this word in the list?" with one bit test for most words and a binary search over integers
//! for the rest, where a `matches!` over byte strings compares the word with each entry of its
//! length in turn.

/// The key of a lowercase word of at most 16 bytes: its bytes, packed big-endian. Two words
/// without NUL bytes have the same key only when they are equal.
pub const fn key(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < w.len() && i < 16 {
        k = k << 8 | w[i] as u128;
        i += 1;
    }
    k
}

/// The keys of the words of `lists`, sorted. Every word must be lowercase and at most 16 bytes
/// long, and `N` the number of words (checked when the program is compiled).
const fn sorted<const N: usize>(lists: &[&[&[u8]]]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            assert!(n < N, "N must be the number of words");
            assert!(
                lists[l][i].len() <= 16,
                "a packed word has at most 16 bytes"
            );
            out[n] = key(lists[l][i]);
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "N must be the number of words");
    // Insertion sort: const code, run once by the compiler.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && out[j - 1] > out[j] {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// A set of packed words: the sorted keys, and a 4096-bit filter that turns most words away
/// with one bit test (a binary search over `u128`s mispredicts a branch at every step).
pub struct Set<const N: usize> {
    keys: [u128; N],
    filter: [u64; 64],
}

const fn filter_bit(key: u128) -> (usize, u64) {
    let h = ((key as u64) ^ ((key >> 64) as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl<const N: usize> Set<N> {
    /// The set of the words of `lists` (lowercase, at most 16 bytes each, `N` of them in all;
    /// checked at compile time).
    pub const fn new(lists: &[&[&[u8]]]) -> Set<N> {
        let keys = sorted::<N>(lists);
        let mut filter = [0u64; 64];
        let mut i = 0;
        while i < N {
            let (w, bit) = filter_bit(keys[i]);
            filter[w] |= bit;
            i += 1;
        }
        Set { keys, filter }
    }

    /// Whether the lowercase word with this [`key`] is in the set.
    pub fn contains(&self, key: u128) -> bool {
        let (w, bit) = filter_bit(key);
        self.filter[w] & bit != 0 && self.keys.binary_search(&key).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&[u8]] = &[b"week", b"day", b"thanksgiving", b"a", b"days"];
    static SET: Set<{ WORDS.len() }> = Set::new(&[WORDS]);

    #[test]
    fn members_and_non_members() {
        for w in WORDS {
            assert!(SET.contains(key(w)), "{}", String::from_utf8_lossy(w));
        }
        for w in [&b"da"[..], b"dayss", b"weeks", b"", b"b", b"thanksgivin"] {
            assert!(!SET.contains(key(w)), "{}", String::from_utf8_lossy(w));
        }
    }
}
