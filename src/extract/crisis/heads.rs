//! Which word starts of an article can open a phrase of the crisis lists: one table look-up
//! per word, on the word's first letters and its length.
//!
//! The phrase lists ([`crate::vocab::WordPhrases`]) are asked at every word start of the
//! article; most words open no phrase, and many of those still share the first letters of
//! one ("former" and "forces", "more" and "mortar") or open one only together with the next
//! words ("a flood of"), so the list compares phrases there for nothing. A phrase matches
//! only where the text's first word is its first word, ASCII-case-insensitively: the same
//! length for a phrase that goes on after it (a space, a hyphen) or is not a stem, at least
//! the stem's length for a one-word stem. This table keeps, per key (the word's first bytes,
//! lower-cased), the word lengths that can open a phrase of each list, so a word start is
//! turned away with eight bytes read at once, a hash and a bit test. It never turns away a
//! start where a phrase matches: the lists are then asked only at the starts it lets through,
//! and find there what they find at every word start.
//!
//! A look-up reads one slot, the key's own (its home): only when another key took the home
//! and a key of that home went further on (a slot marked [`OVERFLOW`], a few of them) does
//! it walk on. Most words are no key, and a walk on from the home for each (to the next
//! empty slot), at branches the processor could not foresee, cost more than the rest of the
//! look-up. (The compiler still branches on whether the home holds the key, whatever the
//! code says: masks, or the lengths read in one word with the key, or buckets of four slots
//! all compared, all became branches.)

use crate::vocab::swar;

/// At most this many first bytes of a word key the table (fewer when a one-word stem is
/// shorter: every word a stem matches must share its key).
const MAX_KEY: usize = 4;

/// Word lengths are told apart up to this one, which stands for it and every longer length.
const LONG: usize = 8;

/// The lists a table answers for (the trigger phrases and the incident words).
pub(super) const LISTS: usize = 2;

/// In `lengths[0]` of a slot (a bit no length uses): some key whose home the slot is lies
/// further on.
const OVERFLOW: u16 = 1 << 15;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// The key (0: an empty slot; no word start has key 0).
    key: u32,
    /// Per list, bit `n` for the word lengths `n` (capped at [`LONG`]) that can open one of
    /// its phrases; and [`OVERFLOW`] in the first.
    lengths: [u16; LISTS],
}

/// The first-word table of some phrase lists.
pub(super) struct Heads {
    /// Open addressing, at most half full, by the multiplicative hash of the key.
    slots: Box<[Slot]>,
    /// 32 minus the number of bits of a slot index.
    shift: u32,
    /// How many first bytes of a word make its key.
    key_len: usize,
    /// A bit per triple of the low five bits of a word's first three bytes that some key
    /// may start with ([`Heads::may_open`]).
    first: Box<[u64; FIRST_WORDS]>,
}

/// The number of words of [`Heads::first`]: a bit per triple of five-bit values.
const FIRST_WORDS: usize = (1 << 15) / 64;

/// The bit of [`Heads::first`] for the classes `a`, `b`, `c` ([`CLASS`]): the word index and
/// the bit in it.
#[inline]
fn class_bit(a: u8, b: u8, c: u8) -> (usize, u64) {
    let i = usize::from(a) << 10 | usize::from(b) << 5 | usize::from(c);
    (i >> 6, 1 << (i & 63))
}

/// The bit of [`Heads::first`] for the bytes `a`, `b`, `c`.
#[inline]
fn first_bit(a: u8, b: u8, c: u8) -> (usize, u64) {
    let class = |x: u8| CLASS[usize::from(x)];
    class_bit(class(a), class(b), class(c))
}

/// A byte's class for [`Heads::first`], in five bits: 0 for a byte that is no word byte, a
/// letter's place in the alphabet (1 to 26, either case), 27 to 30 for the digits (by their
/// value modulo 4), 31 for any byte of a non-ASCII character. A byte and its lower-case form
/// have one class, and only a byte that ends a word has class 0, so the table can tell where
/// a head of one or two letters must end ("a", "by": "and" and "bye" open no phrase).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x.is_ascii_alphabetic() {
            (x | 0x20) - b'a' + 1
        } else if x.is_ascii_digit() {
            27 + (x - b'0') % 4
        } else if x >= 0x80 {
            31
        } else {
            0
        };
        b += 1;
    }
    t
};

