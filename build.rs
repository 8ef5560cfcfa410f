//! Precomputes the gazetteer at build time, so that a run never parses the data files.
//!
//! Reads `data/gazetteer/{countries,admin1,cities}.tsv` and writes to OUT_DIR:
//! - `places.txt`: one place a line (`kind\tname\tcountry\tadmin1\tlat\tlon\tpopulation`);
//! - `keys.txt`: every folded name and alias, sorted, back to back with no separator;
//! - `gazetteer_index.rs`: where each line of `places.txt` starts, where each key ends, and
//!   the ids of the places each key names (best candidate first), so that the extractor
//!   binary-searches the embedded text with no start-up work at all; also the sorted lists
//!   of names that need context and of given names;
//! - `prefilter.bin`: a blocked Bloom filter of the keys and their word-boundary prefixes;
//! - `key_table.bin`: a hash table of the keys and their word-boundary prefixes (see
//!   `KEY_TABLE_SLOTS` in `src/extract/locations/fold.rs`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

include!("src/extract/locations/fold.rs");

/// Continent names (folded), never a city's alternate name.
const CONTINENTS: &[&str] = &[
    "africa",
    "europe",
    "asia",
    "america",
    "north america",
    "south america",
    "latin america",
    "oceania",
    "antarctica",
    "middle east",
];

struct Place {
    kind: &'static str,
    name: String,
    country: String,
    admin1: String,
    lat: String,
    lon: String,
    population: u64,
}

/// The rows of a TSV file that have at least `cols` fields, split into fields.
fn rows(text: &str, cols: usize) -> Vec<Vec<&str>> {
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<&str>>())
        .filter(|f| f.len() >= cols)
        .collect()
}

