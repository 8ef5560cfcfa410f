//! Places (placeholder until the gazetteer lands).
use crate::document::Document;
use crate::model::Location;

/// Finds places.
pub fn extract(_doc: &Document) -> Vec<Location> {
    Vec::new()
}
