//! The extractor's examples: `corpus.txt` beside it, plus rules the corpus cannot express.

use super::*;
use std::collections::HashSet;

/// One expected figure: category, value, min, max, unit, group, source, hedged.
type Expect = (
    String,
    Option<u64>,
    Option<u64>,
    Option<u64>,
    String,
    Option<String>,
    Option<String>,
    bool,
);

/// One expected figure as the corpus writes it: `cat=killed; value=12; ...`.
fn parse_expect(line: &str) -> Expect {
    let mut cat = String::new();
    let (mut value, mut min, mut max) = (None, None, None);
    let mut unit = "people".to_string();
    let mut group = None;
    let mut source = None;
    let mut hedged = false;
    for part in line.split(';').map(str::trim) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let num = |v: &str| {
            if v == "-" {
                None
            } else {
                v.parse::<u64>().ok()
            }
        };
        match k.trim() {
            "cat" => cat = v.trim().to_string(),
            "value" => value = num(v.trim()),
            "min" => min = num(v.trim()),
            "max" => max = num(v.trim()),
            "unit" => unit = v.trim().to_string(),
            "group" => group = Some(v.trim().to_string()),
            "source" => source = Some(v.trim().to_string()),
            "hedged" => hedged = true,
            _ => {}
        }
    }
    (cat, value, min, max, unit, group, source, hedged)
}

/// Runs every example of `corpus.txt`: a sentence line `> text`, followed by expected
/// figures (`cat=killed; value=12; min=12; max=12; group=protesters`) or `none`.
#[test]
fn corpus() {
    let corpus = include_str!("corpus.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    for line in corpus.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(text) = line.strip_prefix('>') {
            blocks.push((text.trim().replace("\\n", "\n"), Vec::new()));
        } else if let Some(b) = blocks.last_mut() {
            b.1.push(line.to_string());
        }
    }
    for (text, expects) in blocks {
        cases += 1;
        let doc = Document::new(&text);
        let figs = extract(&doc, &[]);
        for f in &figs {
            assert_eq!(
                &text[f.evidence.start..f.evidence.end],
                f.evidence.text,
                "evidence of {text}"
            );
            assert!(
                f.evidence.text.contains(&f.count.text)
                    || f.count.text.is_empty()
                    || f.evidence.text.is_empty(),
                "{text}"
            );
        }
        let want: Vec<_> = expects
            .iter()
            .filter(|e| *e != "none")
            .map(|e| parse_expect(e))
            .collect();
        let mut ok = figs.len() == want.len();
        for (w, f) in want.iter().zip(&figs) {
            let (cat, value, min, max, unit, group, source, hedged) = w;
            ok &= f.category == *cat
                && f.count.value == *value
                && (min.is_none() && f.count.min.is_none()
                    || f.count.min == *min
                    || min.is_none() && value.is_some() && f.count.min == *value)
                && (max.is_none() || f.count.max == *max)
                && f.unit == *unit
                && group.as_ref().is_none_or(|g| {
                    f.group.as_deref() == Some(g.as_str()) || (g == "-" && f.group.is_none())
                })
                && source.as_ref().is_none_or(|s| {
                    f.source.as_deref() == Some(s.as_str()) || (s == "-" && f.source.is_none())
                })
                && f.hedged == *hedged;
        }
        if !ok {
            let got: Vec<String> = figs
                .iter()
                .map(|f| format!("cat={}; value={:?}; min={:?}; max={:?}; unit={}; group={:?}; source={:?}; hedged={}", f.category, f.count.value, f.count.min, f.count.max, f.unit, f.group, f.source, f.hedged))
                .collect();
            failures.push(format!("{text}\n  want: {expects:?}\n  got:  {got:#?}"));
        }
    }
    assert!(cases > 30);
    assert!(
        failures.is_empty(),
        "{} of {cases} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn summary_of(text: &str) -> BTreeMap<String, SummaryValue> {
    summarize(&extract(&Document::new(text), &[]))
}

fn sv(value: Option<u64>, min: Option<u64>, max: Option<u64>) -> SummaryValue {
    SummaryValue { value, min, max }
}

#[test]
fn summary_explicit_total_wins() {
    let s = summary_of("Twelve soldiers were killed in the first attack. Five civilians died in the second. The death toll rose to 40 on Friday.");
    assert_eq!(s["killed"].value, Some(40));
}

#[test]
fn summary_sums_distinct_groups() {
    let s = summary_of("12 officers died. Dozens of protesters were killed.");
    assert_eq!(s["killed"], sv(None, Some(36), None));
}

#[test]
fn summary_does_not_add_including_subsets() {
    let s = summary_of("The blast killed 12 people, including three children.");
    assert_eq!(s["killed"].value, Some(12));
}

#[test]
fn summary_conflicting_sources_give_bounds() {
    let s = summary_of(
        "The ministry said 40 people were killed. A rights group said 60 people were killed.",
    );
    assert_eq!(s["killed"], sv(Some(40), Some(40), Some(60)));
}

#[test]
fn summary_same_group_twice_is_not_summed() {
    let s = summary_of("A man was shot dead on Main Street. The man was killed after an argument.");
    assert_eq!(s["killed"].value, Some(1));
}

