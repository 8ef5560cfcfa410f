//! The extractors, one folder per kind of fact, and the refiners that combine them.
//!
//! Each extractor is a pure function of the [`Document`](crate::document::Document) (and of
//! earlier results where [`pipeline`](crate::pipeline) says so). Its rules are small and
//! named; its word lists are data files beside it; its examples are its tests.

pub mod actors;
pub mod crisis;
pub mod dates;
pub mod figures;
pub mod locations;
pub mod measures;
pub mod quotes;
pub mod timeline;
