//! The ASCII classes of a byte pattern, for the hand-written scanners that replaced the
//! project's regular expressions: `\s` is `[\t\n\x0B\x0C\r ]` (with the vertical tab, unlike
//! [`u8::is_ascii_whitespace`]) and `\b` is a boundary between `[0-9A-Za-z_]` and anything
//! else, the start and the end of the text counting as non-word.

/// `\s`.
#[inline]
pub fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// A word byte of `\b`.
#[inline]
pub fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `\b` holds at `i` of `h`.
#[inline]
pub fn boundary(h: &[u8], i: usize) -> bool {
    let before = i > 0 && h.get(i - 1).is_some_and(|&b| is_word(b));
    let after = h.get(i).is_some_and(|&b| is_word(b));
    before != after
}

/// The first position at or after `i` whose byte is not `\s` (`h.len()` at the end).
#[inline]
pub fn skip_space(h: &[u8], mut i: usize) -> usize {
    while i < h.len() && is_space(h[i]) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_includes_the_vertical_tab() {
        assert!(is_space(0x0B) && is_space(b'\n') && !is_space(0xA0));
        assert_eq!(skip_space(b"a \t\x0Bb", 1), 4);
        assert_eq!(skip_space(b"a  ", 1), 3);
    }

    #[test]
    fn boundaries_at_the_edges_and_between_classes() {
        let h = b"said, x_1";
        assert!(boundary(h, 0) && boundary(h, 4) && !boundary(h, 2));
        assert!(!boundary(h, 5) && boundary(h, 6) && !boundary(h, 8) && boundary(h, 9));
        assert!(!boundary(b"", 0));
    }
}
