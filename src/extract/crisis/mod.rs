//! What kind of crisis: trigger words weighted by where they stand, ranked into candidates.
//!
//! Every trigger phrase of `triggers.txt` found in the text adds its weight to its crisis
//! type, multiplied by the position of the sentence: the headline and lead count three times,
//! the next paragraphs twice, the rest once; a sentence that names casualties or damage
//! (`incident.txt`) counts half again, since the type comes from the incident the article
//! reports rather than from its background. Setting nouns (`setting.txt`: troops, guerrillas;
//! `places.txt`: building, refinery) say who and where, not what happened: they count once a
//! sentence, little beside an event word, and place nouns alone make no crisis. Candidates are
//! the types in order of score, with scores normalized to shares; each candidate lists the
//! trigger words behind it. With no trigger at all the type is `other`. Countries are chosen
//! from the located places.

use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};
use std::sync::LazyLock;

use crate::document::Document;
use crate::extract::locations::Places;
use crate::model::CrisisCandidate;
use crate::vocab::{PhraseMatch, WordBuildHasher};

use crate::vocab::WordPhrases;

mod heads;

use heads::Heads;

/// One line of `triggers.txt`.
struct Trigger {
    /// Index into [`Triggers::kinds`].
    kind: usize,
    weight: f64,
    /// A setting noun (`setting.txt`, `places.txt`): counts once per sentence and type.
    actor: bool,
    /// A place or object noun (`places.txt`): no crisis on its own.
    place: bool,
}

struct Triggers {
    set: WordPhrases,
    table: Vec<Trigger>,
    /// The crisis types, in the order of their first line: scores are kept in a slice
    /// indexed by type rather than a map keyed by name.
    kinds: Vec<&'static str>,
    /// The first words of the trigger phrases and of the incident words
    /// ([`TRIGGER_LIST`], [`INCIDENT_LIST`]): the word starts where either list may match.
    heads: Heads,
}

/// The list of [`Heads`] for the trigger phrases.
const TRIGGER_LIST: u8 = 1 << 0;
/// The list of [`Heads`] for the incident words.
const INCIDENT_LIST: u8 = 1 << 1;

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut table = Vec::new();
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut phrases = Vec::new();
    let lists = [
        (include_str!("triggers.txt"), false, false),
        (include_str!("setting.txt"), true, false),
        (include_str!("places.txt"), true, true),
    ];
    for (list, actor, place) in lists {
        for line in crate::vocab::entries(list) {
            let mut f = line.split('\t');
            let (Some(kind), Some(w), Some(phrase)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let kind = match kinds.iter().position(|&k| k == kind) {
                Some(k) => k,
                None => {
                    kinds.push(kind);
                    kinds.len() - 1
                }
            };
            table.push(Trigger {
                kind,
                weight: w.parse().unwrap_or(1.0),
                actor,
                place,
            });
            phrases.push(phrase);
        }
    }
    let incident: Vec<&str> = incident_list().collect();
    Triggers {
        heads: Heads::new([&phrases, &incident]),
        set: WordPhrases::new(phrases),
        table,
        kinds,
    }
});

/// The entries of `incident.txt`.
fn incident_list() -> impl Iterator<Item = &'static str> {
    crate::vocab::entries(include_str!("incident.txt"))
}

/// Words that mark a sentence as telling the incident itself (`incident.txt`).
static INCIDENT: LazyLock<WordPhrases> = LazyLock::new(|| WordPhrases::new(incident_list()));

/// What an actor noun counts in a sentence that also names what happened.
const ACTOR_BESIDE_EVENT: f64 = 0.25;

/// How much more a trigger counts in a sentence that reports casualties or damage.
const INCIDENT_BOOST: f64 = 1.5;

/// For each sentence of `doc`, whether it names casualties or damage (rule
/// `incident_sentences_count_more`): the type comes from the incident the article reports,
/// so such sentences outweigh background and commentary.
fn incident_sentences(doc: &Document) -> Vec<bool> {
    let mut marked = vec![false; doc.sentences.len()];
    for m in INCIDENT.find_at(&doc.flat, &doc.word_starts) {
        if let Some(i) = doc.sentence_at(m.start) {
            marked[i] = true;
        }
    }
    marked
}

/// [`Document::sentence_at`] for positions asked in increasing order: a walk instead of a
/// binary search each time.
struct SentenceCursor<'d, 'a> {
    doc: &'d Document<'a>,
    at: usize,
}