#[test]
fn summary_ignores_background() {
    let doc =
        Document::new("Three people were killed on Monday. The 2010 quake killed 200,000 people.");
    let times = vec![TimeExpr {
        span: 0..0,
        kind: "date",
        value: "2023-05-01".into(),
        day: None,
        rule: "test",
    }];
    let figs = extract(&doc, &times);
    assert!(figs
        .iter()
        .any(|f| f.background && f.count.value == Some(200_000)));
    assert_eq!(summarize(&figs)["killed"].value, Some(3));
}

#[test]
fn paragraph_source_is_carried() {
    let doc = Document::new(
        "Officials said the river burst its banks. About 300 families were evacuated.",
    );
    let f = extract(&doc, &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].source.as_deref(), Some("Officials"));
    assert_eq!(f[0].unit, "households");
}

#[test]
fn odd_input_never_panics() {
    for t in [
        "",
        "killed",
        "12",
        "é killed 12 ü",
        "no one",
        "killing",
        "The death toll rose to",
        "a and a were killed",
        "—12— were killed",
    ] {
        let doc = Document::new(t);
        let f = extract(&doc, &[]);
        let _ = summarize(&f);
    }
}

#[test]
fn an_explicit_zero_does_not_outweigh_a_positive_count() {
    let text =
        "At least 40 people were injured in the quake. No one was injured in the aftershock.";
    let doc = Document::new(text);
    let s = summarize(&extract(&doc, &[]));
    assert_eq!(s["injured"].min, Some(40), "{s:?}");
}

#[test]
fn summary_one_unnamed_person_told_twice_is_one() {
    let s = summary_of(
        "A teenager was killed on Friday night. The 16-year-old boy was shot dead near his home.",
    );
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    // Named people are told apart by name.
    let s = summary_of("The gunman killed Jane Doe. Later John Roe was found dead.");
    assert_eq!(s["killed"].value, Some(2), "{s:?}");
}

