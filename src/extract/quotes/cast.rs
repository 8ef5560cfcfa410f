//! The actors as the speaker rules ask for them, indexed once per article.
//!
//! Every rule asks about the persons or organizations named near a quotation ("the person
//! named last before it", "a person whose surname is a word of the attribution"). Asked of
//! every actor at every quotation, that cost grew with the product of the two, so a long
//! article with hundreds of people paid per byte many times what a short one does. Here
//! the mentions of each kind are merged into one list by start, where a question is a
//! binary search, and the surnames and title heads are read out once.

use std::cell::OnceCell;

use crate::model::Actor;

/// A mention of an actor: its start and end, and the actor's index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
}

/// Each list is made the first time a rule asks for it: most articles ask for a few.
pub(super) struct Cast<'a> {
    pub actors: &'a [Actor],
    /// Every mention of a person, by start, then by actor index.
    persons: OnceCell<Vec<Mention>>,
    /// Every mention of an organization, in the same order.
    organizations: OnceCell<Vec<Mention>>,
    /// The mentions of the persons "he" may stand for ([`super::fits_gender`]), and "she".
    fits_he: OnceCell<Vec<Mention>>,
    fits_she: OnceCell<Vec<Mention>>,
    /// The persons in actor order: index, surname (the last word of the name) and
    /// [`byte_mask`] of the surname.
    named: OnceCell<Vec<(usize, &'a str, u128)>>,
    /// The persons with a title, in actor order: index and the title's head word written
    /// out ([`super::title_head`]).
    titled: OnceCell<Vec<(usize, String)>>,
}

impl<'a> Cast<'a> {
    pub fn new(actors: &'a [Actor]) -> Self {
        Cast {
            actors,
            persons: OnceCell::new(),
            organizations: OnceCell::new(),
            fits_he: OnceCell::new(),
            fits_she: OnceCell::new(),
            named: OnceCell::new(),
            titled: OnceCell::new(),
        }
    }

    /// The mentions of the actors `keep` takes, by start, then by actor index.
    fn mentions_of(&self, keep: impl Fn(&Actor) -> bool) -> Vec<Mention> {
        let kept = || self.actors.iter().enumerate().filter(|(_, a)| keep(a));
        let mut list = Vec::with_capacity(kept().map(|(_, a)| a.mentions.len()).sum());
        for (i, a) in kept() {
            list.extend(a.mentions.iter().map(|m| Mention {
                start: m.start,
                end: m.end,
                actor: i,
            }));
        }
        list.sort_unstable_by_key(|m| (m.start, m.actor));
        list
    }

    pub fn persons(&self) -> &[Mention] {
        self.persons
            .get_or_init(|| self.mentions_of(|a| a.kind == "person"))
    }

    pub fn organizations(&self) -> &[Mention] {
        self.organizations
            .get_or_init(|| self.mentions_of(|a| a.kind == "organization"))
    }

    /// The mentions of the persons a pronoun of `gender` may stand for: "he" (`'m'`) or
    /// "she" (`'f'`); `None` for another gender.
    pub fn fitting(&self, gender: char) -> Option<&[Mention]> {
        let cell = match gender {
            'm' => &self.fits_he,
            'f' => &self.fits_she,
            _ => return None,
        };
        Some(cell.get_or_init(|| {
            self.mentions_of(|a| a.kind == "person" && super::fits_gender(&a.name, Some(gender)))
        }))
    }