/// A word byte as the phrase lists see it: an ASCII letter or digit, or any byte of a
/// non-ASCII character.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The key of the first `n` (at most 4) bytes of a lower-cased word, as [`Heads::at`] reads
/// it: byte `k` in bits `8k..8k+8`.
fn key_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .rev()
        .fold(0u32, |key, &b| key << 8 | u32::from(b))
}

impl Heads {
    /// The table of `lists` (phrases as [`crate::vocab::WordPhrases::new`] takes them: a
    /// trailing `*` marks a stem; phrases not opening with a word byte never match).
    pub(super) fn new(lists: [&[&str]; LISTS]) -> Heads {
        // Each usable phrase: its list, its lower-cased first word, whether that word alone
        // is a stem (matches any longer word too).
        let mut heads: Vec<(usize, Vec<u8>, bool)> = Vec::new();
        for (l, list) in lists.iter().enumerate() {
            for phrase in list.iter() {
                let (body, stem) = match phrase.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (*phrase, false),
                };
                let body = body.as_bytes();
                let run = body.iter().take_while(|&&b| is_word_byte(b)).count();
                if run == 0 {
                    continue;
                }
                let word = body[..run].to_ascii_lowercase();
                heads.push((l, word, stem && run == body.len()));
            }
        }
        let key_len = heads
            .iter()
            .filter(|h| h.2)
            .map(|h| h.1.len())
            .fold(MAX_KEY, usize::min);
        let size = (heads.len() * 2).next_power_of_two().max(16);
        let mut table = Heads {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 32 - size.trailing_zeros(),
            key_len,
            first: Box::new([0; FIRST_WORDS]),
        };
        for (_, word, stem) in &heads {
            // [`Heads::at`] lets a word through when its first bytes up to the key's length
            // (the shorter of the head's length and `key_len`) are the head's, lower-cased
            // (the same class as in the text), and its length is one of the head's: the
            // head's own, or any from it on for a stem. So up to the key's length the class
            // is the head byte's; further within the head's length, any word byte's; at the
            // head's length, that of a byte ending the word (0) unless the head is a stem;
            // past it, anything.
            let (n, k) = (word.len(), word.len().min(key_len));
            let at = |i: usize| -> Vec<u8> {
                match word.get(i) {
                    Some(&b) if i < k => vec![CLASS[usize::from(b)]],
                    Some(_) => (1..32).collect(),
                    None if i == n && !*stem => vec![0],
                    None => (0..32).collect(),
                }
            };
            for &a in &at(0) {
                for &b in &at(1) {
                    for &c in &at(2) {
                        let (w, bit) = class_bit(a, b, c);
                        table.first[w] |= bit;
                    }
                }
            }
        }
        for (l, word, stem) in heads {
            let n = word.len();
            let lengths = if stem {
                // Every length from the stem's on.
                (u16::MAX << n.min(LONG)) & (u16::MAX >> (15 - LONG))
            } else {
                1 << n.min(LONG)
            };
            let key = key_of(&word[..n.min(key_len)]);
            let i = table.index(key);
            let home = table.home(key);
            if i != home {
                table.slots[home].lengths[0] |= OVERFLOW;
            }
            table.slots[i].key = key;
            table.slots[i].lengths[l] |= lengths;
        }
        table
    }

    /// The slot where the search for `key` starts.
    #[inline]
    fn home(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    /// The slot of `key`, or the empty slot where it would go.
    fn index(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.slots[i].key;
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether [`Heads::at`] may let the word starting at `start` in `bytes` through (false is
    /// certain): a bit test on the classes of its first three bytes ([`CLASS`]), a few
    /// instructions where `at` takes some fifty, and false for most words of a text. `at`
    /// lets a word through only when its first bytes, up to the key's length, are a key's,
    /// lower-cased, and its length is one a head of that key allows: the bytes then have the
    /// key's classes, and the table holds a bit for every triple of classes that agrees with
    /// some head up to its key's length and with its lengths (word bytes within it, a byte
    /// ending the word just after a head that is no stem). Only the first three bytes are
    /// read, so a word near the end is let through.
    #[inline]
    pub(super) fn may_open(&self, bytes: &[u8], start: usize) -> bool {
        let Some(&[a, b, c]) = bytes.get(start..start.wrapping_add(3)) else {
            return true;
        };
        let (w, bit) = first_bit(a, b, c);
        self.first[w] & bit != 0
    }

    /// For the word starting at `start` in `bytes`, bit `l` set when a phrase of list `l` may
    /// match there; clear bits are certain.
    #[inline]
    pub(super) fn at(&self, bytes: &[u8], start: usize) -> u8 {
        // Eight bytes from the start (zeros past the end: no word byte).
        let x = swar::load(bytes, start).unwrap_or_else(|| {
            let rest = bytes.get(start..).unwrap_or(&[]);
            let mut b = [0u8; 8];
            let n = rest.len().min(8);
            b[..n].copy_from_slice(&rest[..n]);
            u64::from_le_bytes(b)
        });
        let alnum = swar::ascii_alnum(x);
        let word = alnum | x & swar::HIGH_BITS;
        // The word's length, capped at eight (`LONG`).
        let len = ((!word & swar::HIGH_BITS).trailing_zeros() / 8) as usize;
        // Letters lower-cased (bit 5 set; digits have it already, other bytes untouched).
        let lower = x | alnum >> 2;
        let k = len.min(self.key_len);
        let key = (lower & ((1u64 << (8 * k)) - 1)) as u32;
        let home = self.slots[self.home(key)];
        let hit = home.key == key;
        // The home's lengths when it is the key's slot, none otherwise.
        let keep = u16::from(hit).wrapping_neg();
        let mut lengths = home.lengths.map(|m| m & keep);
        // Nonzero when another key holds the home and it is marked.
        let walk = (home.key ^ key) & u32::from(home.lengths[0] >> 15).wrapping_neg();
        if walk != 0 {
            lengths = self.slots[self.index(key)].lengths;
        }
        let bit = 1u16 << len;
        let mut out = 0u8;
        for (l, &m) in lengths.iter().enumerate() {
            out |= u8::from(m & bit != 0) << l;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{cases, Rng};
    use crate::vocab::{word_starts, WordPhrases};

    /// Every start where either list matches is let through for that list, and most of the
    /// other word starts are turned away.
    #[test]
    fn never_turns_away_a_start_where_a_phrase_matches() {
        let lists: [&[&str]; LISTS] = [
            &[
                "flood*",
                "a flood of",
                "by a landslide",
                "sit-in",
                "air strike*",
                "riot",
                "coup d'etat",
                "évacu*",
                "x1",
                "machine-gun fire",
                "-ignored",
            ],
            &["killed", "death*", "dead", "hurt"],
        ];
        let heads = Heads::new(lists);
        let sets = lists.map(|l| WordPhrases::new(l.iter().copied()));
        let words = [
            "flood",
            "Floods",
            "FLOODWATERS",
            "flo",
            "a",
            "A",
            "flood-risk",
            "of",
            "by",
            "landslide",
            "sit",
            "in",
            "air",
            "airs",
            "strike",
            "Riot",
            "riots",
            "coup",
            "d'etat",
            "évacués",
            "Évacués",
            "x1",
            "x12",
            "machine",
            "gun",
            "fire",
            "killed",
            "Killed",
            "deaths",
            "death-toll",
            "de",
            "dead",
            "deadly",
            "hurt",
            "hurts",
            "ignored",
            "the",
            "forces",
        ];
        let seps = [" ", " ", "  ", "-", ", ", ". ", "\u{a0}", "'", ""];
        let mut rng = Rng(0xC415_0001);
        let (mut kept, mut turned, mut first_turned) = ([0usize; LISTS], 0usize, 0usize);
        for _ in 0..cases("CRISIS_CASES", 5_000) {
            let n = (rng.next() % 12) as usize;
            let text: String = (0..n)
                .map(|_| format!("{}{}", rng.pick(&words), rng.pick(&seps)))
                .collect();
            for &s in &word_starts(&text) {
                let may = heads.at(text.as_bytes(), s as usize);
                for (l, set) in sets.iter().enumerate() {
                    let matches = set
                        .find_at(&text, std::slice::from_ref(&s))
                        .next()
                        .is_some();
                    if matches {
                        assert!(may >> l & 1 == 1, "{text:?} at {s}, list {l}");
                        kept[l] += 1;
                    }
                }
                turned += usize::from(may == 0);
                // The first-bytes test never turns away a start the table lets through.
                let open = heads.may_open(text.as_bytes(), s as usize);
                assert!(open || may == 0, "{text:?} at {s}");
                first_turned += usize::from(!open);
            }
        }
        assert!(first_turned > 1_000, "{first_turned}");
        // A head of one or two letters that is no stem lets through only words of its length.
        for (text, open) in [
            ("a flood", true),
            ("A-", true),
            ("and", false),
            ("as ", false),
            ("by ", true),
            ("bye", false),
            ("x1 ", true),
            ("x12", false),
            ("x1é", false),
        ] {
            assert_eq!(heads.may_open(text.as_bytes(), 0), open, "{text:?}");
        }
        assert!(kept.iter().all(|&k| k > 1_000), "{kept:?}");
        assert!(turned > 1_000, "{turned}");
        // Some keys lie past their home, so the walk on is tested too.
        let marked = |h: &Heads| {
            h.slots
                .iter()
                .filter(|s| s.lengths[0] & OVERFLOW != 0)
                .count()
        };
        assert!(marked(&heads) > 0);
        assert!(marked(&super::super::TRIGGERS.heads) > 0);
    }

    /// The first-bytes test of the crisis lists' table lets through every word start the
    /// table lets through: on every word of the lists (as written, capitalized, upper-cased,
    /// with endings and followed by other bytes) and on generated words.
    #[test]
    fn first_bytes_never_turn_away_what_the_table_lets_through() {
        let heads = &super::super::TRIGGERS.heads;
        let lists = [
            include_str!("triggers.txt"),
            include_str!("setting.txt"),
            include_str!("places.txt"),
            include_str!("incident.txt"),
        ];
        let mut words: Vec<String> = Vec::new();
        for list in lists {
            for line in crate::vocab::entries(list) {
                let phrase = line.rsplit('\t').next().unwrap_or(line);
                let word: String = phrase
                    .trim_end_matches('*')
                    .split([' ', '-'])
                    .next()
                    .unwrap_or("")
                    .to_string();
                for w in [word.clone(), word.to_uppercase(), {
                    let mut c = word.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                }] {
                    words.push(w.clone());
                    words.push(format!("{w}s"));
                    words.push(format!("{w}ers"));
                    words.push(w.chars().take(2).collect());
                    words.push(w.chars().take(3).collect());
                }
            }
        }
        let mut rng = Rng(0xC415_0002);
        let letters = [
            "a", "b", "e", "f", "i", "l", "o", "r", "s", "t", "y", "é", "1", "-",
        ];
        for _ in 0..cases("CRISIS_CASES", 5_000) {
            let n = 1 + (rng.next() % 9) as usize;
            words.push((0..n).map(|_| rng.pick(&letters)).collect());
        }
        let (mut let_through, mut turned) = (0, 0);
        for w in &words {
            for tail in ["", " ", ".", ", x", "\n", "-x", "'s"] {
                let text = format!("{w}{tail}");
                let may = heads.at(text.as_bytes(), 0);
                let open = heads.may_open(text.as_bytes(), 0);
                assert!(open || may == 0, "{text:?}");
                let_through += usize::from(may != 0);
                turned += usize::from(!open);
            }
        }
        assert!(
            let_through > 1_000 && turned > 1_000,
            "{let_through} {turned}"
        );
    }

    #[test]
    fn lengths_and_keys() {
        let heads = Heads::new([&["protest*", "a flood of", "mob"], &["dead"]]);
        let at = |t: &str| heads.at(t.as_bytes(), 0);
        assert_eq!(at("protest"), 1);
        assert_eq!(at("Protesters gathered"), 1);
        assert_eq!(at("pro"), 0);
        assert_eq!(at("protes"), 0);
        assert_eq!(at("a"), 1);
        assert_eq!(at("an"), 0);
        assert_eq!(at("MOB"), 1);
        assert_eq!(at("mobs"), 0);
        assert_eq!(at("Dead."), 2);
        assert_eq!(at("deadly"), 0);
        assert_eq!(at(""), 0);
    }
}