#[test]
fn summary_one_person_shot_then_dead_is_not_injured() {
    let s = summary_of("A man was shot on Main Street. He was pronounced dead at the hospital.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert!(!s.contains_key("injured"), "{s:?}");
    // A death told first, then another person's injury: both stand.
    let s = summary_of("A man was killed on Main Street. A woman was injured.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
}

#[test]
fn summary_one_person_shot_as_an_object_and_one_dead_is_not_injured() {
    // The death told first, then how it happened ("shot herself"): one victim, dead.
    let s = summary_of("A 5-year-old girl died on Sunday. She found a pistol and shot herself.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert!(!s.contains_key("injured"), "{s:?}");
    // A named death and the shooting of one person as an object: the same victim.
    let s = summary_of("The man shot his son at their home. Sam Poe died at the hospital.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert!(!s.contains_key("injured"), "{s:?}");
    // "wounded her brother" says the brother survived: both stand.
    let s = summary_of("A woman was killed on Friday. The gunman also wounded her brother.");
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
    // Two deaths: the object is not assumed to be one of them.
    let s = summary_of("The man shot his son. Sam Poe and Ann Poe died at the scene.");
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
}

#[test]
fn hospital_name_is_part_of_the_evidence() {
    let text = "Police said the boy was rushed to St. Anne's Medical Center on Friday.";
    let f = extract(&Document::new(text), &[]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].category, "injured");
    assert_eq!(f[0].count.value, Some(1));
    let e = &f[0].evidence;
    assert_eq!(e.text, "the boy was rushed to St. Anne's Medical Center");
    assert_eq!(&text[e.start..e.end], e.text);
}

#[test]
fn pronoun_victim_evidence_matches_input() {
    let text = "The driver lost control. Police said she was pronounced dead at the scene.";
    let doc = Document::new(text);
    let f = extract(&doc, &[]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].category, "killed");
    assert_eq!(f[0].count.value, Some(1));
    let e = &f[0].evidence;
    assert_eq!(e.text, "she was pronounced dead");
    assert_eq!(&text[e.start..e.end], e.text);
}

#[test]
fn a_participle_of_saying_reports_for_the_subject_and_an_open_bound_is_the_highest() {
    let text = "The ministry says 9 people have been killed in the clashes. A local monitoring group, Voces Libres, puts the toll higher, saying it has documented at least 21 deaths.";
    let figs = extract(&Document::new(text), &[]);
    let open = figs
        .iter()
        .find(|f| f.count.min == Some(21))
        .expect("the group's figure");
    assert_eq!(open.source.as_deref(), Some("A local monitoring group"));
    // Conflicting sources: the official figure, with the highest reported as the maximum.
    assert_eq!(summary_of(text)["killed"], sv(Some(9), Some(9), Some(21)));
}

#[test]
fn summary_people_shot_include_the_dead() {
    // Everyone hit, then one death: the injured are the others.
    let s = summary_of("Four people were shot on Sunday. A man died at the scene.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert_eq!(s["injured"].value, Some(3), "{s:?}");
    // "wounded" says they survived: nothing is taken off.
    let s = summary_of("Four people were wounded on Sunday. A man died at the scene.");
    assert_eq!(s["injured"].value, Some(4), "{s:?}");
    // One person dead, then how: "he was shot" is no second victim.
    let s = summary_of("A man died on Sunday. He was shot in the chest.");
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert!(!s.contains_key("injured"), "{s:?}");
}

#[test]
fn summary_descriptions_and_names_are_not_added() {
    // The same two boys described twice.
    let s = summary_of("Two teenage boys were wounded. Police said two teenagers were wounded.");
    assert_eq!(s["injured"].value, Some(2), "{s:?}");
    // Named victims stand beside the count of officers.
    let s = summary_of(
        "Two police officers were killed. Officer Jane Doe and Officer John Roe were killed.",
    );
    assert_eq!(s["killed"].value, Some(2), "{s:?}");
    // Distinct roles are still summed.
    let s = summary_of("Twelve officers died. Three protesters were killed.");
    assert_eq!(s["killed"].value, Some(15), "{s:?}");
}

/// The summary of `text`, after checking that every figure's evidence is the input at its
/// offsets.
fn checked_summary(text: &str, times: &[TimeExpr]) -> BTreeMap<String, SummaryValue> {
    let figs = extract(&Document::new(text), times);
    for f in &figs {
        assert_eq!(&text[f.evidence.start..f.evidence.end], f.evidence.text);
    }
    summarize(&figs)
}

#[test]
fn summary_one_shot_and_one_dead_told_apart_by_sex_or_suicide() {
    // A man dead and a girl shot: two people.
    let s = checked_summary(
        "A man was killed on Main Street. A girl was shot nearby.",
        &[],
    );
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
    // A man dead, then "he was shot": the same man.
    let s = checked_summary(
        "A man was killed on Main Street. He was shot in the chest.",
        &[],
    );
    assert!(!s.contains_key("injured"), "{s:?}");
    // The attacker's suicide is not the death of the deputy he wounded.
    let s = checked_summary(
        "A man opened fire on a deputy, wounding him. The man later shot and killed himself.",
        &[],
    );
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
    // A boy who shot himself and died: one victim.
    let s = checked_summary(
        "A boy accidentally shot himself at home. He later died at the hospital.",
        &[],
    );
    assert!(!s.contains_key("injured"), "{s:?}");
}

#[test]
fn summary_a_part_in_another_category_counts_when_alone() {
    let s = checked_summary("Four people were hit by gunfire. One of them died.", &[]);
    assert_eq!(s["killed"].value, Some(1), "{s:?}");
    assert_eq!(s["injured"].value, Some(3), "{s:?}");
    // A part of the same category is still no count of its own.
    let s = checked_summary(
        "Five people were wounded. Two of the wounded were flown to a trauma center.",
        &[],
    );
    assert_eq!(s["injured"].value, Some(5), "{s:?}");
}

#[test]
fn summary_leaves_out_tallies_of_several_events() {
    let s = checked_summary(
        "Two men were shot on Elm Street on Sunday. Six more people were wounded in four separate shootings across the city.",
        &[],
    );
    assert_eq!(s["injured"].value, Some(2), "{s:?}");
    let s = checked_summary(
        "A woman was wounded on Friday. Nine people were hurt in three shooting incidents overnight.",
        &[],
    );
    assert_eq!(s["injured"].value, Some(1), "{s:?}");
    // A count since a day is the article's own ("killed since Wednesday" in a storm report),
    // and so are separate incidents or attacks that are not shootings.
    let s = checked_summary(
        "The storm hit on Tuesday. Five people have been killed since Wednesday, officials said.",
        &[],
    );
    assert_eq!(s["killed"].value, Some(5), "{s:?}");
    let s = checked_summary(
        "Seven soldiers were killed in two separate incidents near the border.",
        &[],
    );
    assert_eq!(s["killed"].value, Some(7), "{s:?}");
    // One shooting is no tally.
    let s = checked_summary("Three people were wounded in the shooting on Sunday.", &[]);
    assert_eq!(s["injured"].value, Some(3), "{s:?}");
}

#[test]
fn summary_a_street_block_is_no_year() {
    let times = vec![TimeExpr {
        span: 0..0,
        kind: "date",
        value: "2016-05-01".into(),
        day: None,
        rule: "test",
    }];
    let s = checked_summary(
        "Nine people were wounded outside a club in the 1900 block of Main Street.",
        &times,
    );
    assert_eq!(s["injured"].value, Some(9), "{s:?}");
    // A year before the article's is still background.
    let s = checked_summary(
        "Two people were wounded on Sunday. In 1998 a storm injured 40 people.",
        &times,
    );
    assert_eq!(s["injured"].value, Some(2), "{s:?}");
}

#[test]
fn summary_an_ordinal_victim_makes_the_number() {
    let s = checked_summary(
        "Officers found four victims who had been struck by gunfire. A fifth victim was struck by gunfire outside the store.",
        &[],
    );
    assert_eq!(s["injured"].value, Some(5), "{s:?}");
}

/// `before` is the first piece of `split`, which it replaces in `head_of`.
#[test]
fn before_is_the_first_piece_of_split() {
    for s in [
        "",
        "a",
        " and ",
        "x and y and z",
        "two of the men in town",
        "caf\u{e9} of x",
        " of",
        "of ",
        "a  and b",
        "men in and of",
    ] {
        for p in [" and ", " of ", " in "] {
            assert_eq!(before(s, p), s.split(p).next().unwrap_or(""), "{s:?} {p:?}");
        }
    }
}

/// [`Triggers::at_word`] as first written: the phrases of the first word tried in turn,
/// longest first. The index by second word must find the same trigger.
fn at_word_reference(
    lists: &WordMap<Vec<(Vec<String>, Trigger)>>,
    t: &[Token],
    i: usize,
) -> Option<(usize, Trigger)> {
    let list = lists.get(t.get(i)?.lower)?;
    list.iter().find_map(|(rest, tr)| {
        let end = i + 1 + rest.len();
        if end > t.len() || !rest.iter().zip(&t[i + 1..end]).all(|(w, x)| *w == x.lower) {
            return None;
        }
        if tr.hospital {
            return hospital_name_end(t, end).map(|e| (e, *tr));
        }
        Some((end, *tr))
    })
}

#[test]
fn triggers_indexed_by_second_word_match_the_reference() {
    let lists = phrase_lists();
    let mut texts: Vec<String> = include_str!("corpus.txt")
        .lines()
        .map(|l| l.trim_start_matches('>').trim().to_string())
        .collect();
    // Every phrase alone, cut short and followed by a hospital's name or not, so that each
    // one (and each shorter phrase it starts with) is met.
    for (first, list) in &lists {
        for (rest, _) in list {
            let phrase = format!("{first} {}", rest.join(" "));
            texts.push(format!("{phrase} Mercy General Hospital, {phrase}."));
            texts.push(format!("{phrase} the County Jail"));
            if let Some((_, shorter)) = rest.split_last() {
                texts.push(format!("{first} {} x", shorter.join(" ")));
            }
        }
    }
    let key = |m: Option<(usize, Trigger)>| {
        m.map(|(e, tr)| {
            (
                e,
                tr.category,
                tr.forward,
                tr.backward,
                tr.total,
                tr.object,
                tr.hospital,
            )
        })
    };
    let mut matched = 0;
    for s in texts {
        let lower = s.to_ascii_lowercase();
        let mut t = Vec::new();
        numbers::tokenize_into(&s, &lower, 0, s.len(), &mut t);
        for i in 0..=t.len() {
            let reference = at_word_reference(&lists, &t, i);
            matched += usize::from(reference.is_some());
            assert_eq!(key(TRIGGERS.at_word(&t, i)), key(reference), "{s:?} at {i}");
        }
        // `find`: the plain scan, a look-up at every word, skipping what each match covers.
        let mut found = Vec::new();
        TRIGGERS.find(&lower, &t, &mut found);
        let mut plain = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match at_word_reference(&lists, &t, i).filter(|_| t[i].kind == Kind::Word) {
                Some((e, tr)) => {
                    plain.push((i, e, tr));
                    i = e;
                }
                None => i += 1,
            }
        }
        let view = |v: Vec<(usize, usize, Trigger)>| -> Vec<_> {
            v.into_iter()
                .map(|(a, e, tr)| (a, key(Some((e, tr)))))
                .collect()
        };
        assert_eq!(view(found), view(plain), "{s:?}");
    }
    // Every phrase of the list is met (not a vacuous comparison).
    assert!(
        matched > lists.values().map(Vec::len).sum::<usize>(),
        "{matched}"
    );
}

/// [`drop_restatements`] as first written: a map from (category, numbers, background) to the
/// heads kept so far, each figure's head from [`head_of`].
fn drop_restatements_reference(figures: Vec<Figure>) -> Vec<Figure> {
    type Key = (String, Option<u64>, Option<u64>, Option<u64>, bool);
    let mut seen: HashMap<Key, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for f in figures {
        let c = &f.count;
        let key = (f.category.to_string(), c.value, c.min, c.max, f.background);
        let head = head_of(&f.group);
        let head = if general_group(&f, &head) {
            String::new()
        } else {
            head
        };
        let heads = seen.entry(key).or_default();
        if !heads.is_empty() && (head.is_empty() || heads.contains(&head)) {
            continue;
        }
        heads.push(head);
        out.push(f);
    }
    out
}

#[test]
fn restatements_dropped_as_the_reference_drops_them() {
    let figure = |category: &str, value: u64, group: Option<&str>, background: bool| Figure {
        category: category.to_string().into(),
        count: Count {
            value: Some(value),
            min: Some(value),
            max: Some(value),
            approximate: false,
            text: value.to_string(),
        },
        unit: "people".into(),
        group: group.map(str::to_string),
        source: None,
        hedged: false,
        background,
        evidence: Evidence::from_bytes("x", 0, 1),
    };
    let groups = [
        None,
        Some("people"),
        Some("police officers"),
        Some("Police Officers of the city"),
        Some("two soldiers and a civilian"),
        Some("Jane Doe"),
        Some("he"),
        Some("a man"),
        Some("residents in town"),
        Some("caf\u{e9} workers"),
    ];
    let cats = ["killed", "injured"];
    // Generated lists: each a sequence of figures drawn by a small linear congruential
    // generator from few categories, numbers and groups, so that keys and heads repeat.
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % n
    };
    let mut dropped = 0;
    for _ in 0..300 {
        let len = next(12);
        let figures: Vec<Figure> = (0..len)
            .map(|_| {
                let g = groups[next(groups.len() as u64) as usize];
                let c = cats[next(2) as usize];
                figure(c, 1 + next(3), g, next(5) == 0)
            })
            .collect();
        let view = |v: &[Figure]| -> Vec<String> {
            v.iter()
                .map(|f| {
                    format!(
                        "{} {:?} {:?} {}",
                        f.category, f.count.value, f.group, f.background
                    )
                })
                .collect()
        };
        let fast = drop_restatements(figures.clone());
        let plain = drop_restatements_reference(figures.clone());
        dropped += figures.len() - plain.len();
        assert_eq!(view(&fast), view(&plain), "{:?}", view(&figures));
    }
    // Figures are dropped (and kept) often enough for the comparison to mean something.
    assert!(dropped > 100, "{dropped}");
}

/// [`ShortList::has`] (a filter on first byte and length together, then the list) answers as
/// the plain `contains` over the list, for every entry and every token of the corpus.
#[test]
fn short_lists_answer_as_their_words() {
    let lists = [
        &GAP,
        &AUXILIARIES,
        &DETERMINERS,
        &PRONOUNS,
        &HEDGES,
        &REPORTING,
    ];
    let text = include_str!("corpus.txt");
    let lower = text.to_ascii_lowercase();
    let mut t = Vec::new();
    numbers::tokenize_into(text, &lower, 0, text.len(), &mut t);
    let mut words: Vec<&str> = t.iter().map(|x| x.lower).collect();
    words.extend(["", "x", "wasx", "wa", "thereby", "i"]);
    let mut hits = 0;
    for list in lists {
        words.extend(list.words);
        for w in &words {
            hits += usize::from(list.has(w));
            assert_eq!(list.has(w), list.words.contains(w), "{w:?}");
        }
    }
    assert!(hits > 100, "{hits}");
}

/// Random text for the key word filter: trigger phrases whole, their words alone, other
/// words and numbers, in every case, glued to digits, dashes, curly quotes and accented
/// letters, or cut by them ("12killed", "—killed", "killed—dead", "killedé", "kil-led").
fn filter_text(rng: &mut crate::testing::Rng, phrases: &[String], words: &[&str]) -> String {
    const OTHER: &[&str] = &[
        "the",
        "police",
        "said",
        "officials",
        "Mr.",
        "on",
        "Monday",
        "people",
        "residents",
        "reportedly",
        "were",
        "two",
        "12",
        "1,200",
        "dozens",
        "man",
        "a",
        "near",
        "caf\u{e9}",
        "na\u{ef}ve",
        "at",
        "least",
        "of",
        "them",
        "Mercy",
        "General",
        "Hospital",
        "three",
        "children",
        "and",
        "town",
        "1999",
        "hundreds",
    ];
    const GLUE: &[&str] = &[
        " ", " ", " ", " ", " ", ", ", "  ", "\n", "\t", "-", "'", "\u{2014}", "\u{201c}",
        "\u{201d}", "\u{e9}", "7", "(", ") ", "; ", ".", "\u{2019}", "\u{a0}",
    ];
    let mut s = String::new();
    for _ in 0..1 + rng.next() % 14 {
        let w = match rng.next() % 6 {
            0 => phrases[(rng.next() % phrases.len() as u64) as usize].clone(),
            1 | 2 => rng.pick(words).to_string(),
            _ => rng.pick(OTHER).to_string(),
        };
        let w = match rng.next() % 8 {
            0 => w.to_ascii_uppercase(),
            1 => {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }
            2 if w.len() > 2 && w.is_char_boundary(2) => {
                // Cut inside: "ki7lled", "kil-led".
                format!("{}{}{}", &w[..2], rng.pick(GLUE), &w[2..])
            }
            _ => w,
        };
        s.push_str(&w);
        s.push_str(if rng.next() % 3 == 0 {
            rng.pick(GLUE)
        } else {
            " "
        });
    }
    s
}

/// The phrases of the trigger list (as text) and all their words.
fn filter_vocabulary() -> (Vec<String>, Vec<&'static str>) {
    let mut phrases = Vec::new();
    let mut words: Vec<&'static str> = Vec::new();
    for line in entries(include_str!("triggers.txt")) {
        let parts: Vec<&'static str> = line.split_whitespace().skip(2).collect();
        phrases.push(parts.join(" "));
        words.extend(parts);
    }
    (phrases, words)
}

/// The key word filter turns no sentence with a trigger away: on generated text and on
/// every sentence of the corpus, with the sentence as any slice of a longer text.
#[test]
fn key_filter_keeps_every_sentence_with_a_trigger() {
    let (phrases, words) = filter_vocabulary();
    let mut texts = corpus_texts();
    let mut rng = crate::testing::Rng(0x5eed_f17e);
    for _ in 0..crate::testing::cases("FIGURES_FILTER_CASES", 20_000) {
        texts.push(filter_text(&mut rng, &phrases, &words));
    }
    let (mut with_trigger, mut turned_away, mut kept_without) = (0, 0, 0);
    let mut found = Vec::new();
    for s in &texts {
        let lower = s.to_ascii_lowercase();
        let mut t = Vec::new();
        // The whole text, and a slice of it as a sentence of a longer text.
        let cut = |x: u64| {
            let mut c = (x % (s.len() as u64 + 1)) as usize;
            while !s.is_char_boundary(c) {
                c -= 1;
            }
            c
        };
        let (a, b) = (cut(rng.next()), cut(rng.next()));
        for (start, end) in [(0, s.len()), (a.min(b), a.max(b))] {
            t.clear();
            numbers::tokenize_into(s, &lower, start, end, &mut t);
            found.clear();
            TRIGGERS.find(&lower, &t, &mut found);
            let may = TRIGGERS.keys.may_match(&lower, start, end);
            assert!(may || found.is_empty(), "{:?}", &s[start..end]);
            with_trigger += usize::from(!found.is_empty());
            turned_away += usize::from(!may);
            kept_without += usize::from(may && found.is_empty());
        }
    }
    // Both sides are met often, and the filter is not the trigger search itself.
    assert!(
        with_trigger > texts.len() / 4 && turned_away > texts.len() / 4 && kept_without > 100,
        "{with_trigger} {turned_away} {kept_without} of {}",
        2 * texts.len()
    );
}

/// The figures and the summary with the key word filter are those without it: on the
/// corpus's texts and on generated articles of several paragraphs.
#[test]
fn figures_with_the_key_filter_are_those_without() {
    let (phrases, words) = filter_vocabulary();
    let mut texts = corpus_texts();
    let mut rng = crate::testing::Rng(0xf16_0e5);
    for _ in 0..crate::testing::cases("FIGURES_FILTER_DOCS", 1_500) {
        let mut doc = String::new();
        for _ in 0..1 + rng.next() % 8 {
            doc.push_str(&filter_text(&mut rng, &phrases, &words));
            doc.push_str(rng.pick(&[". ", ". ", "! ", "\n\n", ".\n\n", "? "]));
        }
        texts.push(doc);
    }
    let (mut figures, mut turned_away) = (0, 0);
    for text in &texts {
        let doc = Document::new(text);
        let lower = doc.flat.to_ascii_lowercase();
        turned_away += doc
            .sentences
            .iter()
            .filter(|s| !TRIGGERS.keys.may_match(&lower, s.span.start, s.span.end))
            .count();
        let filtered = extract_with(&doc, &[], true);
        let plain = extract_with(&doc, &[], false);
        assert_eq!(filtered, plain, "{text:?}");
        assert_eq!(summarize(&filtered), summarize(&plain), "{text:?}");
        figures += filtered.len();
    }
    assert!(
        figures > texts.len() / 2 && turned_away > texts.len() / 4,
        "{figures} figures, {turned_away} sentences turned away, {} texts",
        texts.len()
    );
}

/// [`Keys::may_match`] as a plain byte loop over the maximal runs of lowercase ASCII
/// letters: the reference for the 64-byte scan.
fn may_match_plain(keys: &Keys, lower: &str, start: usize, end: usize) -> bool {
    let Some(b) = lower.as_bytes().get(start..end) else {
        return true;
    };
    if !keys.complete {
        return true;
    }
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_lowercase() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        let w = &b[s..i];
        if keys.words.iter().any(|k| **k == *w) {
            return true;
        }
    }
    false
}

