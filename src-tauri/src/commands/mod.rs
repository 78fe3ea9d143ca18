//! The Tauri commands, one file per part of the domain. Each calls the core
//! and nothing else.

pub mod claim_matching;
pub mod claim_merge;
pub mod claim_pages;
pub mod claims;
pub mod compare;
pub mod evidence;
pub mod import;
pub mod passage_review;
pub mod quotes;
pub mod reports;
pub mod safety;
pub mod search;
pub mod settings;
pub mod shared_desk;
pub mod sources;
pub mod timeline;
pub mod workspace;
