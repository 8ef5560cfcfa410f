//! Vocabulary as data: word lists embedded with `include_str!`, one entry a line.
//!
//! Lists that only grow (trigger words, titles, organization words) live in plain UTF-8 files
//! next to the extractor that uses them. Lines starting with `#` are comments; blank lines are
//! ignored. Lists are turned into regex alternations (longest first) once, at first use.

/// The entries of an embedded list: trimmed, non-empty, comments skipped.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A regex alternation `(?:a|b|c)` of the list's entries, longest first, each escaped.
/// Inside an entry, a single space matches any run of white space (articles wrap lines).
pub fn alternation<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.into_iter().collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    let parts: Vec<String> = v
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    format!("(?:{})", parts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let v: Vec<&str> = entries("# header\n\nkilled\n  shot dead \n").collect();
        assert_eq!(v, vec!["killed", "shot dead"]);
    }

    #[test]
    fn alternation_is_longest_first_and_escaped() {
        let re = regex::Regex::new(&alternation(["shot", "shot dead", "a.b"])).unwrap();
        assert_eq!(
            re.find("they were shot  dead").unwrap().as_str(),
            "shot  dead"
        );
        assert!(re.find("axb").is_none());
    }
}

pub mod packed;
mod word_phrases;
pub use word_phrases::{word_starts, WordPhrases};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::cmp::Ordering;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

/// A list of single words for membership tests: sorted once, then binary-searched with no
/// allocation per query (hot paths ask it for every word of an article).
pub struct WordList {
    words: Vec<&'static str>,
    /// A 4096-bit filter of the words' case-folded hashes: most words that are not in the
    /// list are turned away with one bit test, before any string comparison.
    filter: Box<[u64; 64]>,
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
        for w in &words {
            let (i, bit) = folded_bit(w);
            filter[i] |= bit;
        }
        WordList { words, filter }
    }

    fn may_contain(&self, w: &str) -> bool {
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
}

/// A list of phrases matched as whole words, ASCII-case-insensitively, in one pass.
///
/// Built on Aho–Corasick, so that a list of hundreds of phrases costs well under a
/// millisecond to build and one linear scan to search (a regex alternation of the same list
/// costs tens of milliseconds to compile). A phrase ending in `*` is a stem: it matches any
/// word that starts with it ("protest*" → "protesters"). Phrases may repeat; a match reports
/// every list index that carries its phrase. Search the text with line breaks and tabs
/// replaced by spaces ([`crate::document::Document::flat`]) so that phrases match across
/// wrapped lines.
pub struct PhraseSet {
    ac: AhoCorasick,
    /// For each distinct phrase: is it a stem, and which list entries carry it.
    phrases: Vec<(bool, Vec<usize>)>,
}

/// One match of a [`PhraseSet`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character (after the whole word, for a stem).
    pub end: usize,
    /// Indices into the list the set was built from (borrowed: no allocation per match).
    pub entries: &'a [usize],
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Set by [`optimize_for_many_articles`]: build phrase automata for search speed.
static MANY_ARTICLES: AtomicBool = AtomicBool::new(false);

/// Tells the phrase sets built from now on that many articles will follow (batch mode,
/// benchmarks): they are then built as DFAs, which take about twice as long to build and
/// search about three times faster. A one-article run keeps the default, which builds fast.
/// It changes no result.
pub fn optimize_for_many_articles() {
    MANY_ARTICLES.store(true, AtomicOrdering::Relaxed);
}

impl PhraseSet {
    /// Builds the set from a list of phrases (a trailing `*` marks a stem).
    pub fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        let kind = if MANY_ARTICLES.load(AtomicOrdering::Relaxed) {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        PhraseSet::with_kind(list, kind)
    }

    /// A set searched once (built per article): always the automaton quickest to build.
    pub fn for_one_search<'a>(list: impl IntoIterator<Item = &'a str>) -> PhraseSet {
        PhraseSet::with_kind(list, AhoCorasickKind::ContiguousNFA)
    }

    fn with_kind<'a>(list: impl IntoIterator<Item = &'a str>, kind: AhoCorasickKind) -> PhraseSet {
        let mut keys: Vec<String> = Vec::new();
        let mut phrases: Vec<(bool, Vec<usize>)> = Vec::new();
        for (i, p) in list.into_iter().enumerate() {
            let (body, stem) = match p.strip_suffix('*') {
                Some(b) => (b, true),
                None => (p, false),
            };
            let key = body.to_ascii_lowercase();
            match (0..keys.len()).find(|&k| keys[k] == key && phrases[k].0 == stem) {
                Some(k) => phrases[k].1.push(i),
                None => {
                    keys.push(key);
                    phrases.push((stem, vec![i]));
                }
            }
        }
        // A contiguous NFA builds several times faster than a DFA: build time is what a
        // one-article run pays. Long runs choose the DFA (see optimize_for_many_articles).
        let ac = AhoCorasickBuilder::new()
            .kind(Some(kind))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .unwrap_or_else(|e| unreachable!("phrase automaton: {e}"));
        PhraseSet { ac, phrases }
    }

    /// Every whole-word match in `text`, left to right, non-overlapping.
    pub fn find_iter(&self, text: &str) -> Vec<PhraseMatch<'_>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let (stem, entries) = &self.phrases[m.pattern().as_usize()];
            if m.start() > 0 && is_word_byte(bytes[m.start() - 1]) && is_word_byte(bytes[m.start()])
            {
                continue;
            }
            let mut end = m.end();
            if *stem {
                while end < bytes.len()
                    && (is_word_byte(bytes[end])
                        || bytes[end] == b'-'
                            && end + 1 < bytes.len()
                            && is_word_byte(bytes[end + 1]))
                {
                    end += 1;
                }
                // Never end inside a UTF-8 sequence.
                while !text.is_char_boundary(end) {
                    end += 1;
                }
            } else if end < bytes.len() && is_word_byte(bytes[end]) && is_word_byte(bytes[end - 1])
            {
                continue;
            }
            out.push(PhraseMatch {
                start: m.start(),
                end,
                entries,
            });
        }
        out
    }
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    #[test]
    fn whole_words_stems_and_repeats() {
        let set = PhraseSet::new(["protest*", "riot", "state of emergency", "riot"]);
        let text = "Protesters rioted; a riot. A STATE OF EMERGENCY. patriot";
        let got: Vec<(&str, Vec<usize>)> = set
            .find_iter(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.entries.to_vec()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Protesters", vec![0]),
                ("riot", vec![1, 3]),
                ("STATE OF EMERGENCY", vec![2])
            ]
        );
    }
}