/// The 64-byte scan of [`Keys::may_match`] answers as the plain byte loop: on the corpus and
/// on long generated texts (several sentences of [`filter_text`], long runs of letters, key
/// words across the 64-byte blocks), each from many starts and ends.
#[test]
fn key_filter_scan_answers_as_the_byte_loop() {
    let (phrases, words) = filter_vocabulary();
    let keys = &TRIGGERS.keys;
    let mut texts = corpus_texts();
    let mut rng = crate::testing::Rng(0xb10c_0064);
    const FILL: &[&str] = &["x", "ab", "lorem", "q", " ", "7", "\u{e9}", "zz", "-"];
    for _ in 0..crate::testing::cases("FIGURES_SCAN_CASES", 4_000) {
        let mut s = String::new();
        for _ in 0..1 + rng.next() % 6 {
            // A long run of letters now and then, some of it a key word's prefix or suffix.
            if rng.next() % 4 == 0 {
                for _ in 0..rng.next() % 90 {
                    s.push_str(rng.pick(FILL));
                }
            }
            s.push_str(&filter_text(&mut rng, &phrases, &words));
        }
        texts.push(s);
    }
    let (mut found, mut crossing, mut missed) = (0, 0, 0);
    for s in &texts {
        let lower = s.to_ascii_lowercase();
        let mut bounds = vec![(0, s.len())];
        for _ in 0..6 {
            let cut = |x: u64| {
                let mut c = (x % (s.len() as u64 + 1)) as usize;
                while !s.is_char_boundary(c) {
                    c -= 1;
                }
                c
            };
            let (a, b) = (cut(rng.next()), cut(rng.next()));
            bounds.push((a.min(b), a.max(b)));
        }
        for (start, end) in bounds {
            let fast = keys.may_match(&lower, start, end);
            assert_eq!(
                fast,
                may_match_plain(keys, &lower, start, end),
                "{:?}",
                &s[start..end]
            );
            found += usize::from(fast);
            missed += usize::from(!fast);
        }
    }
    // Key words placed across every position of a block boundary, in long texts.
    for key in &keys.words {
        let key = std::str::from_utf8(key).unwrap_or("");
        for at in 40..140 {
            for fill in ["x", " ", "\u{e9}"] {
                let mut s = fill.repeat(at / fill.len());
                s.push_str(if rng.next() % 2 == 0 { " " } else { "" });
                s.push_str(key);
                s.push_str(rng.pick(&["", " ", "s", "7", "\u{e9}"]));
                s.push_str(&"y ".repeat((rng.next() % 50) as usize));
                let lower = s.to_ascii_lowercase();
                let fast = keys.may_match(&lower, 0, s.len());
                assert_eq!(fast, may_match_plain(keys, &lower, 0, s.len()), "{s:?}");
                let k = s.find(key).unwrap_or(0);
                crossing += usize::from(fast && k / 64 != (k + key.len() - 1) / 64);
            }
        }
    }
    // Both answers are met often, and key words across blocks are found.
    assert!(
        found > 1_000 && missed > 1_000 && crossing > 1_000,
        "{found} {missed} {crossing}"
    );
}

