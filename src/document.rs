//! The article as read, with its structure: paragraphs, sentences, headline and dateline.
//!
//! Every extractor sees the same [`Document`]. The text is never rewritten: all spans are
//! byte ranges into [`Document::text`], so evidence always points at what the user gave us.
//! CRLF and CR line ends are treated like LF when finding structure, and nothing else.

mod dateline;

use std::ops::Range;

use crate::vocab::{packed, swar, PhraseMatch, WordPhrases};

/// A byte range into the document text.
pub type Span = Range<usize>;

/// One sentence: its span and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span of the sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// The article text and its structure.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The input, verbatim (a leading BOM already removed by the reader).
    pub text: &'a str,
    /// Paragraph spans (separated by blank lines), trimmed, in order.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order; every sentence lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// The headline: a first paragraph of one short line without final punctuation.
    pub headline: Option<Span>,
    /// The dateline at the start of the lead ("GENEVA, Jan 6 (Wire) —"), dash included.
    pub dateline: Option<Span>,
    /// The text with every line break and tab replaced by a space, byte for byte (same
    /// offsets), for phrase matching across wrapped lines.
    pub flat: String,
    /// Where each word starts: the byte offsets of the ASCII letters, digits and non-ASCII
    /// bytes that follow any other byte (or open the text), in order. Phrase lists
    /// ([`crate::vocab::WordPhrases::find_at`]) look only there, so that several lists cost one
    /// walk over the text rather than one each. Empty when the text is 4 GiB or more (the
    /// lists then walk the text themselves).
    pub word_starts: Vec<u32>,
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&[u8]] = &[
    b"mr", b"mrs", b"ms", b"dr", b"prof", b"gen", b"col", b"lt", b"capt", b"cpt", b"sgt", b"maj",
    b"cmdr", b"adm", b"gov", b"sen", b"rep", b"rev", b"st", b"ft", b"mt", b"jr", b"sr", b"no",
    b"vs", b"inc", b"co", b"corp", b"ltd", b"dept", b"jan", b"feb", b"mar", b"apr", b"jun", b"jul",
    b"aug", b"sep", b"sept", b"oct", b"nov", b"dec", b"mon", b"tue", b"tues", b"wed", b"thu",
    b"thur", b"thurs", b"fri", b"sat", b"sun", b"ave", b"blvd", b"rd", b"approx", b"est", b"pres",
    b"supt", b"insp", b"det", b"cpl", b"pvt", b"brig", b"messrs", b"ala", b"ariz", b"ark",
    b"calif", b"colo", b"conn", b"del", b"fla", b"ga", b"ill", b"ind", b"kan", b"kans", b"ky",
    b"la", b"md", b"mass", b"mich", b"minn", b"miss", b"mo", b"mont", b"neb", b"nev", b"okla",
    b"ore", b"pa", b"tenn", b"tex", b"va", b"vt", b"wash", b"wis", b"wyo", b"e.g", b"i.e", b"etc",
    b"a.m", b"p.m",
];

/// [`ABBREVIATIONS`] as packed words: a look-up per full stop of the text.
static ABBREVIATION_SET: packed::Set<{ ABBREVIATIONS.len() }> = packed::Set::new(&[ABBREVIATIONS]);

