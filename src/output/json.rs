//! The JSON renderer: the contract of `docs/output-format.md`, pretty or on one line.

use crate::model::Report;

/// Serializes the report; `compact` puts it on one line. Always ends with a newline.
pub fn render(report: &Report, compact: bool) -> String {
    let mut s = if compact {
        serde_json::to_string(report)
    } else {
        serde_json::to_string_pretty(report)
    }
    // A Report holds only strings, numbers, booleans, sequences and string-keyed maps, and
    // every float is finite (scores and coordinates are computed, never parsed), so
    // serialization cannot fail.
    .unwrap_or_else(|e| unreachable!("serializing a report failed: {e}"));
    s.push('\n');
    s
}