/// Every [`WordSet`] of [`WORDS`] answers as a plain hash set of its words: for every entry
/// of every list, and every token of the corpus and of generated text in any case.
#[test]
fn word_sets_answer_as_hash_sets() {
    let sections = sections();
    let section = |name: &str| section_entries(&sections, name);
    let w = &*WORDS;
    let lists: Vec<(&WordSet, Vec<&'static str>)> = vec![
        (&w.houses, section("houses")),
        (&w.households, section("households")),
        (&w.stop, section("stop")),
        (&w.link, entries(include_str!("link_words.txt")).collect()),
        (&w.persons, section("persons")),
        (&w.things, section("things")),
        (&w.attackers, section("attackers")),
        (&w.hazards, section("hazards")),
    ];
    let (phrases, vocabulary) = filter_vocabulary();
    let text = corpus_and_generated(0x5e7_5e7, "FIGURES_WORDSET_CASES", &phrases, &vocabulary);
    let lower = text.to_ascii_lowercase();
    let mut t = Vec::new();
    numbers::tokenize_into(&text, &lower, 0, text.len(), &mut t);
    let mut words: Vec<String> = t.iter().map(|x| x.lower.to_string()).collect();
    words.extend(t.iter().map(|x| text[x.start..x.end].to_string()));
    words.extend(["", "s", "sss", "\u{e9}"].map(String::from));
    let mut hits = 0;
    for (set, list) in &lists {
        let plain: HashSet<&str> = list.iter().copied().collect();
        for e in list {
            assert!(set.contains(e), "{e:?}");
            assert!(!set.contains(&e.to_ascii_uppercase()) || e.to_ascii_uppercase() == *e);
        }
        for x in &words {
            assert_eq!(set.contains(x), plain.contains(x.as_str()), "{x:?}");
            hits += usize::from(set.contains(x));
        }
    }
    assert!(hits > 1_000, "{hits}");
}

