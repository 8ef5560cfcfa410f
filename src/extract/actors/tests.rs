//! Examples for the actors extractor: fictional sentences, the actors they must give, and
//! the ones they must not. Every mention's text is checked against the input at its offsets.

use super::*;
use crate::model::Location;

fn run_with(text: &str, places: &[Location]) -> Vec<Actor> {
    let doc = Document::new(text);
    let actors = extract(&doc, places);
    for a in &actors {
        for m in &a.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "mention of {}", a.name);
        }
    }
    actors
}

fn run(text: &str) -> Vec<Actor> {
    run_with(text, &[])
}

fn find<'a>(actors: &'a [Actor], kind: &str, name: &str) -> Option<&'a Actor> {
    actors.iter().find(|a| a.kind == kind && a.name == name)
}

fn names(actors: &[Actor], kind: &str) -> Vec<String> {
    actors
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.name.clone())
        .collect()
}

fn place(text: &str, name: &str) -> Location {
    let start = text.find(name).expect("place in text");
    Location {
        name: name.to_string(),
        kind: "city".to_string(),
        country: None,
        admin1: None,
        lat: None,
        lon: None,
        mentions: vec![Evidence::from_bytes(text, start, start + name.len())],
    }
}

#[test]
fn title_before_name_gives_person_and_title() {
    let a = run(
        "Story begins.\n\nUN Special Envoy for Refugees Amara Okonkwo visited the camp on Monday.",
    );
    let p = find(&a, "person", "Amara Okonkwo").expect("person");
    assert_eq!(p.title.as_deref(), Some("UN Special Envoy for Refugees"));
    let a = run("Talbot County Sheriff Dale Hensley said the road was closed.");
    let p = find(&a, "person", "Dale Hensley").expect("person");
    assert_eq!(p.title.as_deref(), Some("Talbot County Sheriff"));
    let a = run("He met Secretary of State Laura Brennan in the capital.");
    let p = find(&a, "person", "Laura Brennan").expect("person");
    assert_eq!(p.title.as_deref(), Some("Secretary of State"));
}

#[test]
fn organization_inside_a_title_is_found_too() {
    let a = run("Ohio State Highway Patrol Sgt. Tom Reyes said the driver fled.");
    assert!(find(&a, "person", "Tom Reyes").is_some(), "{a:?}");
    let a = run("Director of the National Bureau of Investigation Omar Haddad spoke.");
    assert!(find(&a, "person", "Omar Haddad").is_some(), "{a:?}");
    assert!(
        find(&a, "organization", "National Bureau of Investigation").is_some(),
        "{a:?}"
    );
}

#[test]
fn lowercase_title_before_name() {
    let a = run("The figure was confirmed by police spokesman Ali Demir on Tuesday.");
    let p = find(&a, "person", "Ali Demir").expect("person");
    assert_eq!(p.title.as_deref(), Some("police spokesman"));
}

#[test]
fn later_mentions_by_surname_and_title_are_merged() {
    let text = "Greene County Sheriff Mark Tolliver said two deputies were hurt. Tolliver said \
                both would recover. The sheriff later thanked residents.";
    let a = run(text);
    let p = find(&a, "person", "Mark Tolliver").expect("person");
    let m: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(m, vec!["Mark Tolliver", "Tolliver", "The sheriff"]);
    assert_eq!(names(&a, "person"), vec!["Mark Tolliver"]);
}

#[test]
fn shared_surname_goes_to_the_person_named_last() {
    let text = "Rosa Almonte and her brother Jorge Almonte were rescued. Jorge Almonte said \
                the water rose fast. Almonte said he swam.";
    let a = run(text);
    let jorge = find(&a, "person", "Jorge Almonte").expect("jorge");
    assert!(jorge.mentions.iter().any(|m| m.text == "Almonte"));
    let rosa = find(&a, "person", "Rosa Almonte").expect("rosa");
    assert_eq!(rosa.mentions.len(), 1);
}