impl<'a> Document<'a> {
    /// Finds paragraphs, sentences, the headline and the dateline of `text`.
    pub fn new(text: &'a str) -> Document<'a> {
        let (paragraphs, headline, dateline) = outline(text);
        // About one sentence per 120 bytes of news text: room enough that the list rarely
        // grows.
        let mut sentences = Vec::with_capacity(text.len() / 96 + 1);
        for (i, p) in paragraphs.iter().enumerate() {
            split_sentences(text, p.clone(), i, &mut sentences);
        }
        let flat = flatten(text);
        let word_starts = crate::vocab::word_starts(text);
        Document {
            text,
            flat,
            word_starts,
            paragraphs,
            sentences,
            headline,
            dateline,
        }
    }

    /// The word starts ([`Document::word_starts`]) inside `span`.
    pub fn word_starts_in(&self, span: &Span) -> &[u32] {
        let at = |pos: usize| self.word_starts.partition_point(|&w| (w as usize) < pos);
        &self.word_starts[at(span.start)..at(span.end)]
    }

    /// The phrases of `list` in the text of `span` (a sentence, a clause), at offsets of the
    /// document: what `list.find_iter` finds in [`Document::flat`]`[span]`, asked only at the
    /// span's word starts instead of walking its text. Any span on char boundaries will do; one
    /// that opens inside a word, or on a word whose first byte is no word start of the
    /// document (just after a non-ASCII space or quotation mark), is walked.
    pub fn phrases_in<'s, 'l>(
        &'s self,
        list: &'l WordPhrases,
        span: &Span,
    ) -> impl Iterator<Item = PhraseMatch<'l>> + 's
    where
        'l: 's,
    {
        let starts = self.word_starts_in(span);
        let opens_word = self
            .flat
            .as_bytes()
            .get(span.start)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80);
        let walk = self.word_starts.is_empty()
            || opens_word && starts.first() != Some(&(span.start as u32));
        let from = span.start;
        let walked = walk.then(|| {
            list.find_iter(&self.flat[span.clone()]).map(move |mut m| {
                m.start += from;
                m.end += from;
                m
            })
        });
        // The text cut at the span's end: no phrase runs past it, as none runs past the end
        // of the span's own text.
        let indexed = (!walk).then(|| list.find_at(&self.flat[..span.end], starts));
        walked
            .into_iter()
            .flatten()
            .chain(indexed.into_iter().flatten())
    }

    /// Whether a phrase of `list` matches in the text of `span` ([`Document::phrases_in`]).
    pub fn has_phrase(&self, list: &WordPhrases, span: &Span) -> bool {
        self.phrases_in(list, span).next().is_some()
    }

    /// The text of a span.
    pub fn slice(&self, span: &Span) -> &'a str {
        &self.text[span.clone()]
    }

    /// Index of the sentence that contains byte `pos` (the nearest one before it otherwise).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        Some(i.saturating_sub(1))
    }

    /// Index of the paragraph that contains byte `pos` (the nearest one before it otherwise).
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        if self.paragraphs.is_empty() {
            return None;
        }
        let i = self.paragraphs.partition_point(|p| p.start <= pos);
        Some(i.saturating_sub(1))
    }
}

/// The text with line breaks and tabs as spaces, byte for byte: ASCII bytes replaced by an
/// ASCII byte, so the copy is still UTF-8 (checked, never assumed).
/// The paragraphs, headline and dateline of `text`: what [`Document::new`] finds before the
/// sentences, and all that reading dates needs (see [`dateline_of`]).
fn outline(text: &str) -> (Vec<Span>, Option<Span>, Option<Span>) {
    let paragraphs = split_paragraphs(text);
    let headline = paragraphs.first().and_then(|p| {
        let s = &text[p.clone()];
        let one_line = !s.contains('\n') && !s.contains('\r');
        let unfinished = !s.trim_end().ends_with(['.', '!', '?', '"', '”', '\'']);
        (paragraphs.len() > 1 && one_line && unfinished && s.len() <= 200).then(|| p.clone())
    });
    let dateline = find_dateline(text, &paragraphs, headline.is_some());
    (paragraphs, headline, dateline)
}

/// The dateline [`Document::new`] finds in `text`, without the sentences, the flat copy and
/// the word starts: for reading the dates of a piece of an article (its top, one paragraph)
/// as if it were a whole one.
pub fn dateline_of(text: &str) -> Option<Span> {
    outline(text).2
}