/// The corpus followed by generated sentences of trigger phrases and words ([`filter_text`]),
/// as many as the variable `cases` asks (2,000 by default), from `seed`.
fn corpus_and_generated(seed: u64, cases: &str, phrases: &[String], words: &[&str]) -> String {
    let mut text = include_str!("corpus.txt").to_string();
    let mut rng = crate::testing::Rng(seed);
    for _ in 0..crate::testing::cases(cases, 2_000) {
        text.push_str(&filter_text(&mut rng, phrases, words));
        text.push(' ');
    }
    text
}

/// The texts of the corpus's `>` lines (a `\n` in them is a line break).
fn corpus_texts() -> Vec<String> {
    include_str!("corpus.txt")
        .lines()
        .filter_map(|l| l.strip_prefix('>'))
        .map(|l| l.trim().replace("\\n", "\n"))
        .collect()
}

/// A [`ShortWords`] answers as a plain hash map of its words: for its words, each cut short
/// or made longer by a byte (a NUL byte too), words longer than 16 bytes, words of NUL bytes,
/// and every token of the corpus and of generated text, each read from its text (the
/// 16-byte load) and alone (the copy).
#[test]
fn short_words_answer_as_a_hash_map() {
    let mut words: Vec<Vec<u8>> = Vec::new();
    for w in [
        "killed",
        "a",
        "in",
        "ab",
        "abcdefghijklmno",
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
        "seventeen-year-olds",
        "\0",
        "\0\0",
        "x\0",
        "caf\u{e9}",
        "didn't",
    ] {
        words.push(w.as_bytes().to_vec());
    }
    let (phrases, vocabulary) = filter_vocabulary();
    words.extend(vocabulary.iter().map(|w| w.as_bytes().to_vec()));
    let plain: HashMap<&[u8], u32> = words
        .iter()
        .enumerate()
        .rev()
        .map(|(n, w)| (w.as_slice(), n as u32))
        .collect();
    let set = ShortWords::new(
        words
            .iter()
            .enumerate()
            .map(|(n, w)| (w.as_slice(), n as u32)),
    );
    // Probes: the words, each shortened, lengthened (by a letter, a NUL byte), and tokens.
    let mut probes: Vec<Vec<u8>> = Vec::new();
    for w in &words {
        probes.push(w.clone());
        probes.push(w[..w.len().saturating_sub(1)].to_vec());
        for extra in [b'e', 0, b's'] {
            let mut x = w.clone();
            x.push(extra);
            probes.push(x);
        }
    }
    let text = corpus_and_generated(
        0x5407_3e75,
        "FIGURES_SHORT_WORDS_CASES",
        &phrases,
        &vocabulary,
    );
    let lower = text.to_ascii_lowercase();
    let mut t = Vec::new();
    numbers::tokenize_into(&text, &lower, 0, text.len(), &mut t);
    let (mut hits, mut probed) = (0, 0);
    for x in &t {
        let (at, len) = (x.start, x.end - x.start);
        let expected = plain.get(x.lower.as_bytes()).copied();
        assert_eq!(
            set.get(lower.as_bytes(), at, len),
            expected,
            "{:?}",
            x.lower
        );
        // The same word at the very end of its text: the copy, not the 16-byte load.
        assert_eq!(
            set.get(x.lower.as_bytes(), 0, len),
            expected,
            "{:?}",
            x.lower
        );
        hits += usize::from(expected.is_some());
        let b = x.lower.as_bytes();
        let passes = set.passes(b[0], b[len - 1], len);
        probed += usize::from(passes && expected.is_none());
    }
    for p in &probes {
        let expected = plain.get(p.as_slice()).copied();
        assert_eq!(set.get(p, 0, p.len()), expected, "{p:?}");
        // And inside a longer text, with bytes after it.
        let mut padded = b"xx".to_vec();
        padded.extend_from_slice(p);
        padded.extend_from_slice(b"zzzzzzzzzzzzzzzzzz");
        assert_eq!(set.get(&padded, 2, p.len()), expected, "{p:?}");
        hits += usize::from(expected.is_some());
    }
    // Both answers are met often, and words of no entry get past the filter (the table is
    // read and says no).
    assert!(
        hits > 1_000 && probed > 100,
        "{hits} {probed} of {}",
        t.len()
    );
}