#[test]
fn bare_names_need_a_given_name_or_a_cue() {
    let a = run(
        "The victims were identified as Tomasz Wrobel and Karen Lutz. Among those \
                 hurt was Bexley Quarry, a local landmark? No.",
    );
    let p = names(&a, "person");
    assert!(p.contains(&"Karen Lutz".to_string()), "{p:?}");
    assert!(p.contains(&"Tomasz Wrobel".to_string()), "{p:?}");
    let a = run("The 34-year-old suspect, Dwayne Okafor, was arrested.");
    assert!(find(&a, "person", "Dwayne Okafor").is_some(), "{a:?}");
}

#[test]
fn places_months_and_sentence_starts_are_not_persons() {
    let text = "Rescue teams reached Port Lorne on Monday. Floods hit Port Lorne again in March. \
                Heavy Rain fell. Watch the video.";
    let a = run_with(text, &[place(text, "Port Lorne")]);
    assert!(names(&a, "person").is_empty(), "{a:?}");
}

#[test]
fn headline_and_bylines_are_not_read_for_names() {
    let text = "Governor Warns Of More Floods In River Towns\n\nBy Helen Marsh\n\nThe river rose \
                overnight, officials said.";
    let a = run(text);
    assert!(names(&a, "person").is_empty(), "{a:?}");
}

#[test]
fn named_organizations_and_not_generic_words() {
    let text = "The Interior Ministry said the Ministry of Health sent doctors to Lakeland \
                General Hospital. The Harlow Township police department and Reuters reported it. \
                Police said the government would help.";
    let a = run(text);
    let o = names(&a, "organization");
    for want in [
        "Interior Ministry",
        "Ministry of Health",
        "Lakeland General Hospital",
        "Harlow Township police department",
        "Reuters",
    ] {
        assert!(o.contains(&want.to_string()), "{want} in {o:?}");
    }
    assert!(
        !o.iter().any(|n| n == "Police" || n == "government"),
        "{o:?}"
    );
}

#[test]
fn acronyms_but_not_countries_or_credits() {
    let text = "KARLSTAD, Norway (AP) — The rebel group FRDN said the UN and the EU were \
                warned by US officials.";
    let a = run(text);
    let o = names(&a, "organization");
    assert!(o.contains(&"FRDN".to_string()), "{o:?}");
    assert!(o.contains(&"UN".to_string()), "{o:?}");
    assert!(
        !o.contains(&"US".to_string()) && !o.contains(&"AP".to_string()),
        "{o:?}"
    );
}

#[test]
fn groups_are_their_own_kind() {
    let a = run("Protesters clashed with security forces while residents fled.");
    assert_eq!(
        names(&a, "group"),
        vec!["protesters", "security forces", "residents"]
    );
    let g = find(&a, "group", "protesters").expect("group");
    assert_eq!(g.mentions[0].text, "Protesters");
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "",
        "A",
        "Ü",
        "Mr.",
        "“Ärger” Müller-Lüdenscheidt said.",
        "al-",
        "Dr. É.",
    ] {
        let _ = run(t);
    }
}

#[test]
fn a_name_after_the_article_is_not_a_person() {
    let a = run(
        "A local monitor, the Red de Vigilancia Ciudadana, said Maria Lopes Duarte was detained.",
    );
    assert!(
        find(&a, "person", "Red de Vigilancia Ciudadana").is_none(),
        "{a:?}"
    );
    assert!(find(&a, "person", "Maria Lopes Duarte").is_some(), "{a:?}");
}

#[test]
fn filtered_starts_find_what_all_starts_find() {
    let list = [
        "protest*",
        "the sheriff",
        "UN",
        "U.N.",
        "a",
        "Bailey",
        "security forces",
    ];
    let set = WordPhrases::new(list);
    let filter = StartFilter::new(list);
    for text in [
        "Protesters met the\tSheriff; UN and U.N. staff, a riot. Bailey said security  forces",
        "the sheriff's Bailey Baileys a",
        "",
        "a",
        "ÉÉÉ un ççç — «the sheriff»",
        "security forcesA u.n.x",
    ] {
        let all = vocab::word_starts(text);
        let some = filter.starts(text, &all);
        let want: Vec<_> = set.find_at(text, &all).collect();
        let got: Vec<_> = set.find_at(text, &some).collect();
        assert_eq!(want, got, "{text}");
    }
}