    /// The persons in actor order, with their surnames and the surnames' [`byte_mask`].
    pub fn named(&self) -> &[(usize, &'a str, u128)] {
        self.named.get_or_init(|| {
            let persons = self.actors.iter().enumerate();
            persons
                .filter(|(_, a)| a.kind == "person")
                .map(|(i, a)| {
                    let surname = a.name.split_whitespace().next_back().unwrap_or("");
                    (i, surname, byte_mask(surname))
                })
                .collect()
        })
    }

    /// The persons whose title's head word is a word of `lower`, in actor order.
    pub fn titled_in<'s>(&'s self, lower: &'s str) -> impl Iterator<Item = usize> + 's {
        let titled = self.titled.get_or_init(|| {
            let persons = self.actors.iter().enumerate();
            persons
                .filter(|(_, a)| a.kind == "person")
                .filter_map(|(i, a)| Some((i, super::title_head(a.title.as_deref()?)?)))
                .collect()
        });
        titled
            .iter()
            .filter(move |(_, head)| lower.split_whitespace().any(|w| w == head))
            .map(|(i, _)| *i)
    }

    /// The mentions of `list` that start before `pos`.
    pub fn before(list: &[Mention], pos: usize) -> &[Mention] {
        &list[..list.partition_point(|m| m.start < pos)]
    }

    /// The actor of `list` named last before `pos`: the one whose last mention before `pos`
    /// starts latest, the later actor of two at the same start (as `max_by_key` over the
    /// actors in order picks).
    pub fn last_before(&self, list: &[Mention], pos: usize) -> Option<&'a Actor> {
        Self::before(list, pos)
            .last()
            .map(|m| &self.actors[m.actor])
    }
}

/// The bytes a text holds, as a set: bit `b % 128` for byte `b`. A text that holds another
/// holds every byte of it: when `byte_mask(part) & !byte_mask(whole) != 0`, `part` is not
/// in `whole`.
pub(super) fn byte_mask(s: &str) -> u128 {
    s.bytes().fold(0, |m, b| m | 1 << (b & 127))
}

#[cfg(test)]
mod tests {
    use super::super::{
        contains, fits_gender, named_in_sentence, named_person, nearest_person, person_at,
        previous_speaker, title_head, titled_person,
    };
    use super::*;
    use crate::extract::actors::last_mention_before;
    use crate::model::Evidence;

    // The forms the rules had before the cast, asking every actor: the references.

    fn nearest_ref(actors: &[Actor], pos: usize, keep: impl Fn(&Actor) -> bool) -> Option<&Actor> {
        actors
            .iter()
            .filter(|a| keep(a))
            .filter_map(|a| last_mention_before(&a.mentions, pos).map(|m| (m.start, a)))
            .max_by_key(|(p, _)| *p)
            .map(|(_, a)| a)
    }

    fn person_at_ref(actors: &[Actor], pos: usize, limit: usize) -> Option<String> {
        actors
            .iter()
            .filter(|a| a.kind == "person")
            .find(|a| {
                last_mention_before(&a.mentions, pos + 3)
                    .is_some_and(|m| m.start >= pos && m.end <= limit)
            })
            .map(|a| a.name.clone())
    }

    fn other_named_ref(actors: &[Actor], name: &str, end: usize, pos: usize) -> bool {
        actors
            .iter()
            .filter(|a| a.kind == "person" && a.name != *name)
            .any(|a| {
                let i = a.mentions.partition_point(|m| m.start < end);
                a.mentions.get(i).is_some_and(|m| m.start < pos)
            })
    }

    fn in_sentence_ref(actors: &[Actor], sentence_start: usize, pos: usize) -> Option<String> {
        ["person", "organization"].iter().find_map(|kind| {
            actors
                .iter()
                .filter(|a| a.kind == *kind)
                .filter_map(|a| {
                    let upto = a.mentions.partition_point(|m| m.start <= pos);
                    let m = a.mentions[..upto]
                        .iter()
                        .rev()
                        .take_while(|m| sentence_start <= m.start)
                        .find(|m| m.end <= pos)?;
                    Some((m.start, a))
                })
                .max_by_key(|(m, _)| *m)
                .map(|(_, a)| a.name.clone())
        })
    }

    fn named_ref(actors: &[Actor], raw: &str, words: &[&str]) -> Option<String> {
        actors
            .iter()
            .filter(|a| a.kind == "person")
            .find(|a| {
                let surname = a.name.split_whitespace().next_back().unwrap_or("");
                words.contains(&surname) || contains(raw, &a.name)
            })
            .map(|a| a.name.clone())
    }