fn flatten(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes {
        if matches!(*b, b'\n' | b'\r' | b'\t') {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.replace(['\n', '\r', '\t'], " "))
}

/// Paragraphs are runs of text separated by lines that are empty or only white space.
fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            end = pos + content.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let bare = w.trim_end_matches('.').as_bytes();
    // A list word has at most 16 ASCII bytes (and no NUL, which would pack like nothing).
    if bare.len() <= 16 && bare.iter().all(|&b| b.is_ascii() && b != 0) {
        let mut lower = [0u8; 16];
        for (l, b) in lower.iter_mut().zip(bare) {
            *l = b.to_ascii_lowercase();
        }
        if ABBREVIATION_SET.contains(packed::key(&lower[..bare.len()])) {
            return true;
        }
    }
    // Single letters and initialisms ("J.", "U.S.", "U.N."): letters each followed by a period.
    let b = w.as_bytes();
    !b.is_empty()
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_alphabetic() && p[1] == b'.')
}

/// Splits a paragraph into sentences at `.`, `!`, `?` (and closing quotes after them) followed
/// by white space and a capital, digit or opening quote, skipping known abbreviations.
/// The sentences of paragraph `paragraph` (its span `para`) are added to `out`.
fn split_sentences(text: &str, para: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        i = next_stop(bytes, i, para.end);
        let Some(&b) = bytes.get(i).filter(|_| i < para.end) else {
            break;
        };
        // Extend over closing quotes/brackets and repeated punctuation.
        let mut j = i + 1;
        while j < para.end {
            let rest = &text[j..para.end];
            let c = rest.chars().next().unwrap_or(' ');
            if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '.' | '!' | '?') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &text[j..para.end];
        let ws = rest.len() - rest.trim_start().len();
        let next = rest.trim_start().chars().next();
        let boundary = ws > 0
            && next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
            });
        let abbrev = b == b'.' && {
            // The separator may be wider than one byte (a no-break space).
            let word_start = text[start..i]
                .char_indices()
                .rfind(|&(_, c)| c.is_whitespace() || c == '(')
                .map(|(k, c)| start + k + c.len_utf8())
                .unwrap_or(start);
            is_abbreviation(&text[word_start..i + 1])
        };
        if boundary && !abbrev {
            push_trimmed(text, start..j, paragraph, out);
            start = j + ws;
            i = start;
            continue;
        }
        i = j;
    }
    push_trimmed(text, start..para.end, paragraph, out);
}

/// The first `.`, `!` or `?` of `bytes[i..end]`, else `end`: eight bytes at a time, as most
/// of a sentence is none of them.
fn next_stop(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= end {
        let Some(x) = swar::load(bytes, i) else {
            break;
        };
        let stops =
            swar::bytes_equal(x, b'.') | swar::bytes_equal(x, b'!') | swar::bytes_equal(x, b'?');
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && !matches!(bytes[i], b'.' | b'!' | b'?') {
        i += 1;
    }
    i
}

fn push_trimmed(text: &str, span: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Sentence {
            span: span.start + lead..span.start + lead + t.len(),
            paragraph,
        });
    }
}

/// A dateline is short; a longer match is a sentence with a dash in it.
const MAX_DATELINE: usize = 120;

