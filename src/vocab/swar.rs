//! Byte tests eight bytes at a time ("SIMD within a register"), for the scans that read every
//! byte of an article: where words start, where a sentence may end.
//!
//! A `u64` holds eight bytes of text, read little-endian, so byte `k` of the text is byte `k`
//! of the word and the lowest set high bit of a result is the first byte found. Every test is
//! exact: it works on the low seven bits of each byte with the high bit handled apart, so no
//! carry or borrow crosses from one byte to the next.

/// The high bit of every byte of a `u64`.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a `u64`.
#[inline]
pub const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Eight bytes of `bytes` from `at`, as a `u64` (`None` when fewer than eight are left).
#[inline]
pub fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// The high bit of each byte of `x` that equals `b`.
#[inline]
pub fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ splat(b);
    let nonzero = (((y & !HIGH_BITS) + !HIGH_BITS) | y) & HIGH_BITS;
    !nonzero & HIGH_BITS
}

/// The high bit of each byte of `x` that is an ASCII letter or digit.
///
/// `(v | 0x80) - lo` keeps its high bit exactly when `v >= lo` (for `v` and `lo` below 0x80),
/// and `(hi | 0x80) - v` when `v <= hi`; setting bit 5 lower-cases a letter and moves no other
/// byte into `a..=z`.
#[inline]
pub fn ascii_alnum(x: u64) -> u64 {
    let ascii = !x & HIGH_BITS;
    let v = x & !HIGH_BITS;
    let at_least = |v: u64, lo: u8| (v | HIGH_BITS) - splat(lo);
    let at_most = |v: u64, hi: u8| (splat(hi) | HIGH_BITS) - v;
    let lower = v | splat(0x20);
    let letter = at_least(lower, b'a') & at_most(lower, b'z');
    let digit = at_least(v, b'0') & at_most(v, b'9');
    (letter | digit) & ascii
}

/// The eight high bits of `x` (one per byte, as from [`bytes_equal`]) gathered into a byte:
/// bit `k` for byte `k`.
#[inline]
pub fn gather(high: u64) -> u8 {
    // Each high bit moved to bit 0 of its byte, then all eight summed into the top byte by
    // a multiplication whose partial products never overlap.
    (((high >> 7) & splat(1)).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position of a word, against the plain byte tests.
    #[test]
    fn each_test_agrees_with_the_plain_one_on_every_byte() {
        let mut found = [0usize; 2];
        for b in 0..=255u8 {
            for pos in 0..8 {
                // The other bytes vary too: what is next to a byte must not change its result.
                for fill in [0u8, b'a', b'0', 0x7F, 0x80, 0xFF, b.wrapping_add(1)] {
                    let mut bytes = [fill; 8];
                    bytes[pos] = b;
                    let x = u64::from_le_bytes(bytes);
                    let alnum = gather(ascii_alnum(x));
                    let equal = gather(bytes_equal(x, b'.'));
                    for (k, &c) in bytes.iter().enumerate() {
                        assert_eq!(alnum >> k & 1 == 1, c.is_ascii_alphanumeric(), "{bytes:?}");
                        assert_eq!(equal >> k & 1 == 1, c == b'.', "{bytes:?}");
                    }
                    found[0] += usize::from(alnum != 0);
                    found[1] += usize::from(equal != 0);
                }
            }
        }
        assert!(found.iter().all(|&n| n > 0));
    }

    #[test]
    fn load_reads_eight_bytes_or_none() {
        let b = b"0123456789";
        assert_eq!(load(b, 2), Some(u64::from_le_bytes(*b"23456789")));
        assert_eq!(load(b, 3), None);
        assert_eq!(load(b, usize::MAX), None);
    }
}
