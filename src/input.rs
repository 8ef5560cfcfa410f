//! Reading one article: from a file or standard input, checked and decoded.
//!
//! The tool refuses input it cannot read faithfully rather than guessing: invalid UTF-8 is
//! reported with the byte offset of the first bad sequence (unless `--lossy`), and input that
//! looks binary (it holds NUL bytes) is refused. A leading BOM is dropped. Empty input is not
//! an error: it gives an empty report.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use thiserror::Error;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-` or no FILE).
    Stdin,
    /// A file path.
    File(PathBuf),
}

impl Source {
    /// How the source is named in messages and batch output.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Why an input could not be used.
#[derive(Debug, Error)]
pub enum InputError {
    /// The file or stream could not be read.
    #[error("cannot read {name}: {source}")]
    Read {
        /// The path, or `<stdin>`.
        name: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{name} is not valid UTF-8: invalid byte sequence at byte offset {offset} (use --lossy to replace bad bytes)")]
    InvalidUtf8 {
        /// The path, or `<stdin>`.
        name: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The bytes contain NUL: probably not a text file.
    #[error("{name} looks like a binary file (NUL byte at byte offset {offset}); use --lossy to read it anyway")]
    Binary {
        /// The path, or `<stdin>`.
        name: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
}

/// An article's text, decoded, with what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The decoded text, BOM removed.
    pub text: String,
    /// How many invalid UTF-8 sequences were replaced by U+FFFD (only with `lossy`).
    pub replaced: usize,
    /// Whether NUL bytes were accepted (only with `lossy`).
    pub had_nul: bool,
}

/// Reads all bytes of `source`.
pub fn read_bytes(source: &Source) -> Result<Vec<u8>, InputError> {
    let wrap = |e| InputError::Read {
        name: source.name(),
        source: e,
    };
    match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf).map_err(wrap)?;
            Ok(buf)
        }
        Source::File(p) => read_file(p).map_err(wrap),
    }
}

fn read_file(p: &Path) -> io::Result<Vec<u8>> {
    if p.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a directory",
        ));
    }
    fs::read(p)
}

/// Decodes `bytes` as an article: refuses NUL bytes and invalid UTF-8 unless `lossy`, and
/// drops a leading BOM.
pub fn decode(name: &str, bytes: Vec<u8>, lossy: bool) -> Result<Text, InputError> {
    let nul = memchr_nul(&bytes);
    if let (Some(offset), false) = (nul, lossy) {
        return Err(InputError::Binary {
            name: name.to_string(),
            offset,
        });
    }
    let (text, replaced) = match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) if !lossy => {
            return Err(InputError::InvalidUtf8 {
                name: name.to_string(),
                offset: e.utf8_error().valid_up_to(),
            })
        }
        Err(e) => {
            let bytes = e.into_bytes();
            let replaced = count_invalid(&bytes);
            (String::from_utf8_lossy(&bytes).into_owned(), replaced)
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Text {
        text,
        replaced,
        had_nul: nul.is_some(),
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Number of invalid sequences that a lossy decode replaces.
fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

/// Reads and decodes one article.
pub fn read(source: &Source, lossy: bool) -> Result<Text, InputError> {
    decode(&source.name(), read_bytes(source)?, lossy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_offset_of_first_invalid_sequence() {
        let err = decode("a.txt", b"abc\xffdef".to_vec(), false).unwrap_err();
        assert!(
            matches!(err, InputError::InvalidUtf8 { offset: 3, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("byte offset 3"));
    }

    #[test]
    fn lossy_replaces_and_counts() {
        let t = decode("a", b"a\xffb\xfe\xfdc".to_vec(), true).unwrap();
        assert_eq!(t.text, "a\u{fffd}b\u{fffd}\u{fffd}c");
        assert_eq!(t.replaced, 3);
    }

    #[test]
    fn refuses_nul_unless_lossy() {
        assert!(matches!(
            decode("a", b"ab\0c".to_vec(), false),
            Err(InputError::Binary { offset: 2, .. })
        ));
        let t = decode("a", b"ab\0c".to_vec(), true).unwrap();
        assert!(t.had_nul);
        assert_eq!(t.text, "ab\0c");
    }

    #[test]
    fn drops_bom_only_at_start() {
        let t = decode("a", "\u{feff}x\u{feff}".as_bytes().to_vec(), false).unwrap();
        assert_eq!(t.text, "x\u{feff}");
    }

    #[test]
    fn missing_file_names_path() {
        let err = read(&Source::File("/no/such/file.txt".into()), false).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("/no/such/file.txt") && msg.contains("No such file"),
            "{msg}"
        );
    }
}