fn main() {
    let dir = Path::new("data/gazetteer");
    for f in ["countries.tsv", "admin1.tsv", "cities.tsv"] {
        println!("cargo:rerun-if-changed=data/gazetteer/{f}");
    }
    println!("cargo:rerun-if-changed=src/extract/locations/fold.rs");
    println!("cargo:rerun-if-changed=data/compass.txt");
    let read = |f: &str| {
        fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("data/gazetteer/{f}: {e}"))
    };

    // Bare compass and position words (folded), a hand-written list (the gazetteer folder
    // holds generated files only).
    let compass_text =
        fs::read_to_string("data/compass.txt").unwrap_or_else(|e| panic!("data/compass.txt: {e}"));
    let compass_words: Vec<&str> = compass_text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();

    let mut places: Vec<Place> = Vec::new();
    let mut keys: BTreeMap<String, Vec<(u8, u64, usize)>> = BTreeMap::new();
    let add_key = |keys: &mut BTreeMap<String, Vec<(u8, u64, usize)>>,
                   name: &str,
                   rank: u8,
                   pop: u64,
                   id: usize| {
        let k = fold(name);
        // Two-letter keys only for subdivision abbreviations ("N.C.", "NC", "Pa."), which the
        // extractor accepts only with context ("Graham, N.C.").
        let abbreviation = rank == 1
            && (name.contains('.')
                || (name.len() == 2 && name.chars().all(|c| c.is_ascii_uppercase())));
        let short = k.chars().count() < if abbreviation { 2 } else { 3 };
        // A continent is never a city's other name ("Africa" for Mahdia).
        let not_a_name = rank == 2 && CONTINENTS.contains(&k.as_str());
        if short || not_a_name || k.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            return;
        }
        let v = keys.entry(k).or_default();
        if !v.iter().any(|x| x.2 == id) {
            v.push((rank, pop, id));
        }
    };

    for f in rows(&read("countries.tsv"), 6) {
        let id = places.len();
        places.push(Place {
            kind: "country",
            name: f[1].into(),
            country: f[0].into(),
            admin1: String::new(),
            lat: f[4].into(),
            lon: f[5].into(),
            population: 0,
        });
        add_key(&mut keys, f[1], 0, 0, id);
        for a in f[2].split('|').filter(|a| !a.is_empty()) {
            add_key(&mut keys, a, 0, 0, id);
        }
        // Demonyms point at the country through a place of their own kind.
        let did = places.len();
        places.push(Place {
            kind: "demonym",
            name: f[1].into(),
            country: f[0].into(),
            admin1: String::new(),
            lat: f[4].into(),
            lon: f[5].into(),
            population: 0,
        });
        for d in f[3].split('|').filter(|a| !a.is_empty()) {
            add_key(&mut keys, d, 0, 0, did);
        }
    }
    // A subdivision's weight is the population of its cities, so that of two subdivisions
    // with one name ("Maryland" in the US and in Liberia) the more populous comes first.
    let cities = read("cities.tsv");
    let mut admin1_pop: BTreeMap<(String, String), u64> = BTreeMap::new();
    for f in rows(&cities, 6) {
        *admin1_pop
            .entry((f[1].to_string(), f[2].to_string()))
            .or_default() += f[5].parse::<u64>().unwrap_or(0);
    }
    for f in rows(&read("admin1.tsv"), 6) {
        let id = places.len();
        places.push(Place {
            kind: "admin1",
            name: f[2].into(),
            country: f[0].into(),
            admin1: f[2].into(),
            lat: f[4].into(),
            lon: f[5].into(),
            population: 0,
        });
        let pop = admin1_pop
            .get(&(f[0].to_string(), f[2].to_string()))
            .copied()
            .unwrap_or(0);
        places[id].population = pop;
        add_key(&mut keys, f[2], 1, pop, id);
        // Ghana's "Western" is found as "Western Region".
        if compass_words.contains(&fold(f[2]).as_str()) {
            add_key(&mut keys, &format!("{} Region", f[2]), 1, pop, id);
        }
        for a in f[3].split('|').filter(|a| !a.is_empty()) {
            add_key(&mut keys, a, 1, pop, id);
        }
    }
    for f in rows(&cities, 7) {
        let pop: u64 = f[5].parse().unwrap_or(0);
        let id = places.len();
        places.push(Place {
            kind: "city",
            name: f[0].into(),
            country: f[1].into(),
            admin1: f[2].into(),
            lat: f[3].into(),
            lon: f[4].into(),
            population: pop,
        });
        add_key(&mut keys, f[0], 2, pop, id);
        for a in f[6].split('|').filter(|a| !a.is_empty()) {
            add_key(&mut keys, a, 2, pop, id);
        }
    }

    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    let mut ptxt = String::new();
    let mut pstarts: Vec<usize> = Vec::new();
    for p in &places {
        pstarts.push(ptxt.len());
        let _ = writeln!(
            ptxt,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            p.kind, p.name, p.country, p.admin1, p.lat, p.lon, p.population
        );
    }
    pstarts.push(ptxt.len());
    // Keys are written back to back (the index says where each ends), and their place ids
    // go to one flat array, so that a lookup compares slices and returns a slice: no line
    // scanning, no parsing, no allocation.
    let mut ktxt = String::new();
    let mut kends: Vec<usize> = Vec::new();
    let mut id_starts: Vec<usize> = vec![0];
    let mut flat_ids: Vec<usize> = Vec::new();
    // The prefilter: a name that is no key and no word-boundary prefix of a key is rejected
    // without a binary search (most capitalized words of a text).
    let mut filter = vec![0u8; (PREFILTER_BITS / 8) as usize];
    let mut set = |name: &str| {
        for bit in prefilter_bits(name_hash(name)) {
            filter[(bit / 8) as usize] |= 1 << (bit % 8);
        }
    };
    for k in keys.keys() {
        set(k);
        for (i, _) in k.match_indices(' ') {
            set(&k[..i]);
        }
    }
    fs::write(out.join("prefilter.bin"), &filter).expect("write prefilter");
    fs::write(out.join("key_table.bin"), key_table(&keys)).expect("write key table");
    for (k, mut ids) in keys {
        // Best first: countries and demonyms, then admin1, then cities by population.
        // A city of a million people or more goes before a less populous subdivision of
        // that name ("Santiago" is Chile's capital before the Dominican province).
        let class = |x: &(u8, u64, usize)| {
            if x.0 == 2 && x.1 >= 1_000_000 {
                1
            } else {
                x.0
            }
        };
        ids.sort_by(|a, b| {
            class(a)
                .cmp(&class(b))
                .then(b.1.cmp(&a.1))
                .then(a.0.cmp(&b.0))
                .then(a.2.cmp(&b.2))
        });
        ktxt.push_str(&k);
        kends.push(ktxt.len());
        flat_ids.extend(ids.iter().map(|x| x.2));
        id_starts.push(flat_ids.len());
    }
    fs::write(out.join("places.txt"), ptxt).expect("write places");
    fs::write(out.join("keys.txt"), ktxt).expect("write keys");
    let mut rs = String::new();
    let mut array = |doc: &str, name: &str, v: &[usize]| {
        let _ = writeln!(
            rs,
            "/// {doc}\npub static {name}: [u32; {}] = {:?};",
            v.len(),
            v
        );
    };
    array(
        "Byte offset of each line of places.txt, and its length.",
        "PLACE_STARTS",
        &pstarts,
    );
    array(
        "Byte offset where each key of keys.txt ends.",
        "KEY_ENDS",
        &kends,
    );
    array(
        "Where each key's ids start in IDS (one more entry than keys).",
        "ID_STARTS",
        &id_starts,
    );
    array(
        "The place ids of every key, best candidate first.",
        "IDS",
        &flat_ids,
    );

    // Names that need context to be a place, folded and sorted for a binary search: the
    // gazetteer's ambiguous list, the extractor's never-alone words, and given names (the
    // second field of the actors' list).
    let list = |path: &str| {
        println!("cargo:rerun-if-changed={path}");
        fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let lines = |t: String| -> Vec<String> {
        t.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect()
    };
    let given: Vec<String> = lines(list("src/extract/actors/given_names.txt"))
        .iter()
        .filter_map(|l| l.split_whitespace().nth(1).map(String::from))
        .collect();
    // The given names as written, sorted for a binary search ("Paul" Bailey is a person).
    let mut given_sorted = given.clone();
    given_sorted.sort();
    given_sorted.dedup();
    let _ = writeln!(
        rs,
        "/// Common given names as written, sorted.\npub static GIVEN_NAMES: [&str; {}] = {:?};",
        given_sorted.len(),
        given_sorted
    );
    let mut ambiguous: Vec<String> = lines(list("data/gazetteer/ambiguous.txt"))
        .into_iter()
        .chain(lines(list("src/extract/locations/not_alone.txt")))
        .chain(given)
        .map(|n| fold(&n))
        .collect();
    ambiguous.sort();
    ambiguous.dedup();
    let _ = writeln!(
        rs,
        "/// Folded names that need context to be a place, sorted.\npub static AMBIGUOUS: [&str; {}] = {:?};",
        ambiguous.len(),
        ambiguous
    );
    fs::write(out.join("gazetteer_index.rs"), rs).expect("write index");
}

