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
pub fn fold_into(name: &str, out: &mut String) {
    let base = out.len();
    let mut space = true;
    for c in name.chars() {
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
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => {
                "u"
            }
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
                space = false;
                continue;
            }
        };
        if mapped == " " {
            if !space {
                out.push(' ');
                space = true;
            }
        } else if !mapped.is_empty() {
            out.push_str(mapped);
            space = false;
        }
    }
    while out.len() > base && out.ends_with(' ') {
        out.pop();
    }
}

/// Size in bits of the prefilter of folded names (a Bloom filter over every key of the
/// gazetteer and every word-boundary prefix of a key): 2^21 bits, 256 KiB.
pub const PREFILTER_BITS: u64 = 1 << 21;

/// The three bit positions of a folded name in the prefilter: FNV-1a, mixed (splitmix64's
/// finalizer), cut into three 21-bit pieces.
pub fn prefilter_bits(folded: &str) -> [u64; 3] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    let mask = PREFILTER_BITS - 1;
    [h & mask, (h >> 21) & mask, (h >> 42) & mask]
}

/// The bucket of a folded key in the key index: its first two bytes (a missing second byte
/// counts as zero).
pub fn bucket_of(key: &[u8]) -> usize {
    let b0 = key.first().copied().unwrap_or(0) as usize;
    let b1 = key.get(1).copied().unwrap_or(0) as usize;
    (b0 << 8) | b1
}
