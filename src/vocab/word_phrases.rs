//! A phrase list matched word by word, for lists searched once per article.
//!
//! An Aho–Corasick automaton (the project's first phrase matcher) costs about half a
//! millisecond to build for a list of a hundred phrases: more than the whole search of an
//! article, and paid at every start of the process. A `WordPhrases` costs a few microseconds
//! to build: it
//! indexes each phrase by the first three letters of its first word, walks the text word by
//! word, and compares the few phrases whose key matches the word's first letters. It keeps the
//! semantics of that matcher (ASCII case-insensitive, whole words, a trailing `*` marks a stem
//! that matches any ending, leftmost-longest, non-overlapping, every list entry of a phrase
//! reported), and a space in a phrase matches any run of white space.

use std::collections::HashMap;
use std::ops::Range;

use crate::vocab::{swar, PhraseMatch, WordBuildHasher};

/// Letters of a word's start used as its key (a stem must have at least this many).
const KEY_LEN: usize = 3;

/// A list of phrases matched as whole words, ASCII-case-insensitively, word by word.
///
/// Laid out so that a word start costs few cache lines (the lists are asked at every word
/// start of an article, between look-ups into much larger tables that evict them): the filter,
/// then one [`Slot`] that says where the key's phrases are and which word lengths they fit,
/// then the key's [`Rec`]s side by side and their bodies side by side.
pub struct WordPhrases {
    /// The distinct phrases, grouped by key (in the order of their first list entries within
    /// a key: at equal ends and lengths the first one wins).
    recs: Vec<Rec>,
    /// The lower-cased bodies of the phrases, one after the other, in the order of `recs`.
    bytes: Vec<u8>,
    /// The list entries of the phrases, phrase after phrase, in the order of `recs`.
    entries: Vec<usize>,
    /// An open-addressing table from a key to its phrases (key 0 for an empty slot: no
    /// word's key is 0), asked once per word whose key passes the filter.
    slots: Box<[Slot]>,
    /// A 8192-bit filter of the keys present, so most words cost one bit test.
    filter: [u64; 128],
}

/// A key's entry in [`WordPhrases::slots`]: 16 bytes, four to a cache line.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    /// The key's range of [`WordPhrases::recs`].
    from: u32,
    to: u32,
    /// Bit `min(n, 31)` set when a text word whose first run of word bytes is `n` bytes long
    /// may fit one of the key's phrases (see [`Rec::fits`]): most words whose key has phrases
    /// fit none of them, and are turned away without reading a phrase.
    runs: u32,
}

/// A distinct phrase: its lower-cased body (in [`WordPhrases::bytes`]), the list entries that
/// carry it (in [`WordPhrases::entries`]) and whether it is a stem.
#[derive(Clone, Copy)]
struct Rec {
    body: u32,
    body_end: u32,
    entries: u32,
    entries_end: u32,
    /// The length of the body's first run of word bytes, and whether that run is the whole
    /// body: a text word of another length cannot match (see [`Rec::fits`]).
    first_run: u32,
    stem: bool,
    one_run: bool,
}

impl Rec {
    /// Whether a text word whose first run of word bytes is `run` bytes long may match: a
    /// phrase whose first word is followed by more (a space, a hyphen) or ends it (not a
    /// stem) matches only a word of that very length; a one-word stem only a word at least
    /// as long.
    fn fits(&self, run: usize) -> bool {
        let first = self.first_run as usize;
        if self.stem && self.one_run {
            run >= first
        } else {
            run == first
        }
    }

    /// The [`Slot::runs`] bits of the run lengths that may fit.
    fn run_bits(&self) -> u32 {
        let first = self.first_run.min(31);
        if self.stem && self.one_run {
            u32::MAX << first
        } else {
            1 << first
        }
    }
}

/// Which bytes belong to words: ASCII letters and digits, and every byte of a non-ASCII
/// character (a table: this test runs on every byte of the text).
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    t
};

fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

