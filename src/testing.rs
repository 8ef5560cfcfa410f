//! Helpers shared by the unit tests (compiled for tests only).

/// A small deterministic generator (xorshift), so that a failure on generated text can be
/// replayed from its seed.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`, chosen at random.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// `s` with about one character in three in ASCII upper case (a number drawn per
    /// character).
    pub fn mixed_case(&mut self, s: &str) -> String {
        s.chars()
            .map(|c| {
                if self.next() % 3 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    }
}

/// How many generated cases a comparison test runs: `default`, or the number in the
/// environment variable `var` (to run millions while developing).
pub fn cases(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
