// Name folding shared by build.rs (which `include!`s this file) and the locations
// extractor: both sides must fold a name the same way for the lookup to work.

/// Folds a place name for lookup: lowercase, Latin accents removed, hyphens and dashes as
/// spaces, dots and apostrophes dropped, white space collapsed.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_into(name, &mut out);
    out
}

/// [`fold`] into a buffer the caller reuses (appends to `out`).
///
/// Runs of ASCII letters and digits (most of a name) are copied at once and lower-cased in
/// place; only punctuation, white space and non-ASCII characters go through [`fold_char`].
pub fn fold_into(name: &str, out: &mut String) {
    let base = out.len();
    let bytes = name.as_bytes();
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && plain_ascii(bytes[i]) {
            i += 1;
        }
        if i > start {
            let at = out.len();
            out.push_str(&name[start..i]);
            out[at..].make_ascii_lowercase();
            space = false;
            continue;
        }
        // `i` is on a character boundary: it only moves by whole plain bytes or characters.
        let Some(c) = name[i..].chars().next() else {
            break;
        };
        fold_char(c, out, &mut space);
        i += c.len_utf8();
    }
    while out.len() > base && out.ends_with(' ') {
        out.pop();
    }
}

/// An ASCII byte that folds to itself lower-cased: no separator, dropped punctuation or
/// white space.
fn plain_ascii(b: u8) -> bool {
    b.is_ascii()
        && !matches!(
            b,
            b'-' | b'/' | b'_' | b'.' | b'\'' | b'`' | b',' | b'(' | b')' | b'"'
        )
        && !(b as char).is_whitespace()
}

/// Folds one character onto `out`; `space` says whether `out` ends a word (no space may
/// follow then).
fn fold_char(c: char, out: &mut String, space: &mut bool) {
    let mapped: &str = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' | 'Ĕ' | 'ĕ' => {
            "e"
        }
        'Ğ' | 'ğ' | 'Ģ' | 'ģ' | 'Ġ' | 'ġ' => "g",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' | 'Į' | 'į' => "i",
        'Ķ' | 'ķ' => "k",
        'Ł' | 'ł' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ĺ' | 'ĺ' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ř' | 'ř' | 'Ŕ' | 'ŕ' => "r",
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ž' | 'ž' | 'Ż' | 'ż' => "z",
        'Þ' | 'þ' => "th",
        '-' | '‐' | '–' | '—' | '/' | '_' => " ",
        '.' | '\'' | '’' | '‘' | '`' | 'ʻ' | 'ʼ' | ',' | '(' | ')' | '"' => "",
        c if c.is_whitespace() => " ",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            *space = false;
            return;
        }
    };
    if mapped == " " {
        if !*space {
            out.push(' ');
            *space = true;
        }
    } else if !mapped.is_empty() {
        out.push_str(mapped);
        *space = false;
    }
}

/// Size in bits of the prefilter of folded names (a blocked Bloom filter over every key of
/// the gazetteer and every word-boundary prefix of a key): 2^20 bits, 128 KiB, in blocks of
/// 512 bits (one 64-byte cache line).
pub const PREFILTER_BITS: u64 = 1 << 20;

/// Bits of one block of the prefilter: all the bits of a name fall in one block, so that a
/// look-up touches one cache line and one page (a first run touches few pages of the
/// filter instead of all of them).
pub const PREFILTER_BLOCK_BITS: u64 = 512;

/// The hash of a folded name, shared by the prefilter and the key table: FNV-1a, mixed
/// (splitmix64's finalizer). Bits 0-35 and 40-50 place a name in the prefilter, 36-41 are
/// its fingerprint in the key table and 46-63 its first slot there.
pub fn name_hash(folded: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The four bit positions of a folded name in the prefilter, all in one block: the top bits
/// of its [`name_hash`] choose the block, four 9-bit pieces the bits.
pub fn prefilter_bits(h: u64) -> [u64; 4] {
    let blocks = PREFILTER_BITS / PREFILTER_BLOCK_BITS;
    let base = (h >> 40) % blocks * PREFILTER_BLOCK_BITS;
    let bit = |k: u32| base + ((h >> (9 * k)) & (PREFILTER_BLOCK_BITS - 1));
    [bit(0), bit(1), bit(2), bit(3)]
}

/// Slots of the key table: an open-addressing hash table (linear probing) of every key of
/// the gazetteer and every word-boundary prefix of one, so that a look-up reads one slot
/// and one key instead of binary-searching the sorted keys (whose every step is a cache
/// miss). 2^18 slots of four bytes, 1 MiB, about half full.
pub const KEY_TABLE_SLOTS: usize = 1 << 18;

/// A slot's entry: the key's index plus one (bits 0-23; 0 is an empty slot), its
/// fingerprint (bits 24-29), whether a longer key continues it with another word (bit 30),
/// and whether the entry is only a prefix of keys (bit 31: the index is then that of a key
/// it begins).
pub const SLOT_INDEX: u32 = (1 << 24) - 1;
/// See [`SLOT_INDEX`].
pub const SLOT_FINGERPRINT_SHIFT: u32 = 24;
/// See [`SLOT_INDEX`].
pub const SLOT_LONGER: u32 = 1 << 30;
/// See [`SLOT_INDEX`].
pub const SLOT_PREFIX_ONLY: u32 = 1 << 31;

/// The first slot of a name with hash `h` in the key table.
pub fn table_slot(h: u64) -> usize {
    (h >> 46) as usize & (KEY_TABLE_SLOTS - 1)
}

/// The fingerprint of a name with hash `h` in its table entry (six bits): most probes of
/// a slot that holds another name are turned away without reading that name.
pub fn table_fingerprint(h: u64) -> u32 {
    ((h >> 36) & 0x3f) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`fold`] as it was first written, one character at a time: the fast path for ASCII
    /// runs must fold every name the same way (the build-time keys were folded so too).
    fn fold_per_char(name: &str) -> String {
        let mut out = String::new();
        let mut space = true;
        for c in name.chars() {
            fold_char(c, &mut out, &mut space);
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn ascii_runs_fold_like_single_characters() {
        for name in [
            "San Salvador",
            "Bosnia and Herzegovina",
            "  Sri  Lanka ",
            "Nur-Sultan",
            "N.C.",
            "Côte d’Ivoire",
            "São Tomé and Príncipe",
            "ŁÓDŹ",
            "Prince George's",
            "St. John's (Newfoundland)",
            "a\tb\nc\u{b}d\u{c}e\rf\u{1c}g",
            "İstanbul – Ankara—Köln/Bonn_X",
            "ǅ Σίσυφος ß Þingvellir",
            "AfghanistanŠ—Ès",
            "-.-",
            "",
            "   ",
        ] {
            assert_eq!(fold(name), fold_per_char(name), "{name:?}");
        }
        assert_eq!(fold("Nur-Sultan"), "nur sultan");
        assert_eq!(fold("  Côte d’Ivoire "), "cote divoire");
        let mut buf = String::from("x ");
        fold_into("Sri  Lanka.", &mut buf);
        assert_eq!(buf, "x sri lanka");
    }
}