/// Where the words of `text` start (see [`crate::document::Document::word_starts`]); empty for
/// a text of 4 GiB or more.
pub fn word_starts(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    if u32::try_from(bytes.len()).is_err() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(bytes.len() / 6);
    // 64 bytes at a time: a mask of the word bytes, then the word bytes whose previous byte
    // is not one (`carry`: whether the last byte of the previous block was).
    let mut carry = 0u64;
    for (n, block) in bytes.chunks(64).enumerate() {
        let mut mask = 0u64;
        if block.len() == 64 {
            // Eight bytes per step: the ASCII letters and digits, and the non-ASCII bytes.
            for k in 0..8 {
                let x = swar::load(block, k * 8).unwrap_or(0);
                let word = swar::ascii_alnum(x) | x & swar::HIGH_BITS;
                mask |= u64::from(swar::gather(word)) << (k * 8);
            }
        } else {
            for (i, &b) in block.iter().enumerate() {
                mask |= u64::from(is_word_byte(b)) << i;
            }
        }
        let mut starts = mask & !(mask << 1 | carry);
        carry = mask >> 63;
        while starts != 0 {
            out.push((n * 64) as u32 + starts.trailing_zeros());
            starts &= starts - 1;
        }
    }
    out
}

/// Skips the bytes from `at` that are word bytes (`word`) or that are not (`!word`): the first
/// byte of the other kind, else the length of `bytes`. Eight bytes at a time, then byte by
/// byte.
fn skip_while(bytes: &[u8], mut at: usize, word: bool) -> usize {
    while let Some(x) = swar::load(bytes, at) {
        let words = swar::ascii_alnum(x) | x & swar::HIGH_BITS;
        let stop = if word {
            !words & swar::HIGH_BITS
        } else {
            words
        };
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && is_word_byte(bytes[at]) == word {
        at += 1;
    }
    at.min(bytes.len())
}

/// The key of the word starting at `bytes[0]`: its first letters (at most [`KEY_LEN`]),
/// lower-cased, packed; 0 when `bytes[0]` is no word byte.
///
/// The three bytes are looked up at once and kept or dropped by selects, not by a branch per
/// byte: the words of a text are one, two or three letters long in no order a predictor can
/// follow, and this runs at every word start asked.
#[inline]
fn key_of(bytes: &[u8]) -> u32 {
    // The selects below are written for keys of three letters.
    const _: () = assert!(KEY_LEN == 3);
    let at = |i: usize| {
        bytes
            .get(i)
            .map_or(0, |&b| u32::from(KEY_BYTE[usize::from(b)]))
    };
    let (a, b, c) = (at(0), at(1), at(2));
    let two = a != 0 && b != 0;
    let key = if two { a << 8 | b } else { a };
    if two && c != 0 {
        key << 8 | c
    } else {
        key
    }
}

/// A word byte lower-cased, 0 for any other byte (NUL is no word byte): one look-up per byte
/// of a key, which is taken at every word start of an article.
static KEY_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if WORD_BYTE[b] {
            t[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

fn filter_bit(key: u32) -> (usize, u64) {
    let h = key.wrapping_mul(0x9E37_79B1) >> 19;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

impl WordPhrases {
    /// Builds the set from a list of phrases (a trailing `*` marks a stem). Phrases that do
    /// not start with a letter or digit are ignored.
    pub fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> WordPhrases {
        // The lower-cased body, stem flag and list entry of each usable entry; the bodies go
        // into one buffer (a few hundred small allocations would cost more than the rest).
        let mut bytes: Vec<u8> = Vec::new();
        let mut items: Vec<(Range<usize>, bool, usize)> = Vec::new();
        for (i, p) in list.into_iter().enumerate() {
            let (body, stem) = match p.strip_suffix('*') {
                Some(b) => (b, true),
                None => (p, false),
            };
            if !body.as_bytes().first().copied().is_some_and(is_word_byte) {
                continue;
            }
            let start = bytes.len();
            bytes.extend(body.bytes().map(|b| b.to_ascii_lowercase()));
            items.push((start..bytes.len(), stem, i));
        }
        // One phrase per distinct (body, stem), in the order of its first entry.
        let mut seen: HashMap<(&[u8], bool), usize, WordBuildHasher> =
            HashMap::with_capacity_and_hasher(items.len(), WordBuildHasher::default());
        let mut bodies: Vec<(Range<usize>, bool)> = Vec::new();
        let phrase_of: Vec<usize> = items
            .iter()
            .map(|(body, stem, _)| {
                let next = bodies.len();
                let p = *seen.entry((&bytes[body.clone()], *stem)).or_insert(next);
                if p == next {
                    bodies.push((body.clone(), *stem));
                }
                p
            })
            .collect();
        // The entries of each phrase, in list order, phrase after phrase (a counting sort).
        let mut starts = vec![0usize; bodies.len() + 1];
        for &p in &phrase_of {
            starts[p + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut fill = starts.clone();
        let mut entries = vec![0usize; items.len()];
        for (&p, (_, _, i)) in phrase_of.iter().zip(&items) {
            entries[fill[p]] = *i;
            fill[p] += 1;
        }
        // Grouped by key, in phrase order within a key; bodies and entries copied in that
        // order, so that a key's phrases, bodies and entries lie side by side.
        let mut index: Vec<(u32, usize)> = bodies
            .iter()
            .enumerate()
            .map(|(p, (body, _))| (key_of(&bytes[body.clone()]), p))
            .collect();
        index.sort_unstable();
        let mut recs = Vec::with_capacity(index.len());
        let mut body_bytes = Vec::with_capacity(bytes.len());
        let mut rec_entries = Vec::with_capacity(entries.len());
        for &(_, p) in &index {
            let (body, stem) = (&bodies[p].0, bodies[p].1);
            let body = &bytes[body.clone()];
            let first_run = word_run(body);
            let from = body_bytes.len();
            body_bytes.extend_from_slice(body);
            let entries_from = rec_entries.len();
            rec_entries.extend_from_slice(&entries[starts[p]..starts[p + 1]]);
            recs.push(Rec {
                body: from as u32,
                body_end: body_bytes.len() as u32,
                entries: entries_from as u32,
                entries_end: rec_entries.len() as u32,
                first_run: first_run as u32,
                stem,
                one_run: first_run == body.len(),
            });
        }
        let mut filter = [0u64; 128];
        for &(key, _) in &index {
            let (w, bit) = filter_bit(key);
            filter[w] |= bit;
        }
        let slots = key_slots(&index, &recs);
        WordPhrases {
            recs,
            bytes: body_bytes,
            entries: rec_entries,
            slots,
            filter,
        }
    }

    /// Every whole-word match in `text`, left to right, non-overlapping, longest first.
    pub fn find_iter<'s, 't>(&'s self, text: &'t str) -> impl Iterator<Item = PhraseMatch<'s>> + 't
    where
        's: 't,
    {
        Matches {
            set: self,
            text,
            starts: None,
            at: 0,
        }
    }

    /// Every whole-word match in `text` that starts at one of `starts`, the word starts of
    /// `text` or of a part of it ([`word_starts`]), left to right, non-overlapping, longest
    /// first: the matches [`WordPhrases::find_iter`] finds there, without walking the text.
    /// When `starts` is empty but `text` is not (a text too long to index), the text is walked.
    pub fn find_at<'s, 't>(
        &'s self,
        text: &'t str,
        starts: &'t [u32],
    ) -> impl Iterator<Item = PhraseMatch<'s>> + 't
    where
        's: 't,
    {
        let walk = starts.is_empty() && text.len() > u32::MAX as usize;
        Matches {
            set: self,
            text,
            starts: (!walk).then(|| starts.iter()),
            at: 0,
        }
    }

    /// The match at word start `start` whose key is `key`, if the filter lets the key by.
    /// Inlined into the walk: most word starts are turned away by the filter without a call,
    /// and the search behind it ([`WordPhrases::longest_at`]) stays out of line.
    #[inline]
    fn match_here(&self, text: &str, start: usize, key: u32) -> Option<PhraseMatch<'_>> {
        let (w, bit) = filter_bit(key);
        if self.filter[w] & bit == 0 {
            return None;
        }
        let (end, entries) = self.longest_at(text, start, key)?;
        Some(PhraseMatch {
            start,
            end,
            entries,
        })
    }

    /// The longest phrase matching at word start `start`, whose key is `key`: its end and
    /// entries.
    #[inline(never)]
    fn longest_at(&self, text: &str, start: usize, key: u32) -> Option<(usize, &[usize])> {
        let slot = self.slot_of(key)?;
        // The length of the text's first word (see `Rec::fits`).
        let run = skip_while(text.as_bytes(), start, true) - start;
        if slot.runs & 1 << run.min(31) == 0 {
            return None;
        }
        // The key's bytes are the body's first bytes, lower-cased, and the text's: they are
        // not compared again.
        let known = (32 - key.leading_zeros() as usize).div_ceil(8);
        let recs = self.recs.get(slot.from as usize..slot.to as usize)?;
        // The longest match; at equal ends the longer phrase ("flood-risk" over "flood*").
        let mut best: Option<(usize, usize, &Rec)> = None;
        for rec in recs {
            if !rec.fits(run) {
                continue;
            }
            let body = &self.bytes[rec.body as usize..rec.body_end as usize];
            let rest = body.get(known..).unwrap_or_default();
            if let Some(end) = match_from(text, start + known, rest, rec.stem) {
                if best.is_none_or(|b| (end, body.len()) > (b.0, b.1)) {
                    best = Some((end, body.len(), rec));
                }
            }
        }
        best.map(|(end, _, rec)| {
            (
                end,
                &self.entries[rec.entries as usize..rec.entries_end as usize],
            )
        })
    }

    /// The slot of `key`, if it has phrases.
    fn slot_of(&self, key: u32) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut i = slot_index(key, self.slots.len());
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return (key != 0).then_some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The matches of [`WordPhrases::find_iter`] (`starts` is `None`: the text is walked word by
/// word) or of [`WordPhrases::find_at`] (one iterator for both: a chain of the two, one of
/// them empty, cost more per word start than the search).
struct Matches<'s, 't> {
    set: &'s WordPhrases,
    text: &'t str,
    starts: Option<std::slice::Iter<'t, u32>>,
    /// Walking, where the next word is looked for; else the end of the last match.
    at: usize,
}

impl<'s> Iterator for Matches<'s, '_> {
    type Item = PhraseMatch<'s>;

    fn next(&mut self) -> Option<PhraseMatch<'s>> {
        let (set, text) = (self.set, self.text);
        let bytes = text.as_bytes();
        match &mut self.starts {
            None => loop {
                // The next word and its end, whatever happens; a match jumps further.
                let start = skip_while(bytes, self.at, false);
                if start >= bytes.len() {
                    return None;
                }
                self.at = skip_while(bytes, start + 1, true);
                if let Some(m) = set.match_here(text, start, key_of(&bytes[start..])) {
                    self.at = m.end;
                    return Some(m);
                }
            },
            Some(starts) => {
                for &s in starts {
                    let start = s as usize;
                    if start < self.at {
                        continue;
                    }
                    let Some(word) = bytes.get(start..) else {
                        continue;
                    };
                    if let Some(m) = set.match_here(text, start, key_of(word)) {
                        self.at = m.end;
                        return Some(m);
                    }
                }
                None
            }
        }
    }
}

/// The first slot to look at for `key` in a table of `size` slots: the top bits of the key's
/// product with an odd constant (the low bits of such a product depend only on the key's low
/// bits, its third letter, and would pile the keys that end alike into one run of slots).
fn slot_index(key: u32, size: usize) -> usize {
    let h = u64::from(key.wrapping_mul(0x9E37_79B1));
    ((h * size as u64) >> 32) as usize
}

/// The [`WordPhrases::slots`] table of a sorted index and its phrases: at most half full.
fn key_slots(index: &[(u32, usize)], recs: &[Rec]) -> Box<[Slot]> {
    let size = (index.len() * 2).next_power_of_two().max(8);
    let mut table = vec![Slot::default(); size].into_boxed_slice();
    let mut from = 0;
    while from < index.len() {
        let key = index[from].0;
        let to = from + index[from..].iter().take_while(|e| e.0 == key).count();
        let mut slot = slot_index(key, size);
        while table[slot].key != 0 {
            slot = (slot + 1) & (size - 1);
        }
        table[slot] = Slot {
            key,
            from: from as u32,
            to: to as u32,
            runs: recs[from..to].iter().fold(0, |r, rec| r | rec.run_bits()),
        };
        from = to;
    }
    table
}

/// How many bytes at the start of `bytes` are word bytes.
fn word_run(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&b| is_word_byte(b)).count()
}

/// Where `phrase` (lower case; a space matches any white space) ends when it matches `text`
/// at `start`, ending on a word boundary, or past the rest of the word for a stem.
pub(crate) fn match_at(text: &str, start: usize, phrase: &[u8], stem: bool) -> Option<usize> {
    match_from(text, start, phrase, stem)
}

/// [`match_at`] of the rest of a phrase whose first bytes are known to match up to `from`
/// (a word byte, when there are any).
fn match_from(text: &str, from: usize, phrase: &[u8], stem: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    for &c in phrase {
        if c == b' ' {
            if !bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                return None;
            }
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
        } else if bytes.get(i).map(u8::to_ascii_lowercase) == Some(c) {
            i += 1;
        } else {
            return None;
        }
    }
    if stem {
        while i < bytes.len()
            && (is_word_byte(bytes[i])
                || bytes[i] == b'-' && bytes.get(i + 1).copied().is_some_and(is_word_byte))
        {
            i += 1;
        }
    } else if bytes.get(i).copied().is_some_and(is_word_byte) && is_word_byte(bytes[i - 1]) {
        return None;
    }
    // Never end inside a UTF-8 sequence.
    while !text.is_char_boundary(i) {
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{cases, Rng};

    impl WordPhrases {
        /// `longest_at` as first written: every phrase of the key compared in full (here
        /// found by reading every phrase's key).
        fn longest_at_reference(
            &self,
            text: &str,
            start: usize,
            key: u32,
        ) -> Option<(usize, &[usize])> {
            let mut best: Option<(usize, usize, &[usize])> = None;
            for rec in &self.recs {
                let body = &self.bytes[rec.body as usize..rec.body_end as usize];
                if key_of(body) != key {
                    continue;
                }
                let entries = &self.entries[rec.entries as usize..rec.entries_end as usize];
                if let Some(end) = match_at(text, start, body, rec.stem) {
                    if best.is_none_or(|b| (end, body.len()) > (b.0, b.1)) {
                        best = Some((end, body.len(), entries));
                    }
                }
            }
            best.map(|b| (b.0, b.2))
        }
    }

    #[test]
    fn longest_at_agrees_with_the_first_version() {
        let set = WordPhrases::new([
            "internet shutdown",
            "internet blackout",
            "internet*",
            "inter",
            "flood*",
            "flood-risk",
            "flood warning",
            "floods",
            "state of emergency",
            "state*",
            "stat",
            "curfew",
            "curfew imposed*",
            "évacu*",
            "x1",
        ]);
        let words = [
            "internet",
            "Internet",
            "shutdown",
            "blackout",
            "inter",
            "internets",
            "flood",
            "Floods",
            "flood-risk",
            "floodwater",
            "warning",
            "state",
            "of",
            "emergency",
            "States",
            "stat",
            "curfew",
            "imposed",
            "imposedly",
            "évacués",
            "x1",
            "x",
            "-",
            "  ",
            "\n",
            "é",
        ];
        let mut rng = Rng(0x3017_0001);
        let (mut matched, mut turned) = (0, 0);
        for _ in 0..cases("PHRASES_CASES", 5_000) {
            let text: String = (0..6)
                .map(|_| {
                    let sep = rng.pick(&[" ", " ", " ", "", "-", "\t"]);
                    format!("{}{sep}", rng.pick(&words))
                })
                .collect();
            for &start in &word_starts(&text) {
                let start = start as usize;
                let key = key_of(&text.as_bytes()[start..]);
                let fast = set.longest_at(&text, start, key);
                assert_eq!(
                    fast,
                    set.longest_at_reference(&text, start, key),
                    "{text:?} at {start}"
                );
                matched += usize::from(fast.is_some());
                // Words whose key has phrases but whose length fits none of them.
                let run = skip_while(text.as_bytes(), start, true) - start;
                turned += usize::from(
                    set.slot_of(key)
                        .is_some_and(|s| s.runs & 1 << run.min(31) == 0),
                );
            }
        }
        let n = cases("PHRASES_CASES", 5_000);
        assert!(matched > n && turned > n / 100, "{matched} {turned}");
    }

    fn found(set: &WordPhrases, text: &str) -> Vec<(String, Vec<usize>)> {
        set.find_iter(text)
            .map(|m| (text[m.start..m.end].to_string(), m.entries.to_vec()))
            .collect()
    }

    #[test]
    fn whole_words_stems_repeats_and_longest_first() {
        let set = WordPhrases::new([
            "protest*",
            "riot",
            "state of emergency",
            "riot",
            "state",
            "protest-note",
        ]);
        let text = "Protesters rioted; a riot. A STATE OF\n EMERGENCY. patriot state protest-note";
        assert_eq!(
            found(&set, text),
            vec![
                ("Protesters".to_string(), vec![0]),
                ("riot".to_string(), vec![1, 3]),
                ("STATE OF\n EMERGENCY".to_string(), vec![2]),
                ("state".to_string(), vec![4]),
                ("protest-note".to_string(), vec![5]),
            ]
        );
    }

    #[test]
    fn short_words_hyphens_and_odd_text() {
        let set = WordPhrases::new(["in general", "sit-in", "stay-at-home order*", "cut"]);
        let text = "Shortcut: in general, a sit-in; stay-at-home orders were cut. É cut";
        let got: Vec<String> = found(&set, text).into_iter().map(|f| f.0).collect();
        assert_eq!(
            got,
            vec!["in general", "sit-in", "stay-at-home orders", "cut", "cut"]
        );
        assert_eq!(found(&set, "").len(), 0);
        assert_eq!(found(&set, "ÉÉÉ ççç — «»").len(), 0);
    }

    #[test]
    fn matches_at_word_starts_are_the_matches_of_a_walk() {
        let set = WordPhrases::new(["protest*", "riot", "state of emergency", "u.n.", "cut"]);
        for text in [
            "Protesters rioted; a riot. A STATE OF\n EMERGENCY. patriot, U.N. cut-off",
            "",
            "riot",
            "ÉÉÉ riot ççç — «riot»",
            "shortcut cut U.N.riot",
        ] {
            let starts = word_starts(text);
            let walked: Vec<_> = set.find_iter(text).collect();
            let indexed: Vec<_> = set.find_at(text, &starts).collect();
            assert_eq!(walked, indexed, "{text}");
        }
        // A part of the text: its own starts only.
        let text = "riot. Protesters gathered; riot police";
        let starts = word_starts(text);
        let part: Vec<u32> = starts
            .iter()
            .copied()
            .filter(|s| (6..26).contains(s))
            .collect();
        let got: Vec<&str> = set
            .find_at(text, &part)
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(got, vec!["Protesters"]);
    }

    /// [`WordPhrases::find_iter`] as first written: the text walked byte by byte.
    fn find_iter_reference<'s>(set: &'s WordPhrases, text: &str) -> Vec<PhraseMatch<'s>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let start = at;
            if !is_word_byte(bytes[start]) {
                at += 1;
                continue;
            }
            let mut key = 0u32;
            while at < bytes.len() && is_word_byte(bytes[at]) {
                if at - start < KEY_LEN {
                    key = key << 8 | u32::from(bytes[at].to_ascii_lowercase());
                }
                at += 1;
            }
            let (w, bit) = filter_bit(key);
            if set.filter[w] & bit == 0 {
                continue;
            }
            if let Some((end, entries)) = set.longest_at(text, start, key) {
                at = end;
                out.push(PhraseMatch {
                    start,
                    end,
                    entries,
                });
            }
        }
        out
    }

    #[test]
    fn find_iter_agrees_with_the_first_version() {
        let set = WordPhrases::new([
            "protest*",
            "riot",
            "state of emergency",
            "curfew",
            "sit-in",
            "évacu*",
            "x1",
        ]);
        let pieces = [
            "Protesters",
            "riot",
            "state",
            "of",
            "emergency",
            "curfew",
            "sit-in",
            "évacués",
            "x1",
            " ",
            "  ",
            "\n",
            "-",
            "«",
            "—",
            ",",
            "abcdefghij",
            "0",
            "\t",
            "é",
        ];
        let mut rng = Rng(0x3017_0004);
        let mut matched = 0;
        for _ in 0..cases("PHRASES_CASES", 3_000) {
            let n = rng.next() % 40;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let want = find_iter_reference(&set, &text);
            matched += want.len();
            assert_eq!(set.find_iter(&text).collect::<Vec<_>>(), want, "{text:?}");
        }
        assert!(matched > cases("PHRASES_CASES", 3_000), "{matched}");
    }

    /// The word starts as first written: a byte that is a word byte after one that is not.
    fn word_starts_reference(text: &str) -> Vec<u32> {
        let b = text.as_bytes();
        (0..b.len())
            .filter(|&i| is_word_byte(b[i]) && (i == 0 || !is_word_byte(b[i - 1])))
            .map(|i| i as u32)
            .collect()
    }

    #[test]
    fn word_starts_agree_with_the_first_version() {
        let pieces = [
            "Riot", "police", " ", "  ", "\n", "-", "é", "«", "—", "x1", "U.N.", "\t", "0", "Z",
            "[", "`", "{", "@", "/", ":", "\u{7f}",
        ];
        let mut rng = Rng(0x3017_0002);
        let mut long = 0;
        for _ in 0..cases("PHRASES_CASES", 2_000) {
            let n = rng.next() % 90;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            long += usize::from(text.len() >= 64);
            assert_eq!(word_starts(&text), word_starts_reference(&text), "{text:?}");
        }
        // Most texts fill at least one whole block of 64 bytes, the path that reads eight
        // bytes at a time.
        assert!(long > cases("PHRASES_CASES", 2_000) / 2, "{long}");
    }

    /// Every key of a large generated list is found at its phrases, and the keys that are not
    /// in it are not: the slot table against a scan of the phrases.
    #[test]
    fn every_key_finds_its_slot() {
        let letters = ["a", "e", "s", "t", "n", "r", "x", "1"];
        let mut rng = Rng(0x3017_0007);
        let words: Vec<String> = (0..600)
            .map(|_| {
                (0..1 + rng.next() % 4)
                    .map(|_| rng.pick(&letters))
                    .collect()
            })
            .collect();
        let set = WordPhrases::new(words.iter().map(String::as_str));
        let (mut found, mut absent) = (0, 0);
        for _ in 0..2_000 {
            let w: String = (0..1 + rng.next() % 4)
                .map(|_| rng.pick(&letters))
                .collect();
            let key = key_of(w.as_bytes());
            let want: Vec<usize> = (0..set.recs.len())
                .filter(|&r| {
                    let rec = &set.recs[r];
                    key_of(&set.bytes[rec.body as usize..rec.body_end as usize]) == key
                })
                .collect();
            match set.slot_of(key) {
                Some(slot) => {
                    assert_eq!(
                        (slot.from as usize..slot.to as usize).collect::<Vec<_>>(),
                        want
                    );
                    found += 1;
                }
                None => {
                    assert!(want.is_empty(), "{w}");
                    absent += 1;
                }
            }
        }
        assert!(found > 500 && absent > 50, "{found} {absent}");
    }

    /// [`key_of`] as first written: byte by byte, up to the first byte that is no word byte.
    fn key_of_reference(bytes: &[u8]) -> u32 {
        let mut key = 0u32;
        for &b in bytes.iter().take(KEY_LEN) {
            let l = KEY_BYTE[usize::from(b)];
            if l == 0 {
                break;
            }
            key = key << 8 | u32::from(l);
        }
        key
    }

    #[test]
    fn keys_agree_with_the_first_version() {
        let alphabet = [b'a', b'Z', b'0', b' ', b'-', 0x00, 0xC3, 0xA9, b'.', b'q'];
        let mut rng = Rng(0x3017_0006);
        let mut lens = [0usize; 4];
        for _ in 0..cases("PHRASES_CASES", 5_000) {
            let n = rng.next() % 6;
            let w: Vec<u8> = (0..n)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect();
            let key = key_of(&w);
            assert_eq!(key, key_of_reference(&w), "{w:?}");
            lens[(32 - key.leading_zeros() as usize).div_ceil(8)] += 1;
        }
        // Keys of every length, none included, come out of generated words.
        assert!(lens.iter().all(|&n| n > 100), "{lens:?}");
    }

    #[test]
    fn a_stem_ends_on_a_char_boundary() {
        let set = WordPhrases::new(["caf*"]);
        let text = "café crème";
        let m: Vec<_> = set.find_iter(text).collect();
        assert_eq!(&text[m[0].start..m[0].end], "café");
    }
}