    fn titled_ref<'a>(lower: &str, actors: &'a [Actor], pos: usize) -> Option<&'a Actor> {
        let has = |t: &str| title_head(t).is_some_and(|h| lower.split_whitespace().any(|w| w == h));
        nearest_ref(actors, pos, |a| {
            a.kind == "person" && a.title.as_deref().is_some_and(has)
        })
    }

    /// On generated casts (names that share surnames and given names of either gender,
    /// titles, mentions that share starts): every rule that reads the cast finds what
    /// asking every actor found.
    #[test]
    fn cast_answers_as_asking_every_actor() {
        let given = ["Maria", "John", "Ana", "Kim", "", "Paul"];
        let surnames = ["Ruiz", "Bailey", "Ng", "Ruiz-Diaz", "O'Brien"];
        let titles = ["Gov.", "the sheriff", "Président", "spokesman", "Lt."];
        let kinds = ["person", "person", "organization", "group"];
        let raws = [
            "Ruiz",
            "Maria Ruiz",
            "Ruiz's aide",
            "Bailey, Ng",
            "the governor",
            "the sheriff said",
            "Ana Ruiz-Diaz.",
            "O'Brien",
            "",
            "président",
        ];
        let mut rng = crate::testing::Rng(0xca57_0001);
        let (mut found, mut hits, mut named_between, mut by_name) = (0, 0, 0, 0);
        for _ in 0..crate::testing::cases("QUOTES_SCAN_CASES", 3000) {
            let actors: Vec<Actor> = (0..rng.next() % 8)
                .map(|_| {
                    let name = format!("{} {}", rng.pick(&given), rng.pick(&surnames));
                    let mut starts: Vec<usize> = (0..rng.next() % 5)
                        .map(|_| (rng.next() % 60) as usize)
                        .collect();
                    starts.sort_unstable();
                    starts.dedup();
                    Actor {
                        name: name.trim().to_string(),
                        kind: rng.pick(&kinds).to_string().into(),
                        title: (rng.next() % 2 == 0).then(|| rng.pick(&titles).to_string()),
                        mentions: starts
                            .iter()
                            .map(|&s| Evidence {
                                text: String::new(),
                                start: s,
                                end: s + 1 + (rng.next() % 9) as usize,
                            })
                            .collect(),
                    }
                })
                .collect();
            let cast = Cast::new(&actors);
            let name_of = |a: Option<&Actor>| a.map(|a| a.name.clone());
            let pos = (rng.next() % 64) as usize;
            let from = (rng.next() % 64) as usize;
            for gender in [None, Some('m'), Some('f')] {
                let want = nearest_ref(&actors, pos, |a| {
                    a.kind == "person" && fits_gender(&a.name, gender)
                });
                assert_eq!(name_of(nearest_person(&cast, pos, gender)), name_of(want));
                hits += usize::from(want.is_some());
            }
            let orgs = nearest_ref(&actors, pos, |a| a.kind == "organization");
            assert_eq!(
                name_of(cast.last_before(cast.organizations(), pos)),
                name_of(orgs)
            );
            let limit = pos + (rng.next() % 12) as usize;
            assert_eq!(
                person_at(&cast, pos, limit),
                person_at_ref(&actors, pos, limit)
            );
            let want = in_sentence_ref(&actors, from, pos);
            assert_eq!(named_in_sentence(&cast, from, pos), want);
            found += usize::from(want.is_some());
            // With no gender asked and a gap under 600 bytes, `previous_speaker` keeps the
            // last speaker exactly when no other person is named in between.
            if let Some(prev) = actors.get((rng.next() % 8) as usize) {
                let (end, pos) = (from.min(pos), from.max(pos));
                let said = previous_speaker((&prev.name, end), &cast, pos, None);
                let other = other_named_ref(&actors, &prev.name, end, pos);
                assert_eq!(said.is_some(), !other, "{actors:?} {end} {pos}");
                named_between += usize::from(other);
            }
            let raw = rng.pick(&raws);
            let words: Vec<&str> = raw.split([' ', ',']).collect();
            let want = named_ref(&actors, raw, &words);
            assert_eq!(
                named_person(&cast, raw, &words).map(|i| actors[i].name.clone()),
                want,
                "{raw:?} {actors:?}"
            );
            let lower = raw.to_lowercase();
            let titled = titled_ref(&lower, &actors, pos);
            assert_eq!(name_of(titled_person(&lower, &cast, pos)), name_of(titled));
            by_name += usize::from(want.is_some()) + usize::from(titled.is_some());
        }
        assert!(
            found > 300 && hits > 1000 && named_between > 300 && by_name > 300,
            "{found} {hits} {named_between} {by_name}"
        );
    }
}