/// The key table (`KEY_TABLE_SLOTS` little-endian u32 slots): every key, by its index in
/// the sorted keys, with whether a longer key continues it with another word; and every
/// word-boundary prefix of a key that is no key itself ("dar es"), by the index of a key
/// it begins.
fn key_table<V>(keys: &BTreeMap<String, V>) -> Vec<u8> {
    // Every word-boundary prefix, with the index of the first key it begins.
    let mut prefixes: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, k) in keys.keys().enumerate() {
        for (at, _) in k.match_indices(' ') {
            prefixes.entry(&k[..at]).or_insert(i);
        }
    }
    let mut slots = vec![0u32; KEY_TABLE_SLOTS];
    let mut put = |name: &str, entry: u32| {
        let h = name_hash(name);
        let mut s = table_slot(h);
        while slots[s] != 0 {
            s = (s + 1) % KEY_TABLE_SLOTS;
        }
        slots[s] = entry | (table_fingerprint(h) << SLOT_FINGERPRINT_SHIFT);
    };
    let index = |i: usize| {
        let v = u32::try_from(i + 1).expect("key index");
        assert!(v <= SLOT_INDEX, "too many gazetteer keys for the key table");
        v
    };
    for (i, k) in keys.keys().enumerate() {
        // A key never holds a control character: so a space is the smallest byte that can
        // follow a key inside a longer one, and the keys that continue it with a word come
        // right after it in order (what the binary search this table replaced relied on).
        assert!(
            k.bytes().all(|b| b >= b' '),
            "control character in key {k:?}"
        );
        let longer = if prefixes.contains_key(k.as_str()) {
            SLOT_LONGER
        } else {
            0
        };
        put(k, index(i) | longer);
    }
    for (p, &i) in &prefixes {
        if !keys.contains_key(*p) {
            put(p, index(i) | SLOT_PREFIX_ONLY);
        }
    }
    let used = slots.iter().filter(|&&v| v != 0).count();
    assert!(
        used * 10 <= KEY_TABLE_SLOTS * 7,
        "key table too full: {used}"
    );
    slots.iter().flat_map(|v| v.to_le_bytes()).collect()
}