impl SentenceCursor<'_, '_> {
    /// The sentence of `pos` (0 without sentences, as `sentence_at(pos).unwrap_or(0)`); `pos`
    /// is at least the last one asked.
    fn sentence(&mut self, pos: usize) -> usize {
        let s = &self.doc.sentences;
        while s.get(self.at + 1).is_some_and(|n| n.span.start <= pos) {
            self.at += 1;
        }
        self.at
    }
}

/// The trigger matches of `doc` with their sentences (month names dropped), and per
/// sentence whether it is an incident sentence: what [`scan_plain`] finds, with the lists
/// asked only at the word starts the first-word table lets through ([`Heads`]), and the
/// incident words looked for in the same walk.
///
/// A sentence is an incident sentence when an incident word matches at one of its word
/// starts (from its start, or the text's for the first, to the next sentence's start): the
/// words are single words or stems, which end at the sentence's final punctuation, so no
/// match runs from one sentence into the next and a word start that matches alone is one
/// the search of the whole text finds.
fn scan_indexed(doc: &Document) -> (Vec<(PhraseMatch<'static>, usize)>, Vec<bool>) {
    let t = &*TRIGGERS;
    let bytes = doc.flat.as_bytes();
    let n = doc.word_starts.len();
    // The starts each list may match at, written whatever the table says and kept by moving
    // on past them only where it lets them through: no branch on the table's answer, which
    // the processor could not foresee (a word in ten or so is let through). The buffer is
    // not cleared: the first `kept` entries are each written by this article before they are
    // read (entry `j` last while `kept` is `j`, by the `j`-th start let through), so what
    // the last article left in it is never read, and only room it lacks is filled in.
    let mut buffer = SCAN_STARTS.take();
    if buffer.len() < 2 * n {
        buffer.resize(2 * n, 0);
    }
    let (starts, incident_starts) = buffer[..2 * n].split_at_mut(n);
    let (mut kept, mut incident_kept) = (0, 0);
    for &s in &doc.word_starts {
        // Most words are turned away by their first three bytes (a start `at` would turn
        // away moves nothing).
        if !t.heads.may_open(bytes, s as usize) {
            continue;
        }
        let may = t.heads.at(bytes, s as usize);
        // (`kept` and `incident_kept` are at most the number of starts before `s`.)
        if let (Some(a), Some(b)) = (starts.get_mut(kept), incident_starts.get_mut(incident_kept)) {
            *a = s;
            *b = s;
        }
        kept += usize::from(may & TRIGGER_LIST != 0);
        incident_kept += usize::from(may & INCIDENT_LIST != 0);
    }
    let mut incident = vec![false; doc.sentences.len()];
    let mut cursor = SentenceCursor { doc, at: 0 };
    for s in &incident_starts[..incident_kept] {
        let i = cursor.sentence(*s as usize);
        if let Some(marked) = incident.get_mut(i) {
            if !*marked {
                *marked = INCIDENT
                    .find_at(&doc.flat, std::slice::from_ref(s))
                    .next()
                    .is_some();
            }
        }
    }
    // The lists skip the starts where they cannot match: they find what they find at every
    // word start (a start that matches nothing moves nothing).
    let mut cursor = SentenceCursor { doc, at: 0 };
    let mut matches = Vec::with_capacity(kept);
    matches.extend(
        t.set
            .find_at(&doc.flat, &starts[..kept])
            .filter(|m| !is_month_march(doc, m.start, m.end))
            .map(|m| {
                let sentence = cursor.sentence(m.start);
                (m, sentence)
            }),
    );
    // A long article's room is given back rather than kept for the thread's next text.
    if buffer.len() > SCAN_STARTS_KEPT_AT_MOST {
        buffer.truncate(SCAN_STARTS_KEPT_AT_MOST);
        buffer.shrink_to_fit();
    }
    SCAN_STARTS.set(buffer);
    (matches, incident)
}

thread_local! {
    /// The word starts [`scan_indexed`] keeps, for each list: a buffer kept from article to
    /// article (two words of four bytes per word start of the article).
    static SCAN_STARTS: std::cell::Cell<Vec<u32>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Room for more word starts than this (an article of some 200 KB) is not kept in
/// [`SCAN_STARTS`].
const SCAN_STARTS_KEPT_AT_MOST: usize = 1 << 16;

/// The trigger matches of `doc` with their sentences (month names dropped), and per sentence
/// whether it is an incident sentence: the lists searched at every word start (or, for a
/// text too long to index, walked). The reference of [`scan_indexed`].
fn scan_plain(doc: &Document) -> (Vec<(PhraseMatch<'static>, usize)>, Vec<bool>) {
    let matches = TRIGGERS
        .set
        .find_at(&doc.flat, &doc.word_starts)
        .filter(|m| !is_month_march(doc, m.start, m.end))
        .map(|m| {
            let sentence = doc.sentence_at(m.start).unwrap_or(0);
            (m, sentence)
        })
        .collect();
    (matches, incident_sentences(doc))
}

/// Rule `march_the_month_is_no_protest`: "March" with a capital letter is the month ("on 19
/// March", "March 7") unless it opens a sentence and no number follows; only then, or in
/// lower case, is it a protest march.
fn is_month_march(doc: &Document, start: usize, end: usize) -> bool {
    if doc.flat.get(start..end) != Some("March") {
        return false;
    }
    let opens_sentence = doc
        .sentence_at(start)
        .is_some_and(|i| doc.sentences[i].span.start == start);
    let number_follows = doc.flat[end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    !opens_sentence || number_follows
}

/// The crisis type and its ranked candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The best candidate's type, or `other`.
    pub kind: crate::model::Term,
    /// Candidates, best first.
    pub candidates: Vec<CrisisCandidate>,
}

fn position_weight(doc: &Document, pos: usize) -> f64 {
    if doc.headline.as_ref().is_some_and(|h| h.contains(&pos)) {
        return 3.0;
    }
    let first_body = usize::from(doc.headline.is_some());
    match doc.paragraph_at(pos) {
        Some(p) if p <= first_body => 3.0,
        Some(p) if p <= first_body + 2 => 2.0,
        _ => 1.0,
    }
}

/// Classifies the article.
pub fn classify(doc: &Document) -> Classification {
    // A text too long to index by word starts is walked by the lists themselves.
    let (matches, incident) = if doc.word_starts.is_empty() && !doc.flat.is_empty() {
        scan_plain(doc)
    } else {
        scan_indexed(doc)
    };
    rank(doc, &matches, &incident)
}

/// A trigger word behind a type: the type, the word as first seen (lower-cased only when it
/// is not ASCII; an ASCII word is lower-cased when it is reported, so no allocation per match
/// or per word never shown), and the weight it brought.
type Tally<'t> = (usize, Cow<'t, str>, f64);

/// The lower-case form of a trigger word, borrowed when it already is.
fn lower_case(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// `a` and `b` ordered as their lower-case forms are when [`rank`] reports them: an ASCII
/// word is lower-cased then, and a non-ASCII one already is (`to_lowercase` makes no ASCII
/// capital letter), so lower-casing its ASCII bytes again changes nothing.
fn cmp_lowered(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The classification from the trigger matches (with their sentences) and the incident
/// sentences.
fn rank(
    doc: &Document,
    matches: &[(PhraseMatch<'static>, usize)],
    incident: &[bool],
) -> Classification {
    let t = &*TRIGGERS;
    // Rule `actor_nouns_only_without_an_event_word`: sentences that name what happened
    // (a trigger of weight 2 or more) are typed by that, not by who was there.
    let mut has_event = vec![false; doc.sentences.len().max(1)];
    for (m, sentence) in matches {
        if m.entries
            .iter()
            .any(|&i| !t.table[i].actor && t.table[i].weight >= 2.0)
        {
            has_event[*sentence] = true;
        }
    }
    // Each type's total weight, `None` for a type no word points to.
    let mut scores: Vec<Option<f64>> = vec![None; t.kinds.len()];
    // The words behind every type in one list, in the order first seen (a list per type
    // grew several times in most articles).
    let mut words: Vec<Tally> = Vec::with_capacity(matches.len());
    // Where each type's word, by its lower-case form, is in `words`: a look-up per match
    // (scanning `words` made an article of many distinct trigger words, "protestA1",
    // "protestA2" …, quadratic).
    // (Sized once for every match: it grew three times in an average article.)
    let mut index: HashMap<(usize, Cow<str>), usize, WordBuildHasher> =
        HashMap::with_capacity_and_hasher(matches.len(), WordBuildHasher::default());
    // Whether some word other than a place noun points to a type.
    let mut evented = false;
    // Types an actor noun has already counted for in the current sentence (matches come in
    // text order, so the list is emptied at each new sentence and stays short).
    let mut actor_seen: Vec<usize> = Vec::new();
    let mut seen_in = usize::MAX;
    for (m, sentence) in matches {
        let sentence = *sentence;
        if sentence != seen_in {
            actor_seen.clear();
            seen_in = sentence;
        }
        let boost = if incident.get(sentence).copied().unwrap_or(false) {
            INCIDENT_BOOST
        } else {
            1.0
        };
        let place = position_weight(doc, m.start) * boost;
        let word = &doc.flat[m.start..m.end];
        for trig in m
            .entries
            .iter()
            .map(|&i| &t.table[i])
            .filter(|t| t.weight > 0.0)
        {
            let mut w = trig.weight * place;
            if trig.actor {
                if actor_seen.contains(&trig.kind) {
                    continue;
                }
                actor_seen.push(trig.kind);
                if has_event[sentence] {
                    w *= ACTOR_BESIDE_EVENT;
                }
            }
            *scores[trig.kind].get_or_insert(0.0) += w;
            evented |= !trig.place;
            // Words are told apart by their lower-case forms: "ÉVACUÉS" is "évacués" (a
            // comparison ignoring ASCII case only counted it anew at each match).
            let lower = lower_case(word);
            match index.entry((trig.kind, lower)) {
                Entry::Occupied(e) => {
                    if let Some(entry) = words.get_mut(*e.get()) {
                        entry.2 += w;
                    }
                }
                Entry::Vacant(e) => {
                    let shown = if word.is_ascii() {
                        Cow::Borrowed(word)
                    } else {
                        e.key().1.clone()
                    };
                    e.insert(words.len());
                    words.push((trig.kind, shown, w));
                }
            }
        }
    }
    // Rule `place_nouns_alone_are_no_crisis`: "a new library building": with nothing but
    // place nouns, nothing happened.
    if !evented {
        scores.iter_mut().for_each(|s| *s = None);
    }
    let total: f64 = scores.iter().flatten().sum();
    let mut ranked: Vec<(usize, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.map(|s| (k, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(t.kinds[a.0].cmp(t.kinds[b.0])));
    // Each type's words together, strongest first (a stable sort: words of equal weight and
    // form stay in the order first seen, as in a list per type).
    words.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.2.total_cmp(&a.2))
            .then_with(|| cmp_lowered(&a.1, &b.1))
    });
    let candidates: Vec<CrisisCandidate> = ranked
        .into_iter()
        .take(5)
        .map(|(k, s)| {
            let from = words.partition_point(|w| w.0 < k);
            // Only the words shown are lower-cased.
            let triggers = words[from..]
                .iter()
                .take_while(|w| w.0 == k)
                .take(5)
                .map(|(_, w, _)| match w {
                    Cow::Borrowed(w) => w.to_ascii_lowercase(),
                    Cow::Owned(w) => w.clone(),
                })
                .collect();
            CrisisCandidate {
                kind: t.kinds[k].into(),
                score: (s / total * 1000.0).round() / 1000.0,
                triggers,
            }
        })
        .collect();
    Classification {
        kind: candidates
            .first()
            .map_or_else(|| "other".into(), |c| c.kind.clone()),
        candidates,
    }
}

/// The countries where the crisis takes place.
///
/// Every mention of a place votes for its country, weighted by where it stands (headline and
/// lead count more); a demonym ("Kazakh police") votes half; the dateline's place votes
/// little unless the body names its country too, since a press office (Geneva) is not where
/// the crisis happens. Countries with at
/// least 40% of the leader's weight are kept, strongest first.
pub fn countries(doc: &Document, places: &Places) -> Vec<String> {
    countries_with(doc, places, refuge_mention)
}

/// [`countries`] with `refuge` as the test of a mention in a refuge clause ([`refuge_mention`],
/// or its plain form in the tests).
fn countries_with<'p>(
    doc: &Document,
    places: &'p Places,
    refuge: impl Fn(&Document, usize) -> bool,
) -> Vec<String> {
    // The names are borrowed from `places` while the votes are counted, and copied only for
    // the countries kept; one allocation holds as many countries as there are places and
    // demonyms (a list grown one country at a time was reallocated in most articles).
    let mut votes: Vec<(&'p str, f64, usize)> =
        Vec::with_capacity(places.locations.len() + places.demonyms.len());
    let mut add = |c: &'p str, w: f64, pos: usize| match votes.iter_mut().find(|v| v.0 == c) {
        Some(v) => {
            v.1 += w;
            v.2 = v.2.min(pos);
        }
        None => votes.push((c, w, pos)),
    };
    let in_dateline = |pos: usize| doc.dateline.as_ref().is_some_and(|d| d.contains(&pos));
    // Countries named in the body; a dateline's country counts fully only when the body
    // names it too (a US local story), and little when it does not (a press office).
    let in_body: Vec<&str> = places
        .locations
        .iter()
        .filter(|l| l.mentions.iter().any(|m| !in_dateline(m.start)))
        .filter_map(|l| l.country.as_deref())
        .collect();
    for l in &places.locations {
        let Some(c) = &l.country else { continue };
        // (Asked once per place, not per mention: a long article names a country hundreds
        // of times.)
        let named_in_body = in_body.contains(&&**c);
        for m in &l.mentions {
            let w = match (in_dateline(m.start), named_in_body) {
                (true, true) => 1.0,
                (true, false) => 0.3,
                (false, _) => position_weight(doc, m.start),
            };
            let w = if refuge(doc, m.start) {
                w * REFUGE_WEIGHT
            } else {
                w
            };
            add(c, w, m.start);
        }
    }
    for (c, span) in &places.demonyms {
        add(c, 0.5 * position_weight(doc, span.start), span.start);
    }
    votes.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    // A crisis country carries at least half the weight of the first one; below that it is
    // named in passing (a donor, a neighbour, a speaker's nationality).
    let top = votes.first().map_or(0.0, |v| v.1);
    votes
        .into_iter()
        .filter(|v| v.1 >= 0.5 * top)
        .map(|v| v.0.to_string())
        .collect()
}

/// What a country named as a refuge or an origin of people on the move counts.
const REFUGE_WEIGHT: f64 = 0.2;

/// Words of flight and return before "to", "into", "from" or "across" ("fled to Uganda",
/// "crossed the border from Pakistan", "returned from Iran").
const MOVEMENT_WORDS: &[&str] = &[
    "fled",
    "flee",
    "flees",
    "fleeing",
    "crossed",
    "cross",
    "crossing",
    "returned",
    "returning",
    "returnee",
    "returnees",
    "refugee",
    "refugees",
    "repatriated",
    "deported",
    "displaced",
    "displacement",
    "border",
];

/// Rule `refuge_countries_are_not_where_the_crisis_is`: a place after "fled to", "crossed
/// into", "returned from" (also inside a list: "from Iran and Pakistan") is where people
/// fled to or came back from, not where the crisis happens.
///
/// The words are the runs of ASCII letters, digits and hyphens, read backwards byte by byte:
/// every byte of a non-ASCII character is a separator as the character is, so the runs are
/// those of a split by characters ([`refuge_mention_plain`]), without decoding any.
fn refuge_mention(doc: &Document, pos: usize) -> bool {
    let before = sentence_before(doc, pos);
    let mut words = before
        .as_bytes()
        .rsplit(|&b| !b.is_ascii_alphanumeric() && b != b'-')
        .filter(|w| !w.is_empty());
    // Back over a list of capitalized names to the preposition: "to", "into" and "across"
    // say where people went; "from" only says where they came back from after a word of
    // return ("fled from" names where the crisis is).
    let mut preposition = None;
    for w in words.by_ref().take(8) {
        if [&b"to"[..], b"into", b"from", b"across"].contains(&w) {
            preposition = Some(w);
            break;
        }
        let listed = w == b"and" || w == b"or" || w.first().is_some_and(u8::is_ascii_uppercase);
        if !listed {
            break;
        }
    }
    let Some(preposition) = preposition else {
        return false;
    };
    let list: &[&str] = if preposition == b"from" {
        RETURN_WORDS
    } else {
        MOVEMENT_WORDS
    };
    words
        .take(6)
        .any(|w| list.iter().any(|m| m.as_bytes().eq_ignore_ascii_case(w)))
}

/// The text of the sentence holding `pos`, from its start up to `pos` (of the flat text).
fn sentence_before<'d>(doc: &'d Document, pos: usize) -> &'d str {
    let from = doc
        .sentence_at(pos)
        .and_then(|i| doc.sentences.get(i))
        .map_or(0, |s| s.span.start.min(pos));
    doc.flat.get(from..pos).unwrap_or("")
}

/// [`refuge_mention`] as first written, splitting the text before the place by characters:
/// its reference.
#[cfg(test)]
fn refuge_mention_plain(doc: &Document, pos: usize) -> bool {
    let before = sentence_before(doc, pos);
    let mut words = before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .rev()
        .filter(|w| !w.is_empty());
    let mut preposition = None;
    for w in words.by_ref().take(8) {
        if ["to", "into", "from", "across"].contains(&w) {
            preposition = Some(w);
            break;
        }
        let listed = w == "and" || w == "or" || w.starts_with(|c: char| c.is_ascii_uppercase());
        if !listed {
            break;
        }
    }
    let Some(preposition) = preposition else {
        return false;
    };
    let list: &[&str] = if preposition == "from" {
        RETURN_WORDS
    } else {
        MOVEMENT_WORDS
    };
    words
        .take(6)
        .any(|w| list.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

/// Words of return before "from" ("returned from Iran"): the place is a refuge left behind.
const RETURN_WORDS: &[&str] = &[
    "returned",
    "returning",
    "returnee",
    "returnees",
    "repatriated",
    "deported",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> String {
        classify(&Document::new(text)).kind.into_owned()
    }

    #[test]
    fn lead_words_decide() {
        assert_eq!(
            kind("Thousands of protesters clashed with police in the capital."),
            "civil_unrest"
        );
        assert_eq!(
            kind("A magnitude 6.8 earthquake struck the region, toppling buildings."),
            "earthquake"
        );
        assert_eq!(
            kind("Floods swept through the valley after torrential rain."),
            "flood"
        );
        assert_eq!(kind("The council approved a new library budget."), "other");
    }

    #[test]
    fn candidates_show_their_triggers() {
        let c = classify(&Document::new(
            "A suicide bombing at a market killed 20. The bomber detonated a vest.",
        ));
        assert_eq!(c.kind, "terrorist_attack");
        assert!(
            c.candidates[0]
                .triggers
                .iter()
                .any(|t| t == "suicide bombing"),
            "{:?}",
            c.candidates
        );
    }

    #[test]
    fn incident_sentences_count_more() {
        let doc = Document::new(
            "Rebels bombed the market in Velora, killing four. Talks on the dam resumed.",
        );
        assert_eq!(incident_sentences(&doc), vec![true, false]);
    }

    /// Trigger words behind a type, with the weight each contributed.
    type Words = Vec<(String, f64)>;

    /// The classification as first written: the plain scan, scores in a map keyed by type
    /// name, every word lower-cased when first seen.
    fn classify_reference(doc: &Document) -> Classification {
        use std::collections::HashMap;
        let t = &*TRIGGERS;
        let (matches, incident) = scan_plain(doc);
        let mut has_event = vec![false; doc.sentences.len().max(1)];
        for (m, sentence) in &matches {
            if m.entries
                .iter()
                .any(|&i| !t.table[i].actor && t.table[i].weight >= 2.0)
            {
                has_event[*sentence] = true;
            }
        }
        let mut scores: HashMap<&str, (f64, Words)> = HashMap::new();
        let mut evented = false;
        let mut actor_seen: Vec<&str> = Vec::new();
        let mut seen_in = usize::MAX;
        for (m, sentence) in &matches {
            let sentence = *sentence;
            if sentence != seen_in {
                actor_seen.clear();
                seen_in = sentence;
            }
            let boost = if incident[sentence] {
                INCIDENT_BOOST
            } else {
                1.0
            };
            let place = position_weight(doc, m.start) * boost;
            let word = &doc.flat[m.start..m.end];
            for trig in m.entries.iter().map(|&i| &t.table[i]) {
                if trig.weight <= 0.0 {
                    continue;
                }
                let kind = t.kinds[trig.kind];
                let mut w = trig.weight * place;
                if trig.actor {
                    if actor_seen.contains(&kind) {
                        continue;
                    }
                    actor_seen.push(kind);
                    if has_event[sentence] {
                        w *= ACTOR_BESIDE_EVENT;
                    }
                }
                let e = scores.entry(kind).or_default();
                e.0 += w;
                evented |= !trig.place;
                match e.1.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(word)) {
                    Some(entry) => entry.1 += w,
                    None => e.1.push((word.to_lowercase(), w)),
                }
            }
        }
        if !evented {
            scores.clear();
        }
        let total: f64 = scores.values().map(|v| v.0).sum();
        let mut ranked: Vec<(&str, f64, Words)> =
            scores.into_iter().map(|(k, (s, w))| (k, s, w)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let candidates: Vec<CrisisCandidate> = ranked
            .into_iter()
            .take(5)
            .map(|(k, s, mut words)| {
                words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                CrisisCandidate {
                    kind: k.to_string().into(),
                    score: (s / total * 1000.0).round() / 1000.0,
                    triggers: words.into_iter().take(5).map(|(w, _)| w).collect(),
                }
            })
            .collect();
        Classification {
            kind: candidates
                .first()
                .map_or_else(|| "other".into(), |c| c.kind.clone()),
            candidates,
        }
    }

    /// The scan through the first-word table finds the matches and incident sentences of
    /// the plain scan, and the classification is the first version's, on written and on
    /// generated text.
    #[test]
    fn fast_scan_and_ranking_agree_with_the_first_version() {
        let mut texts: Vec<String> = [
            "",
            "Rebels bombed the market in Velora, killing four. Talks on the dam resumed.",
            "Death-toll rises.  Deaths.\u{a0}Killed! Hurt? \u{201c}Wounded.\u{201d} Injured",
            "  ...killed. \n\nThe bodies; victims.Destroyed (dead) [damaged]",
            "Quake hits Orvane\n\nA flood of refugees; the party won by a landslide.\n\n\
             Protesters clashed with\npolice. March 3. March on! The former forces fired.",
            "ÉVACUÉS évacués Évacués protest PROTEST Protests",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        const PIECES: &[&str] = &[
            "killed",
            "Death",
            "deaths",
            "death-",
            "toll",
            "hurt",
            "Bodies",
            "the",
            "a",
            "A",
            "flood",
            "Floods",
            "of",
            "by",
            "landslide",
            "protest",
            "Protesters",
            "note",
            "clashed",
            "with",
            "police",
            "March",
            "march",
            "troops",
            "army",
            "rebels",
            "bomb",
            "car",
            "building",
            "bus",
            "mine",
            "river",
            "fire",
            "opened",
            "forces",
            "former",
            "more",
            "mortar",
            "sit-in",
            "market",
            " ",
            " ",
            "  ",
            ". ",
            ".",
            "! ",
            "? ",
            "\n",
            "\n\n",
            "\t",
            "\u{a0}",
            "\u{201d} ",
            "\u{2019}",
            "-",
            "\"",
            "(",
            ") ",
            "Police",
            "é",
            "É",
            "Mr. ",
            "3",
            ", ",
        ];
        let mut rng = crate::testing::Rng(0xD6E8_FEB8_6659_FD93);
        let n = crate::testing::cases("CRISIS_CASES", 5_000);
        for _ in 0..n {
            let k = (rng.next() % 60) as usize;
            texts.push((0..k).map(|_| rng.pick(PIECES)).collect());
        }
        let (mut matched, mut incident, mut typed) = (0, 0, 0);
        for t in &texts {
            let doc = Document::new(t);
            let (fast, fast_incident) = scan_indexed(&doc);
            let (plain, plain_incident) = scan_plain(&doc);
            assert_eq!(fast, plain, "{t:?}");
            assert_eq!(fast_incident, plain_incident, "{t:?}");
            let c = classify(&doc);
            assert_eq!(c, classify_reference(&doc), "{t:?}");
            matched += usize::from(!fast.is_empty());
            incident += usize::from(fast_incident.contains(&true));
            typed += usize::from(c.candidates.len() > 1);
        }
        // The generated texts find triggers, incident sentences and several types.
        assert!(matched > n / 2, "{matched} {incident} {typed}");
        assert!(incident > n / 4, "{incident}");
        assert!(typed > n / 4, "{typed}");
    }

    #[test]
    fn actor_nouns_only_without_an_event_word() {
        // Guerrillas, soldiers and troops fill the text; the incident is a bomb.
        let text = "Guerrillas planted a bomb at the town hall of San Aurelio last night, \
            destroying its archive.\n\nIn other military actions, soldiers and army troops \
            patrolled near the guerrilla camps; the army said its troops and soldiers were \
            ready.";
        assert_eq!(kind(text), "terrorist_attack");
        // With no event word, the actors still tell the type.
        assert_eq!(
            kind("Army troops and rebel fighters were both reported near the river port."),
            "armed_conflict"
        );
    }

    #[test]
    fn march_the_month_is_no_protest() {
        let doc = Document::new("On 19 March the council met. March 7 was quiet. March on!");
        let at = |w: &str, n: usize| doc.flat.match_indices(w).nth(n).map_or(0, |m| m.0);
        assert!(is_month_march(&doc, at("March", 0), at("March", 0) + 5));
        assert!(is_month_march(&doc, at("March", 1), at("March", 1) + 5));
        assert!(!is_month_march(&doc, at("March", 2), at("March", 2) + 5));
        assert_eq!(
            kind("The vote was held on 4 March, officials said."),
            "other"
        );
        assert_eq!(
            kind("Thousands joined a march through the capital."),
            "civil_unrest"
        );
    }

    #[test]
    fn shields_keep_words_from_their_other_senses() {
        assert_eq!(
            kind("The ministry sent a protest note to its neighbour over the border."),
            "other"
        );
        assert_eq!(kind("She won the mayoral race by a landslide."), "other");
        assert_eq!(
            kind("Troops returned the fire; mortar fire hit the outpost and wounded two."),
            "armed_conflict"
        );
        assert_eq!(
            kind("Two masked men stabbed the deputy mayor; police called it a murder."),
            "terrorist_attack"
        );
    }

    #[test]
    fn refuge_countries_are_not_where_the_crisis_is() {
        let doc =
            Document::new("More than 4,000 Malians have fled to Niger and Burkina Faso since May.");
        let at = |w: &str| doc.flat.find(w).unwrap_or(0);
        assert!(refuge_mention(&doc, at("Niger")));
        assert!(refuge_mention(&doc, at("Burkina")));
        let doc =
            Document::new("Refugees returned from Chad. Others crossed from Sudan into Chad.");
        let at = |w: &str| doc.flat.find(w).unwrap_or(0);
        assert!(refuge_mention(&doc, at("Chad")));
        assert!(!refuge_mention(&doc, at("Sudan")));
        assert!(refuge_mention(&doc, doc.flat.rfind("Chad").unwrap_or(0)));
        let doc = Document::new("Fighting spread to Niger. Families fled Agadez in Niger.");
        let at = |w: &str| doc.flat.find(w).unwrap_or(0);
        assert!(!refuge_mention(&doc, at("Niger")));
        assert!(!refuge_mention(&doc, doc.flat.rfind("Niger").unwrap_or(0)));
    }

    /// The refuge test reading bytes backwards agrees with the split by characters at every
    /// word start of written and generated sentences, and the countries counted with either
    /// test are the same; the generated cases find refuges of both kinds.
    #[test]
    fn byte_refuge_test_agrees_with_the_char_split() {
        const WORDS: &[&str] = &[
            "fled",
            "Fled",
            "to",
            "into",
            "from",
            "across",
            "returned",
            "Returnees",
            "refugees",
            "crossed",
            "border",
            "and",
            "or",
            "Niger",
            "Chad",
            "Sudan",
            "Iran",
            "Mali",
            "Burkina",
            "Faso",
            "the",
            "in",
            "É",
            "Côte",
            "d'Ivoire",
            "re-turned",
            "x1",
            "Ñ",
            "deported",
            "to",
            "from",
            "Chad",
            "Niger",
        ];
        const GAPS: &[&str] = &[
            " ", " ", " ", " ", " ", ", ", ". ", "\u{a0}", "\u{2019}", "\n\n", "-", "É",
        ];
        let mut texts: Vec<String> = [
            "More than 4,000 Malians have fled to Niger and Burkina Faso since May.",
            "Refugees returned from Chad. Others crossed from Sudan into Chad.",
            "Fighting spread to Niger. Families fled Agadez in Niger.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut rng = crate::testing::Rng(0x5EED_0F4E_F06E);
        let n = crate::testing::cases("CRISIS_CASES", 5_000);
        for _ in 0..n {
            let k = (rng.next() % 16) as usize;
            let mut t = String::new();
            for _ in 0..k {
                t.push_str(rng.pick(WORDS));
                t.push_str(rng.pick(GAPS));
            }
            texts.push(t);
        }
        let (mut to, mut from) = (0, 0);
        for t in &texts {
            let doc = Document::new(t);
            for &w in &doc.word_starts {
                let w = w as usize;
                let fast = refuge_mention(&doc, w);
                assert_eq!(fast, refuge_mention_plain(&doc, w), "{t:?} at {w}");
                if fast {
                    let before = &doc.flat[..w];
                    if before.trim_end().ends_with("from") || before.contains("from ") {
                        from += 1;
                    } else {
                        to += 1;
                    }
                }
            }
            let places = crate::extract::locations::extract(&doc);
            assert_eq!(
                countries(&doc, &places),
                countries_with(&doc, &places, refuge_mention_plain),
                "{t:?}"
            );
        }
        assert!(to > n / 8 && from > n / 20, "{to} {from}");
    }

    #[test]
    fn place_nouns_alone_are_no_crisis() {
        assert_eq!(
            kind("The new library building will open next year beside the ferry terminal."),
            "other"
        );
        assert_eq!(
            kind("A bus crashed into a ravine, killing nine passengers."),
            "transport_accident"
        );
    }
}