/// [`source_in`], each rule started at its first cue ([`source_cues`]), names the source that
/// [`source_in_plain`] (each rule a pass over all the tokens) names: on every sentence of
/// the corpus and of generated text full of cues ("according to", ", saying", reporting
/// verbs) at all places, many of them with no source after all. Some sentences have no cue,
/// some have cues that name a source, some cues that name none.
#[test]
fn sources_from_the_first_cues_are_those_of_every_token() {
    const WORDS: &[&str] = &[
        "according",
        "to",
        "saying",
        "citing",
        ",",
        ",",
        "said",
        "says",
        "told",
        "reported",
        "confirmed",
        "estimates",
        "added",
        "the",
        "a",
        "police",
        "Police",
        "officials",
        "Mr.",
        "Smith",
        "John",
        "he",
        "she",
        "on",
        "in",
        "that",
        "at",
        "killed",
        "were",
        "three",
        "12",
        "people",
        "group",
        "A",
        "rights",
        "ministry",
        ".",
        "aid",
        "sad",
        "accordingly",
        "saying,",
        "Citing",
        "ACCORDING",
        "SAID",
    ];
    let (phrases, vocabulary) = filter_vocabulary();
    let mut text = corpus_and_generated(0x50_c3e5, "FIGURES_SOURCE_CASES", &phrases, &vocabulary);
    let mut rng = crate::testing::Rng(0x5_0c3e);
    for _ in 0..crate::testing::cases("FIGURES_SOURCE_CASES", 2_000) {
        for _ in 0..1 + rng.next() % 16 {
            text.push_str(rng.pick(WORDS));
            text.push(' ');
        }
        text.push_str(".\n\n");
    }
    let doc = Document::new(&text);
    let lower = doc.flat.to_ascii_lowercase();
    let (mut none, mut named, mut cue_without) = (0, 0, 0);
    let mut t = Vec::new();
    for s in &doc.sentences {
        t.clear();
        numbers::tokenize_into(&doc.flat, &lower, s.span.start, s.span.end, &mut t);
        let fast = source_in(&doc, &t);
        assert_eq!(
            fast,
            source_in_plain(&doc, &t),
            "{}",
            &doc.flat[s.span.clone()]
        );
        let cues = source_cues(&t);
        match (&fast, cues.iter().any(|&c| c < t.len())) {
            (Some(_), _) => named += 1,
            (None, true) => cue_without += 1,
            (None, false) => none += 1,
        }
    }
    assert!(
        none > 100 && named > 100 && cue_without > 100,
        "{none} {named} {cue_without}"
    );
}