fn find_dateline(text: &str, paragraphs: &[Span], has_headline: bool) -> Option<Span> {
    // The lead is the first paragraph after the headline; look at the first two candidates to
    // allow a byline or publication line in between.
    let first = usize::from(has_headline);
    for p in paragraphs.iter().skip(first).take(3) {
        let s = &text[p.clone()];
        // An all-capitals place (optionally with a region, a date and an agency in
        // parentheses) ending in a dash, at the very start of the paragraph.
        if let Some(end) = dateline::match_end(s.as_bytes())
            .filter(|&end| end <= MAX_DATELINE && s.is_char_boundary(end))
        {
            let head = &s[..end];
            // The place must be written in capitals (GENEVA, SAN SALVADOR), or the match must
            // carry a date or an agency in parentheses.
            let first_word: String = head.chars().take_while(|c| c.is_alphabetic()).collect();
            let caps =
                first_word.chars().count() >= 2 && first_word.chars().all(|c| c.is_uppercase());
            if caps || head.contains('(') {
                return Some(p.start..p.start + end);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `phrases_in` finds what a walk over the span's own text finds, on generated articles
    /// with non-ASCII spaces, quotes, hyphens and phrases across sentence and paragraph ends:
    /// for every sentence, and for spans cut anywhere (mid-word, after a quotation mark).
    #[test]
    fn phrases_in_agrees_with_a_walk_over_the_span() {
        use crate::testing::{cases, Rng};
        let list = WordPhrases::new(["in general", "may be declared", "narrow*", "état", "x-ray"]);
        let pieces = [
            "in",
            "In",
            "general",
            "General.",
            "may",
            "be",
            "declared",
            "declared.",
            "narrowly",
            "Narrow",
            "état",
            "État",
            "x-ray",
            "X",
            "ray",
            "the",
            "curfew",
            ".",
            "!",
            "\n\n",
            "\u{a0}",
            "\"",
            "“",
            "”",
            "«",
            "3",
            "U.S.",
            "-",
            ",",
        ];
        let mut rng = Rng(17);
        let (mut found, mut none, mut indexed) = (0, 0, 0);
        for _ in 0..cases("PHRASES_CASES", 400) {
            let n = 3 + (rng.next() % 30) as usize;
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(rng.pick(&pieces));
                let sep = [" ", " ", " ", "\u{a0}", "\n", ""];
                text.push_str(sep[(rng.next() % sep.len() as u64) as usize]);
            }
            let doc = Document::new(&text);
            let mut spans: Vec<Span> = doc.sentences.iter().map(|s| s.span.clone()).collect();
            for _ in 0..4 {
                let mut a = (rng.next() % (text.len() as u64 + 1)) as usize;
                let mut b = (rng.next() % (text.len() as u64 + 1)) as usize;
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                spans.push(a.min(b)..a.max(b));
            }
            for span in spans {
                let walked: Vec<(usize, usize, Vec<usize>)> = list
                    .find_iter(&doc.flat[span.clone()])
                    .map(|m| (m.start + span.start, m.end + span.start, m.entries.to_vec()))
                    .collect();
                let got: Vec<(usize, usize, Vec<usize>)> = doc
                    .phrases_in(&list, &span)
                    .map(|m| (m.start, m.end, m.entries.to_vec()))
                    .collect();
                assert_eq!(got, walked, "{text:?} {span:?}");
                assert_eq!(doc.has_phrase(&list, &span), !walked.is_empty());
                if walked.is_empty() {
                    none += 1;
                } else {
                    found += 1;
                }
                let first = doc.word_starts_in(&span).first().copied();
                indexed += usize::from(first == Some(span.start as u32));
            }
        }
        assert!(
            found > 50 && none > 50 && indexed > 100,
            "{found} {none} {indexed}"
        );
    }

    #[test]
    fn abbreviation_set_agrees_with_the_list() {
        // The test as first written: the list searched for a lower-cased copy of the word.
        let reference = |word: &str| {
            let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lower = w.trim_end_matches('.').to_ascii_lowercase();
            let b = w.as_bytes();
            ABBREVIATIONS.contains(&lower.as_bytes())
                || !b.is_empty()
                    && b.len() % 2 == 0
                    && b.chunks(2)
                        .all(|p| p[0].is_ascii_alphabetic() && p[1] == b'.')
        };
        let mut words: Vec<String> = Vec::new();
        for a in ABBREVIATIONS {
            let a = String::from_utf8_lossy(a);
            words.extend([
                format!("{a}."),
                format!("({}.", a.to_uppercase()),
                format!("{a}x."),
                format!("\0{a}."),
                format!("{a}\u{e9}."),
            ]);
        }
        words.extend(["", ".", "U.S.", "abcdefghijklmnopq.", "Mr..", "é."].map(String::from));
        for w in &words {
            assert_eq!(is_abbreviation(w), reference(w), "{w:?}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let d = Document::new(text);
        d.sentences.iter().map(|s| d.slice(&s.span)).collect()
    }

    #[test]
    fn splits_paragraphs_on_blank_lines_including_crlf() {
        let d = Document::new("Title\r\n\r\nFirst para.\r\nstill first.\r\n  \r\nSecond.");
        let p: Vec<&str> = d.paragraphs.iter().map(|p| d.slice(p)).collect();
        assert_eq!(p, vec!["Title", "First para.\r\nstill first.", "Second."]);
        assert_eq!(d.headline.as_ref().map(|h| d.slice(h)), Some("Title"));
    }

    #[test]
    fn sentence_boundaries_skip_abbreviations_and_initials() {
        assert_eq!(
            sentences("Gen. Smith met Mr. J. Doe in the U.S. on Jan. 5. Then he left! \"Why?\" she asked."),
            vec![
                "Gen. Smith met Mr. J. Doe in the U.S. on Jan. 5.",
                "Then he left!",
                "\"Why?\" she asked."
            ]
        );
    }

    #[test]
    fn sentence_ends_after_closing_quote() {
        assert_eq!(
            sentences("He said \"it is over.\" Police left."),
            vec!["He said \"it is over.\"", "Police left."]
        );
    }

    #[test]
    fn finds_datelines_of_several_styles() {
        for (text, want) in [
            (
                "Headline here\n\nGENEVA, Jan 6 (Wire) — The UN said.",
                "GENEVA, Jan 6 (Wire) —",
            ),
            (
                "SAN SALVADOR, 25 Aug 88 (Radio) -- Troops clashed.",
                "SAN SALVADOR, 25 Aug 88 (Radio) --",
            ),
            (
                "DAYTON, Ohio (Wire) — A gunman opened fire.",
                "DAYTON, Ohio (Wire) —",
            ),
            (
                "FRANKLIN (Feb. 4, 2014) – Authorities believe",
                "FRANKLIN (Feb. 4, 2014) –",
            ),
        ] {
            let d = Document::new(text);
            assert_eq!(
                d.dateline.as_ref().map(|s| d.slice(s)),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn ordinary_leads_have_no_dateline() {
        for text in [
            "A jail inmate trying to escape wrestled a gun - then fled.",
            "Police said on Monday that",
        ] {
            assert_eq!(Document::new(text).dateline, None, "{text}");
        }
    }

    #[test]
    fn next_stop_finds_the_first_stop_as_a_plain_search_does() {
        let mut rng = crate::testing::Rng(0x3017_0003);
        let pieces = [
            "word", " ", ".", "!", "?", "é", "…", "Mr", ",", "\n", "\"", "abcdefgh",
        ];
        let mut far = 0;
        for _ in 0..2_000 {
            let n = rng.next() % 40;
            let text: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            let b = text.as_bytes();
            let from = (rng.next() % (b.len() as u64 + 1)) as usize;
            let end = from + (rng.next() % (b.len() - from + 1) as u64) as usize;
            let plain = (from..end)
                .find(|&i| matches!(b[i], b'.' | b'!' | b'?'))
                .unwrap_or(end);
            assert_eq!(next_stop(b, from, end), plain, "{text:?} {from}..{end}");
            far += usize::from(plain >= from + 8);
        }
        // Many stops lie eight bytes or more on: the path that reads eight at a time.
        assert!(far > 200, "{far}");
    }

    #[test]
    fn empty_text_has_no_structure() {
        let d = Document::new("  \n\n ");
        assert!(d.paragraphs.is_empty() && d.sentences.is_empty() && d.headline.is_none());
    }
}
