//! libFuzzer target: any bytes, decoded as `--lossy` does, through extraction and every
//! renderer, with the checks of the property tests (spans equal their input slice, JSON
//! parses, YAML reads back to the same value). Seeds: `fuzz/corpus/extract/`.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check(&text);
});
