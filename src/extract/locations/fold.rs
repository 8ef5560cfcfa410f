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
